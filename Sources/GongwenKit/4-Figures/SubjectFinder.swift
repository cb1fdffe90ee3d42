/// Finds the noun phrase a figure measures, looking back at most to the clause start (and at most
/// `maxScalars`), or forward over the noun that follows a measure word (306个行政村). Phrases are byte ranges
/// of the text: no copies are made until a figure is written.
enum SubjectFinder {
  static let maxScalars = 16

  /// Whether `v` ends a phrase: punctuation, digits, ASCII, spaces, brackets and quotes.
  @inline(__always)
  static func isBreak(_ v: UInt32) -> Bool {
    if v < 0x80 { return true }
    if v >= 0x3000 && v <= 0x303F { return true }  // CJK punctuation 、。「」《》【】
    if v >= 0xFF00 && v <= 0xFF65 { return true }  // full-width forms
    if v >= 0x2000 && v <= 0x206F { return true }  // “ ” — …
    return v == 0xFFFD || v == 0xD7
  }

  /// Words dropped from the front of a phrase: 其中男子 → 男子.
  static let leading = PatternList([
    "其中", "另有", "还有", "共有", "全区", "全镇", "全县", "全乡", "全市", "全街道", "目前", "此外", "同时", "我区", "我镇", "我县",
    "已有", "累计", "拥有", "具有", "在", "共", "有", "和", "与", "及", "、", "的", "新当选的", "当选的", "选出", "产生", "均",
    "依法选举产生", "选举产生", "共选举产生", "新一届", "本届", "全体",
  ].sorted { $0.unicodeScalars.count > $1.unicodeScalars.count })

  /// Words dropped from the end: 参选率达 → 参选率.
  static let trailing = PatternList([
    "共有", "共计", "合计", "总计", "达到", "达", "为", "是", "有", "共", "计", "约", "近", "占", "的", "超过", "不到", "仅", "只有",
    "年仅", "大约", "多达", "将近", "接近", "普遍在", "普遍", "在", "分别", "都", "也", "已", "了", "就", "人数", "总数为", "达到了",
  ].sorted { $0.unicodeScalars.count > $1.unicodeScalars.count })

  /// Words after which the phrase starts afresh: 芝山镇共有选民 → 选民, 主任中有中共党员 → 中共党员.
  static let cuts = PatternList(["共有", "其中", "另有", "还有", "拥有", "具有", "有"])

  /// `cuts`, `leading` and `trailing` as one static, for `trim`.
  static let lists = (cuts: cuts, leading: leading, trailing: trailing)

  /// Scalars that stop the noun after a measure word: 306个行政村统一… → 行政村.
  static let nounStops: ScalarSet = ScalarSet(folding: "的在于被是为和与及统全均都已取参进中共从对将把由向以经按等占达比较有实完开采组加分各及并个名位了配征任换当担去来出入获积认通要经举召开延因")

  /// The Han characters as written that end the noun after a measure word: those folding to `nounStops`, and
  /// the numeral digits. One bitmap, read once per noun, for a fold, a set and a switch per character (every
  /// digit but 〇, which `isBreak` ends, is a Han character, and only Han characters fold to Han characters).
  static let nounEnds = ScalarSet(
    (UInt32(0x4E00)...0x9FFF).filter { nounStops.contains(ScriptFolding.fold($0)) || ChineseNumeral.digit($0) != nil })

  /// The scalar ending just before `end` (> 0) and where it starts, in valid UTF-8: ASCII and three-byte
  /// characters, nearly all of the text, without the walk over continuation bytes.
  @inline(__always)
  static func scalar(before end: Int, in p: UnsafeBufferPointer<UInt8>) -> (value: UInt32, start: Int) {
    // A three-byte lead three bytes back can only start the scalar that ends at `end` (a boundary).
    if end >= 3 && p[end - 3] & 0xF0 == 0xE0 {
      let s = end - 3
      return (UInt32(p[s] & 0x0F) << 12 | UInt32(p[s + 1] & 0x3F) << 6 | UInt32(p[end - 1] & 0x3F), s)
    }
    let last = p[end - 1]
    if last < 0x80 { return (UInt32(last), end - 1) }
    let s = ScalarReader.previousBoundary(before: end, in: p)
    return (ScalarReader.scalar(at: s, in: p).value, s)
  }

  /// The phrase before `end` (back to `floor`), trimmed of leading and trailing function words. One walk back
  /// finds the raw phrase and the last character that may end a cut word (共有, 有), where the trim's own walk
  /// back for a cut starts: it no longer passes the characters after it a second time.
  static func phrase(before end: Int, floor: Int, in p: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    let lists = Self.lists
    let (range, cut) = rawPhrase(before: end, floor: floor, in: p, cuts: lists.cuts)
    guard !range.isEmpty else { return range.lowerBound..<range.lowerBound }
    return trim(range, cutFrom: cut, in: p, cuts: lists.cuts, leading: lists.leading, trailing: lists.trailing)
  }

  /// The phrase ending at `end`, no further back than `floor` and `maxScalars`, and the last boundary inside it
  /// (before `end`) where the scalar before may end a word of `cuts`, or -1.
  private static func rawPhrase(
    before end: Int, floor: Int, in p: UnsafeBufferPointer<UInt8>, cuts: borrowing PatternList
  ) -> (range: Range<Int>, cut: Int) {
    var j = end
    var n = 0
    var cut = -1
    while j > floor, n < maxScalars {
      if j >= 3 && j - 3 >= floor && p[j - 3] &- 0xE4 < 6 {
        // Most Han characters end no cut word: their last byte says so.
        if cut < 0 && j != end && cuts.mayEnd(withLastByte: p[j - 1]) {
          let s = j - 3
          let v = UInt32(p[s] & 0x0F) << 12 | UInt32(p[s + 1] & 0x3F) << 6 | UInt32(p[j - 1] & 0x3F)
          if cuts.mayEnd(with: v) { cut = j }
        }
        j -= 3
        n += 1
        continue
      }
      let (v, k) = scalar(before: j, in: p)
      guard k >= floor, !isBreak(v) else { break }
      if cut < 0 && j != end && cuts.mayEnd(with: v) { cut = j }
      j = k
      n += 1
    }
    return (j..<end, cut)
  }

  /// `range` without leading and trailing function words, and starting after its last 共有 / 有.
  static func trim(_ range: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    guard !range.isEmpty else { return range.lowerBound..<range.lowerBound }
    // The lists read once here, not once per character, and as one static (each read of a static is a call),
    // lent rather than copied.
    return trim(
      range, cutFrom: ScalarReader.previousBoundary(before: range.upperBound, in: p), in: p, cuts: lists.cuts,
      leading: lists.leading, trailing: lists.trailing)
  }

  /// `trim`, its walk back for a cut starting at boundary `cutFrom` (< the range's end; none where it is not
  /// above the range's start): no scalar between it and the end may end a cut word.
  private static func trim(
    _ range: Range<Int>, cutFrom: Int, in p: UnsafeBufferPointer<UInt8>, cuts: borrowing PatternList,
    leading: borrowing PatternList, trailing: borrowing PatternList
  ) -> Range<Int> {
    var lo = range.lowerBound
    var hi = range.upperBound
    // Cut after the last 共有 / 有 that leaves a phrase behind it.
    var k = cutFrom
    while k > lo {
      // A three-byte character whose last byte ends no cut word is passed without decoding.
      if k >= 3 && k - 3 >= lo && p[k - 3] & 0xF0 == 0xE0 && !cuts.mayEnd(withLastByte: p[k - 1]) {
        k -= 3
        continue
      }
      let (v, before) = scalar(before: k, in: p)
      if before >= lo, cuts.mayEnd(with: v),
        cuts.matchBackward(endingAt: k, floor: lo, in: p) != nil
      {
        lo = k
        break
      }
      k = before
    }
    var changed = true
    while changed && lo < hi {
      changed = false
      if let m = leading.match(at: lo, limit: hi, in: p) { lo = m.end; changed = true }
      guard lo < hi else { break }
      if let m = trailing.matchBackward(endingAt: hi, floor: lo, in: p) { hi = m.start; changed = true }
    }
    return lo < hi ? lo..<hi : lo..<lo
  }

  /// The noun right after a measure word, up to a stop character: 306个行政村统一 → 行政村.
  static func noun(after start: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    let ends = nounEnds
    var j = start
    var n = 0
    while j < limit, n < 8 {
      // A Han character (lead E4…E9) is never a break: one bitmap test.
      if p[j] &- 0xE4 < 6 && j + 2 < p.count {
        let v = UInt32(p[j] & 0x0F) << 12 | UInt32(p[j + 1] & 0x3F) << 6 | UInt32(p[j + 2] & 0x3F)
        if ends.contains(v) { break }
        j += 3
        n += 1
        continue
      }
      let (v, len) = ScalarReader.scalar(at: j, in: p)
      if isBreak(v) || ends.contains(v) { break }
      j += len
      n += 1
    }
    return start..<j
  }

  /// Number of scalars in `range`.
  static func scalarCount(_ range: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> Int {
    var n = 0
    for k in range where p[k] & 0xC0 != 0x80 { n += 1 }
    return n
  }

  /// Whether two ranges hold the same bytes.
  static func same(_ a: Range<Int>, _ b: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    for k in 0..<a.count where p[a.lowerBound + k] != p[b.lowerBound + k] { return false }
    return true
  }

  /// Whether folded `w` starts `range`.
  static func starts(_ range: Range<Int>, with w: [UInt32], in p: UnsafeBufferPointer<UInt8>) -> Int? {
    FoldedMatch.match(w, at: range.lowerBound, limit: range.upperBound, in: p)
  }
}
