/// Finds the place and year a document names: `青泉街道2019年人大代表换届选举工作总结` → 青泉街道, 2019.
///
/// A place is 2–8 Han characters ending in an administrative suffix (省 市 区 县 乡 镇 旗 州 盟 街道). In a
/// title it must stand at the start (after a 【第N篇】 marker, 关于, 中共 or a year); in an opening line it must follow the
/// line start or punctuation. Masks (`**区`, `xx县`, `某镇`, `20xx年`) give `.placeholder`, never a name.
/// Matching folds full-width and traditional forms, so 林嶺鄉 is found as a place and kept as written.
enum MentionDetector {
  /// Scalars of a short text, folded for matching, with their UTF-8 offsets (one more for the end).
  private struct Scalars {
    var folded: [UInt32] = []
    var offsets: [Int] = []

    init(_ p: UnsafeBufferPointer<UInt8>, range: Range<Int>, limit: Int) {
      var i = range.lowerBound
      while i < range.upperBound && folded.count < limit {
        let (v, length) = ScalarReader.scalar(at: i, in: p)
        folded.append(ScriptFolding.fold(v))
        offsets.append(i)
        i += length
      }
      offsets.append(min(i, range.upperBound))
    }

    var count: Int { folded.count }
  }

  private static let scalarLimit = 200
  private static let suffixes: Set<UInt32> = Set("省市区县乡镇旗州盟".unicodeScalars.map(\.value))
  private static let street = FoldedMatch.pattern("街道")
  private static let nian: UInt32 = 0x5E74  // 年
  // Characters that never occur in the name before the suffix: they belong to the title's wording.
  private static let wording: Set<UInt32> = Set("换选举工作总结党委会届第的关于年在对级".unicodeScalars.map(\.value))
  // In running text, words that start a clause rather than a name: 根据县委…, 我乡…, 确保乡镇….
  private static let clauseStart: Set<UInt32> = Set(
    "根按依在今我全本各该上下对为从经自于由和与及等是有将把向两确通加严做进开完坚认结充切实努积组召省市区县乡镇旗州盟"
      .unicodeScalars.map(\.value))
  private static let masks: Set<UInt32> = Set("*xX×╳□■○●某".unicodeScalars.map(\.value))
  private static let chineseDigits: [UInt32: Int] = {
    var table: [UInt32: Int] = [:]
    for (k, s) in "〇一二三四五六七八九".unicodeScalars.enumerated() { table[s.value] = k }
    table[0x96F6] = 0  // 零
    return table
  }()

  // MARK: - Place

  /// The place a title names at its start.
  static func place(inTitle p: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Mention<String>? {
    let s = Scalars(p, range: range, limit: scalarLimit)
    var k = skipSpaces(s, from: 0)
    // A leading piece marker: 【第一篇】青泉街道….
    if k < s.count, s.folded[k] == 0x3010, let close = s.folded[k...].firstIndex(of: 0x3011), close - k <= 8 {
      k = skipSpaces(s, from: close + 1)
    }
    for prefix in ["关于", "中共"].map(FoldedMatch.pattern) where hasPrefix(s, prefix, at: k) { k += prefix.count }
    if let end = yearEnd(s, at: k) { k = end }
    return candidate(s, at: k, inText: false, p: p)
  }

  /// The first place an opening line names after its start or a punctuation mark.
  static func place(inText p: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Mention<String>? {
    let s = Scalars(p, range: range, limit: scalarLimit)
    var k = skipSpaces(s, from: 0)
    var atBoundary = true
    while k < s.count {
      if atBoundary, let found = candidate(s, at: k, inText: true, p: p) { return found }
      let v = s.folded[k]
      atBoundary = !isHan(v) && !masks.contains(v) && !isDigit(v) || v == nian
      k += 1
    }
    return nil
  }

  /// A place starting exactly at scalar `k`; in running text, not a clause's first word nor a word such as
  /// 乡镇 or 县乡 (a suffix followed by another).
  private static func candidate(_ s: Scalars, at k: Int, inText: Bool, p: UnsafeBufferPointer<UInt8>)
    -> Mention<String>?
  {
    var j = k
    while j < s.count && j - k <= 8 {
      let v = s.folded[j]
      let suffixLength: Int
      if suffixes.contains(v) {
        suffixLength = 1
      } else if hasPrefix(s, street, at: j) {
        suffixLength = 2
      } else if isHan(v) || masks.contains(v) {
        j += 1
        continue
      } else {
        return nil
      }
      let prefix = s.folded[k..<j]
      if !prefix.isEmpty && prefix.allSatisfy(masks.contains) { return .placeholder }
      guard prefix.count >= 2, !prefix.contains(where: wording.contains) else { return nil }
      if inText {
        let next = j + suffixLength
        guard !clauseStart.contains(s.folded[k]), next >= s.count || !suffixes.contains(s.folded[next]) else {
          return nil
        }
      }
      // Masks mixed into a name (x山县) still withhold it.
      if prefix.contains(where: masks.contains) { return .placeholder }
      let lower = s.offsets[k]
      let upper = s.offsets[j + suffixLength]
      return .named(String(decoding: UnsafeBufferPointer(rebasing: p[lower..<upper]), as: UTF8.self))
    }
    return nil
  }

  // MARK: - Year

  /// The first year written as four digits (2019年, ２０１９年, 二〇一九年) or masked (20xx年) in the range.
  static func year(in p: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Mention<Int>? {
    let s = Scalars(p, range: range, limit: scalarLimit)
    var k = 0
    while k + 4 < s.count {
      if s.folded[k + 4] == nian, k == 0 || !isYearScalar(s.folded[k - 1]), let year = year(s, at: k) {
        return year
      }
      k += 1
    }
    return nil
  }

  private static func year(_ s: Scalars, at k: Int) -> Mention<Int>? {
    var value = 0
    var masked = false
    for v in s.folded[k..<k + 4] {
      if isDigit(v) {
        value = value * 10 + Int(v - 0x30)
      } else if let d = chineseDigits[v] {
        value = value * 10 + d
      } else if masks.contains(v) && v != 0x67D0 {
        masked = true
      } else {
        return nil
      }
    }
    if masked { return .placeholder }
    return (1900...2100).contains(value) ? .named(value) : nil
  }

  /// End of a year and its 年 at `k`, to skip it before a place.
  private static func yearEnd(_ s: Scalars, at k: Int) -> Int? {
    guard k + 4 < s.count, s.folded[k + 4] == nian, year(s, at: k) != nil else { return nil }
    return k + 5
  }

  // MARK: - Scalars

  private static func isYearScalar(_ v: UInt32) -> Bool {
    isDigit(v) || chineseDigits[v] != nil || (masks.contains(v) && v != 0x67D0)
  }

  private static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

  private static func isHan(_ v: UInt32) -> Bool { (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) }

  private static func skipSpaces(_ s: Scalars, from k: Int) -> Int {
    var k = k
    while k < s.count && (s.folded[k] == 0x20 || s.folded[k] == 0x09) { k += 1 }
    return k
  }

  private static func hasPrefix(_ s: Scalars, _ pattern: [UInt32], at k: Int) -> Bool {
    guard k + pattern.count <= s.count else { return false }
    return s.folded[k..<k + pattern.count].elementsEqual(pattern)
  }
}
