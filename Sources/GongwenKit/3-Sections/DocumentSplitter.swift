#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a file into documents, keeping web-page front matter and trailing debris apart.
///
/// Documents start at lines carrying 【第N篇】, 第N篇 or 篇N, or at a repeat of the first title line.
struct DocumentSplitter {
  /// Where a document lies, before its sections are parsed.
  struct Span: Equatable {
    /// First line (0-based): the title or its 篇 marker.
    let firstLine: Int
    /// The title line (0-based).
    let titleLine: Int
    /// One past the last line with text.
    let endLine: Int
  }

  /// The file's layout in 0-based line numbers.
  struct Layout: Equatable {
    var front: Range<Int>?
    var documents: [Span]
    var trailer: Range<Int>?
  }

  func split(_ text: DecodedText, lines: TextLines) -> Layout {
    text.bytes.withUnsafeBufferPointer { p in split(p, lines: lines) }
  }

  private func split(_ p: UnsafeBufferPointer<UInt8>, lines: TextLines) -> Layout {
    let trimmed = lines.trimmedContent
    var nonEmpty: [Int] = []
    nonEmpty.reserveCapacity(trimmed.count)
    for k in trimmed.indices where !trimmed[k].isEmpty { nonEmpty.append(k) }
    guard let firstText = nonEmpty.first, let lastText = nonEmpty.last else {
      return Layout(front: nil, documents: [Span(firstLine: 0, titleLine: 0, endLine: 0)], trailer: nil)
    }
    // Front matter and the first document's start. Only lines holding 篇 can carry a marker: they are found
    // in one pass over the text, not one search per line.
    let pieceWords = Self.pieceWordOffsets(in: p)
    var markers: [Int] = []
    // Whether each marker line is its 篇 marker alone, found with it: `isBareMarker` would read it again.
    var bare: [Bool] = []
    var nextWord = 0
    for k in nonEmpty {
      let line = trimmed[k]
      while nextWord < pieceWords.count && pieceWords[nextWord] < line.lowerBound { nextWord += 1 }
      guard nextWord < pieceWords.count && pieceWords[nextWord] + 3 <= line.upperBound else { continue }
      if line.count <= Self.longestMarkerLine, let marker = Self.pieceMarker(in: line, p: p) {
        markers.append(k)
        bare.append(marker == line)
      }
    }
    var front: Range<Int>?
    if let first = markers.first {
      if let lastFront = nonEmpty.last(where: { $0 < first }) { front = firstText..<(lastFront + 1) }
    } else {
      let head = nonEmpty.prefix(10)
      if let lastFront = head.last(where: { Self.isFrontMatterLine(trimmed[$0], in: p) }),
        let start = nonEmpty.first(where: { $0 > lastFront })
      {
        front = firstText..<(lastFront + 1)
        markers = [start]
      } else {
        markers = [firstText]
      }
      // A repeat of the first title line starts another document.
      let title = trimmed[markers[0]]
      if title.count <= 120 && Self.looksLikeTitle(title, in: p) {
        for k in nonEmpty where k > markers[0] && trimmed[k].count == title.count {
          if Self.equal(trimmed[k], title, in: p) { markers.append(k) }
        }
      }
    }
    // Trailing debris after the last document.
    var end = lastText + 1
    var trailerStart: Int?
    var k = lastText
    while k > markers[markers.count - 1] + 1 {
      if trimmed[k].isEmpty { k -= 1; continue }
      guard Self.isDebrisLine(trimmed[k], in: p) else { break }
      trailerStart = k
      k -= 1
    }
    var trailer: Range<Int>?
    if let start = trailerStart {
      trailer = start..<(lastText + 1)
      end = (nonEmpty.last(where: { $0 < start }) ?? start) + 1
    }
    var documents: [Span] = []
    for (n, start) in markers.enumerated() {
      let next = n + 1 < markers.count ? markers[n + 1] : end
      // nonEmpty is sorted: binary searches keep many documents in one file linear, not quadratic.
      let below = Self.firstIndex(in: nonEmpty, atLeast: next)
      let lastLine = (below > 0 && nonEmpty[below - 1] >= start ? nonEmpty[below - 1] : start) + 1
      var titleLine = start
      let after = Self.firstIndex(in: nonEmpty, atLeast: start + 1)
      let isBare = n < bare.count ? bare[n] : Self.isBareMarker(trimmed[start], in: p)
      if isBare, after < nonEmpty.count, nonEmpty[after] < next {
        titleLine = nonEmpty[after]
      }
      documents.append(Span(firstLine: start, titleLine: titleLine, endLine: lastLine))
    }
    return Layout(front: front, documents: documents, trailer: trailer)
  }

  /// The index of the first element of the sorted `values` that is `>= bound` (`values.count` when none).
  static func firstIndex(in values: [Int], atLeast bound: Int) -> Int {
    var low = 0
    var high = values.count
    while low < high {
      let mid = (low + high) / 2
      if values[mid] < bound { low = mid + 1 } else { high = mid }
    }
    return low
  }

  // MARK: - Line tests

  private static let pieceOpen = FoldedMatch.pattern("【第")
  private static let pieceWord: UInt32 = 0x7BC7  // 篇
  private static let ordinalWord: UInt32 = 0x7B2C  // 第

  /// Longer lines (in bytes) carry no 篇 marker: 【第N篇】 stands anywhere in a short line, 第N篇 or 篇N ends it.
  static let longestMarkerLine = 240

  /// The offsets of the 篇 marker in `line`, if any.
  static func pieceMarker(in line: Range<Int>, p: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    // Every marker holds 篇 (E7 AF 87, which no other scalar folds to): most lines fail this byte scan. A line
    // with 。 is a sentence, not a title (only 。 folds to 。, so its bytes tell).
    guard containsPieceWord(line, in: p), !containsFullStop(line, in: p) else { return nil }
    func isNumber(_ v: UInt32) -> Bool { (v >= 0x30 && v <= 0x39) || ChineseNumeral.isNumeral(v) }
    func folded(at i: Int) -> (value: UInt32, length: Int) {
      let (v, length) = ScalarReader.scalar(at: i, in: p)
      return (ScriptFolding.fold(v), length)
    }
    // One pass over the folded scalars, without collecting them: each 第 looks ahead over its numbers only.
    var previous: (value: UInt32, offset: Int)?
    var lastPiece: Int?  // the last 篇, and what follows it
    var scalarsAfterPiece = 0
    var onlyNumbersAfterPiece = true
    var i = line.lowerBound
    while i < line.upperBound {
      let (v, length) = folded(at: i)
      if v == ordinalWord {
        // 第N篇 within 【】, or ending the line.
        var j = i + length
        var numbers = 0
        var next: (value: UInt32, length: Int) = (0, 0)
        while j < line.upperBound {
          next = folded(at: j)
          guard isNumber(next.value) else { break }
          numbers += 1
          j += next.length
        }
        if numbers > 0, j < line.upperBound, next.value == pieceWord {
          let afterPiece = j + next.length
          if let open = previous, open.value == 0x3010, afterPiece < line.upperBound,
            folded(at: afterPiece).value == 0x3011
          {
            return open.offset..<(afterPiece + 3)
          }
          if afterPiece == line.upperBound { return i..<line.upperBound }
        }
      }
      if v == pieceWord {
        lastPiece = i
        scalarsAfterPiece = 0
        onlyNumbersAfterPiece = true
      } else if lastPiece != nil {
        scalarsAfterPiece += 1
        if !isNumber(v) { onlyNumbersAfterPiece = false }
      }
      previous = (v, i)
      i += length
    }
    // 篇N at the end of the line.
    if let last = lastPiece, scalarsAfterPiece > 0, onlyNumbersAfterPiece { return last..<line.upperBound }
    return nil
  }

  /// The offsets of every 篇 (E7 AF 87) in `p`, in order: memchr for the rarest byte, the last, then a look back.
  static func pieceWordOffsets(in p: UnsafeBufferPointer<UInt8>) -> [Int] {
    var offsets: [Int] = []
    guard let base = p.baseAddress else { return offsets }
    var i = 2
    while i < p.count {
      guard let hit = memchr(base + i, 0x87, p.count - i) else { break }
      let k = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
      if p[k - 2] == 0xE7 && p[k - 1] == 0xAF { offsets.append(k - 2) }
      i = k + 1
    }
    return offsets
  }

  private static func containsPieceWord(_ line: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> Bool {
    // memchr for the rarest byte, the last (87), then a look back: most lines hold few 87 bytes.
    guard let base = p.baseAddress, line.count >= 3 else { return false }
    var i = line.lowerBound + 2
    while i < line.upperBound {
      guard let hit = memchr(base + i, 0x87, line.upperBound - i) else { return false }
      let k = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
      if p[k - 2] == 0xE7 && p[k - 1] == 0xAF { return true }
      i = k + 1
    }
    return false
  }

  /// A line that is only the 篇 marker: 【第1篇】.
  static func isBareMarker(_ line: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let marker = pieceMarker(in: line, p: p) else { return false }
    return marker == line
  }

  static let frontWords = ["网友", "分享", "来源", "发布时间", "发布日期", "更新", "编辑", "作者", "浏览", "阅读", "时间:"].map(FoldedMatch.pattern)
  private static let frontOpeners = ["【导言】", "【说明】", "【提示】", "【摘要】", "编者按", "导读"].map(FoldedMatch.pattern)

  /// 网友 分享 时间, 来源：… 更新：…, 【导言】…: the web page's own matter.
  static func isFrontMatterLine(_ line: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> Bool {
    if !line.isEmpty, openerFirsts & 1 << UInt64(ScriptFolding.fold(ScalarReader.scalar(at: line.lowerBound, in: p).value) & 63) != 0,
      FoldedMatch.firstMatch(frontOpeners, at: line.lowerBound, limit: line.upperBound, in: p) != nil
    {
      return true
    }
    guard line.count <= 180, HeadingMarker.heading(at: line.lowerBound, limit: line.upperBound, in: p) == nil
    else { return false }
    let hits = distinctWords(frontWords, firsts: frontFirsts, hanFirsts: frontHanFirsts, in: line, p: p)
    return hits >= 2 || (hits == 1 && !containsFullStop(line, in: p) && line.count <= 60)
  }

  static let debrisWords = [
    "返回目录", "返回顶部", "上一篇", "下一篇", "相关推荐", "相关文章", "版权所有", "免责声明", "本文来源", "阅读全文", "点击查看", "分享到",
    "扫一扫", "猜你喜欢", "热门推荐",
  ].map(FoldedMatch.pattern)

  /// Scraped debris after the text: no Han at all, or a known navigation phrase.
  static func isDebrisLine(_ line: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> Bool {
    // Up to the first Han scalar only: one is enough to tell.
    var han = false
    var i = line.lowerBound
    while i < line.upperBound && !han {
      let (v, len) = ScalarReader.scalar(at: i, in: p)
      han = v >= 0x4E00 && v <= 0x9FFF
      i += len
    }
    if !han { return true }
    guard line.count <= 120 else { return false }
    return distinctWords(debrisWords, firsts: debrisFirsts, hanFirsts: debrisHanFirsts, in: line, p: p) > 0
  }

  /// One bit per word's first scalar (its low six bits): most scalars start none of the words.
  private static func firstScalars(_ words: [[UInt32]]) -> UInt64 {
    words.reduce(0) { $0 | 1 << UInt64(($1.first ?? 0) & 63) }
  }
  private static let frontFirsts = firstScalars(frontWords)
  private static let debrisFirsts = firstScalars(debrisWords)

  /// One bit per Han scalar U+4000…U+9FFF (leads E4…E9) whose folded form starts one of `words`: the others
  /// are passed over without decoding or folding them.
  static func hanFirsts(_ words: [[UInt32]]) -> [UInt64] {
    var bits = [UInt64](repeating: 0, count: 0x6000 / 64)
    let firsts = words.compactMap(\.first)
    // Most scalars are no word's first, told by the one-bit filter before the short list is searched.
    let filter = firstScalars(words)
    let table = ScriptFolding.hanTable
    for v in UInt32(0x4000)..<0xA000 {
      // `ScriptFolding.fold` of a scalar of this range, without its tests for the other ranges.
      let entry = v >= 0x4E00 ? UInt32(table[Int(v - 0x4E00)]) : 0
      let folded = entry > UInt32(ScriptFolding.simplifiedOnly) ? entry : v
      guard filter & (1 << UInt64(folded & 63)) != 0, firsts.contains(folded) else { continue }
      let k = Int(v - 0x4000)
      bits[k >> 6] |= 1 << UInt64(k & 63)
    }
    return bits
  }
  private static let frontHanFirsts = hanFirsts(frontWords)
  private static let debrisHanFirsts = hanFirsts(debrisWords)
  private static let openerFirsts = firstScalars(frontOpeners)

  /// How many of `words` (at most 64, their `firstScalars` in `firsts`) occur in `line`: one pass over its
  /// scalars, each folded once.
  static func distinctWords(
    _ words: [[UInt32]], firsts: UInt64, hanFirsts: [UInt64], in line: Range<Int>, p: UnsafeBufferPointer<UInt8>
  ) -> Int {
    var found: UInt64 = 0
    var i = line.lowerBound
    // Han scalars (lead E4…E9, their two bytes within the line) that fold to no word's first: passed over in a
    // tight loop through the bitmap's pointer.
    let hanStop = line.upperBound &- 2
    while i < line.upperBound {
      hanFirsts.withUnsafeBufferPointer { bits in
        while i < hanStop, case let lead = p[i] &- 0xE4, lead < 6,
          bits[Int(lead) << 6 | Int(p[i &+ 1] & 0x3F)] & (1 << UInt64(p[i &+ 2] & 0x3F)) == 0
        {
          i &+= 3
        }
      }
      guard i < line.upperBound else { break }
      let (v, length) = ScalarReader.scalar(at: i, in: p)
      let folded = ScriptFolding.fold(v)
      if firsts & (1 << UInt64(folded & 63)) == 0 {
        i += length
        continue
      }
      for (k, word) in words.enumerated() where word.first == folded && found & (1 << k) == 0 {
        if FoldedMatch.match(word, at: i, limit: line.upperBound, in: p) != nil { found |= 1 << k }
      }
      i += length
    }
    return found.nonzeroBitCount
  }

  /// Short, no full stop, not a heading.
  static func looksLikeTitle(_ line: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> Bool {
    !containsFullStop(line, in: p) && HeadingMarker.heading(at: line.lowerBound, limit: line.upperBound, in: p) == nil
  }

  static func containsFullStop(_ line: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> Bool {
    // The first 。 (E3 80 82) found eight bytes at a time.
    SectionParser.clauseEnd(from: line.lowerBound, limit: line.upperBound, in: p, stopAtSemicolon: false) < line.upperBound
  }

  static func equal(_ a: Range<Int>, _ b: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    for k in 0..<a.count where p[a.lowerBound + k] != p[b.lowerBound + k] { return false }
    return true
  }
}
