/// Finds, in one pass over UTF-8 bytes, what was masked or never filled in: names (**区, xx街道, 某某,
/// a lone *), dates (20xx年, x月xx日, 月日) and other runs of x, X, ×, * standing for digits.
///
/// Letters count only where no ASCII letter touches them, so `box` and `xml` are words, not masks.
/// Suffixes match through `ScriptFolding`, so 區, 縣 and 鎮 count too.
struct PlaceholderScanner: Sendable {
  /// What a placeholder stands for.
  enum Kind: Sendable, Hashable { case name, date, number }

  /// One placeholder: its kind, its bytes, and where the text quoted in a message ends.
  struct Match: Sendable, Hashable {
    var kind: Kind
    let range: Range<Int>
    /// End of the quoted context: the placeholder and the character after it.
    let context: Int
  }

  private static let nameSuffixes: [[UInt32]] = [
    "街道", "社区", "居委会", "村委会", "小区", "省", "市", "区", "县", "镇", "乡", "村", "街", "路", "苑", "办", "局",
  ].map(FoldedMatch.pattern)
  private static let year = FoldedMatch.pattern("年")
  private static let month = FoldedMatch.pattern("月")
  private static let days = ["日", "号"].map(FoldedMatch.pattern)
  private static let yearScalar = ScriptFolding.fold(0x5E74)  // 年
  private static let monthScalar = ScriptFolding.fold(0x6708)  // 月
  private static let dayScalars = days.map { $0[0] }
  /// The first folded character of each of `nameSuffixes`.
  private static let nameSuffixFirsts = nameSuffixes.map { $0[0] }
  /// Characters before 月日 that make it a real phrase (每月日均) or a date with a number (十一月日).
  private static let beforeMonth: Set<UInt32> = Set("〇一二三四五六七八九十两零每本当该次上下同今明".unicodeScalars.map(\.value))

  /// The placeholders in `bytes`, in text order.
  /// - Complexity: O(n).
  func matches(in bytes: [UInt8]) -> [Match] { matches(in: bytes, within: 0..<bytes.count) }

  /// The placeholders starting in `scope` (which begins at a line start), in text order.
  func matches(in bytes: [UInt8], within scope: Range<Int>) -> [Match] {
    bytes.withUnsafeBufferPointer { p in
      var out: [Match] = []
      var i = scope.lowerBound
      let n = p.count
      let raw = UnsafeRawBufferPointer(p)
      // Blocks may be tested from offsets up to `last` (two bytes beyond each block must exist).
      let last = min(scope.upperBound - 1, n - Self.block - 2)
      while i < scope.upperBound {
        // Sixteen bytes at a time while none of them can start a placeholder (offsets stay far below
        // Int.max, so the additions cannot overflow); a block that may is walked byte by byte (the walk
        // may run past it, as a match or a character does).
        i = Self.skip(from: i, through: last, in: raw)
        guard i < scope.upperBound else { break }
        guard i <= last else {
          while i < scope.upperBound { i = step(at: i, p, into: &out) }
          break
        }
        // A block that may start one: only its offsets that may are looked at (the others start nothing,
        // and continuation bytes never pass), from where the last step left off.
        let end = min(i + Self.block, scope.upperBound)
        let (low, high) = ByteLanes.lowBits(Self.starts(in: raw, at: i))
        var next = i
        walk(low, from: i, before: end, &next, p, &out)
        walk(high, from: i + 8, before: end, &next, p, &out)
        i = max(next, end)
      }
      return out
    }
  }

  /// `matches(in:within:)` by a step at every offset the walk reaches, with no block test: the plain scan
  /// the tests hold the fast one to.
  func matchesByteByByte(in bytes: [UInt8], within scope: Range<Int>) -> [Match] {
    bytes.withUnsafeBufferPointer { p in
      var out: [Match] = []
      var i = scope.lowerBound
      while i < scope.upperBound { i = step(at: i, p, into: &out) }
      return out
    }
  }

  /// The first of `i`, `i + block`, … up to `last` whose block may start a placeholder (past `last` when
  /// none). A function of its own: inlined into the scan, the loop reloaded its base pointer from the stack
  /// and moved its offset between registers on every block.
  @inline(never)
  private static func skip(from i: Int, through last: Int, in raw: UnsafeRawBufferPointer) -> Int {
    var i = i
    while i <= last && !mayStart(in: raw, at: i) { i &+= block }
    return i
  }

  /// Steps at each offset `start + k` whose bit `8 k` is set in `bits`, in order, that lies before `end`
  /// and at or after `next` (where the last step left off), moving `next` on.
  @inline(__always)
  private func walk(
    _ bits: UInt64, from start: Int, before end: Int, _ next: inout Int, _ p: UnsafeBufferPointer<UInt8>,
    _ out: inout [Match]
  ) {
    var bits = bits
    while bits != 0 {
      let j = start &+ bits.trailingZeroBitCount &>> 3
      bits &= bits &- 1
      guard j < end else { return }
      if j >= next { next = step(at: j, p, into: &out) }
    }
  }

  /// Bytes tested at once by `mayStart(in:at:)`.
  private static let block = 16

  /// Whether a placeholder may start at one of the `block` offsets from `i` (two bytes beyond them must
  /// exist): * x X, × (C3 97), ＊ Ｘ ｘ (EF BC 8A, EF BC B8, EF BD 98), 某 (E6 9F 90) or 月 (E6 9C 88);
  /// false only when none may.
  /// Continuation bytes never equal a first byte, so offsets inside a character never pass.
  @inline(__always)
  static func mayStart(in raw: UnsafeRawBufferPointer, at i: Int) -> Bool { ByteLanes.any(starts(in: raw, at: i)) }

  /// The offsets of the `block` from `i` where a placeholder may start (see `mayStart(in:at:)`).
  @inline(__always)
  private static func starts(in raw: UnsafeRawBufferPointer, at i: Int) -> ByteLanes.Mask {
    typealias L = ByteLanes
    let (a, b, c) = L.loadThree(raw, i)
    // A superset, tested with fewer operations (a block that passes is walked, which tests exactly):
    // * x X and C3 (×); then E6 or EF with a second byte of 9C…9F or BC…BF and a third of 80…BA with
    // bits 0 and 2 clear (80 88 90 98 8A B8 among them), which takes in 某 月 ＊ Ｘ ｘ.
    let ascii = L.eq(a, 0x2A) .| L.eq(a, 0xDF, 0x58) .| L.eq(a, 0xC3)
    let wide = (L.eq(a, 0xE6) .| L.eq(a, 0xEF)) .& L.eq(b, 0xDC, 0x9C) .& L.eq(c, 0xC5, 0x80)
    return ascii .| wide
  }

  /// Looks at offset `i`: appends a placeholder starting there, if any, and returns the offset to go on
  /// from.
  @inline(__always)
  private func step(at i: Int, _ p: UnsafeBufferPointer<UInt8>, into out: inout [Match]) -> Int {
    let n = p.count
    let b = p[i]
    // Most bytes start nothing: only 2A 58 78 C3 E6 EF can. A three-byte character other than 某/月
    // (E6 9F, E6 9C) and full-width masks (EF BC, EF BD) is passed in one step: its continuation
    // bytes start nothing either.
    if b >= 0xE0, i + 2 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 {
      let b1 = p[i + 1]
      let maybe = b == 0xE6 ? (b1 == 0x9F || b1 == 0x9C) : b == 0xEF && (b1 == 0xBC || b1 == 0xBD)
      if !maybe { return i + 3 }
    }
    guard b == 0x2A || b == 0x78 || b == 0x58 || b == 0xC3 || b == 0xEF || b == 0xE6 else { return i + 1 }
    if Self.symbolLength(at: i, p) > 0 {
      let (match, next) = run(at: i, p)
      if let match {
        // 和xx、xx苑居委会: a bare run listed before a masked name is a name too.
        if match.kind == .name, let last = out.last, last.kind == .number, last.range.upperBound + 3 == match.range.lowerBound,
          p[last.range.upperBound] == 0xE3, p[last.range.upperBound + 1] == 0x80, p[last.range.upperBound + 2] == 0x81
        {
          out[out.count - 1].kind = .name
        }
        out.append(match)
      }
      return next
    }
    // 某 is E6 9F 90, 月 is E6 9C 88: test the second byte before the calls.
    if b == 0xE6, i + 1 < n, p[i + 1] == 0x9F, let mou = mou(at: i, p) {
      out.append(mou)
      return mou.range.upperBound
    }
    if b == 0xE6, i + 1 < n, p[i + 1] == 0x9C, let blank = blankMonthDay(at: i, p) {
      out.append(blank)
      return blank.range.upperBound
    }
    return i + 1
  }

  // MARK: - Runs of x, X, ×, *

  /// Length of a mask symbol at `i` (0 when none): * x X (1), × (2), ＊ ｘ Ｘ (3).
  @inline(__always)
  private static func symbolLength(at i: Int, _ p: UnsafeBufferPointer<UInt8>) -> Int {
    switch p[i] {
    case 0x2A, 0x78, 0x58: return 1
    case 0xC3: return i + 1 < p.count && p[i + 1] == 0x97 ? 2 : 0
    case 0xEF:
      guard i + 2 < p.count else { return 0 }
      if p[i + 1] == 0xBC && (p[i + 2] == 0x8A || p[i + 2] == 0xB8) { return 3 }
      if p[i + 1] == 0xBD && p[i + 2] == 0x98 { return 3 }
      return 0
    default: return 0
    }
  }

  @inline(__always)
  private static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
  @inline(__always)
  private static func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

  /// The run of mask symbols at `i` classified, and the offset to go on from.
  private func run(at i: Int, _ p: UnsafeBufferPointer<UInt8>) -> (Match?, Int) {
    let n = p.count
    var j = i
    var symbols = 0
    var onlyStars = true
    var hasASCIILetter = false
    while j < n {
      let len = Self.symbolLength(at: j, p)
      guard len > 0 else { break }
      if p[j] == 0x78 || p[j] == 0x58 { hasASCIILetter = true }
      if !(p[j] == 0x2A || (len == 3 && p[j + 2] == 0x8A)) { onlyStars = false }
      symbols += 1
      j += len
    }
    let before: UInt8 = i > 0 ? p[i - 1] : 0x20
    let after: UInt8 = j < n ? p[j] : 0x20
    // Part of a word (box, xml, Xi) or of arithmetic (3*4, 1920x1080).
    if hasASCIILetter && (Self.isASCIILetter(before) || Self.isASCIILetter(after)) { return (nil, j) }
    if Self.isASCIIDigit(after) { return (nil, j) }
    var digits = 0
    while digits < 3, i - digits - 1 >= 0, Self.isASCIIDigit(p[i - digits - 1]) { digits += 1 }
    if digits > 0 && i - digits - 1 >= 0 && Self.isASCIIDigit(p[i - digits - 1]) { return (nil, j) }
    // The character after the run, folded once for the tests below (none at the end of the text).
    var next = UInt32.max
    var nextEnd = j
    if j < n {
      let (v, length) = ScalarReader.scalar(at: j, in: p)
      next = ScriptFolding.fold(v)
      nextEnd = j + length
    }
    // Dates: 20xx年, xxxx年x月xx日, x月中旬, xx日.
    if next == Self.yearScalar, digits + symbols == 4 {
      let close = dateTail(from: nextEnd, p)
      return (Match(kind: .date, range: (i - digits)..<close, context: close), close)
    }
    if digits > 0 { return (nil, j) }
    if next == Self.monthScalar {
      let close = dayTail(from: nextEnd, p)
      return (Match(kind: .date, range: i..<close, context: close), close)
    }
    if Self.dayScalars.contains(next) {
      return (Match(kind: .date, range: i..<nextEnd, context: nextEnd), nextEnd)
    }
    if let end = nameSuffix(at: j, first: next, ending: nextEnd, p) {
      return (Match(kind: .name, range: i..<end, context: end), end)
    }
    if onlyStars { return (Match(kind: .name, range: i..<j, context: j), j) }
    var context = j
    if j < n && p[j] != 0x0A && p[j] != 0x0D { context += ScalarReader.scalar(at: j, in: p).length }
    return (Match(kind: .number, range: i..<j, context: context), j)
  }

  /// End of the first of `nameSuffixes` at `j`, whose first folded character `first` ends at `firstEnd`.
  /// Only suffixes starting with `first` are matched further (`FoldedMatch.firstMatch` over all of them
  /// decoded the same character seventeen times).
  private func nameSuffix(at j: Int, first: UInt32, ending firstEnd: Int, _ p: UnsafeBufferPointer<UInt8>) -> Int? {
    for k in Self.nameSuffixFirsts.indices where Self.nameSuffixFirsts[k] == first {
      let suffix = Self.nameSuffixes[k]
      if suffix.count == 1 { return firstEnd }
      if let end = FoldedMatch.match(suffix, at: j, limit: p.count, in: p) { return end }
    }
    return nil
  }

  /// After 年: an optional month (`x月`, `11月`) and day.
  private func dateTail(from i: Int, _ p: UnsafeBufferPointer<UInt8>) -> Int {
    let j = unit(at: i, p)
    guard j > i, let end = FoldedMatch.match(Self.month, at: j, limit: p.count, in: p) else { return i }
    return dayTail(from: end, p)
  }

  /// After 月: an optional day (`xx日`, `26号`).
  private func dayTail(from i: Int, _ p: UnsafeBufferPointer<UInt8>) -> Int {
    let j = unit(at: i, p)
    guard j > i, let (_, end) = FoldedMatch.firstMatch(Self.days, at: j, limit: p.count, in: p) else { return i }
    return end
  }

  /// End of a run of mask symbols or ASCII digits at `i` (`i` when none).
  private func unit(at i: Int, _ p: UnsafeBufferPointer<UInt8>) -> Int {
    var j = i
    while j < p.count {
      if Self.isASCIIDigit(p[j]) { j += 1; continue }
      let len = Self.symbolLength(at: j, p)
      guard len > 0 else { break }
      j += len
    }
    return j
  }

  // MARK: - 某某 and 月日

  /// 某某 (two or more 某, E6 9F 90) as a masked name.
  private func mou(at i: Int, _ p: UnsafeBufferPointer<UInt8>) -> Match? {
    var j = i
    var count = 0
    while j + 2 < p.count, p[j] == 0xE6, p[j + 1] == 0x9F, p[j + 2] == 0x90 {
      j += 3
      count += 1
    }
    guard count >= 2 else { return nil }
    return Match(kind: .name, range: i..<j, context: j)
  }

  /// 月日 with no number before either: a date left blank (全区月日统一投票).
  private func blankMonthDay(at i: Int, _ p: UnsafeBufferPointer<UInt8>) -> Match? {
    guard i + 5 < p.count, p[i + 1] == 0x9C, p[i + 2] == 0x88,
      p[i + 3] == 0xE6, p[i + 4] == 0x97, p[i + 5] == 0xA5
    else { return nil }
    if i > 0 {
      let k = ScalarReader.previousBoundary(before: i, in: p)
      let (v, _) = ScalarReader.scalar(at: k, in: p)
      let folded = ScriptFolding.fold(v)
      if folded >= 0x30 && folded <= 0x39 { return nil }
      if Self.beforeMonth.contains(folded) || Self.symbolLength(at: k, p) > 0 { return nil }
    }
    return Match(kind: .date, range: i..<(i + 6), context: i + 6)
  }
}
