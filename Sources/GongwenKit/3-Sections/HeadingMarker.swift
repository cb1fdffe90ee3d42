/// Heading markers at the start of a line, by the GB/T 9704 levels, and inline item markers (一是, 首先).
enum HeadingMarker {
  /// A marker found: its level, number and the offset where its text begins.
  struct Match: Equatable {
    let level: Int
    let ordinal: Int
    let end: Int
  }

  /// A heading marker at `i`: 一、 第一、 第一部分 (1); （一） (2); 1. 1、 １． (3); （1） (4).
  static func heading(at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> Match? {
    if let match = commonHeading(at: i, limit: limit, in: p) { return match }
    if startsNumeralWord(at: i, limit: limit, in: p) { return nil }
    return generalHeading(at: i, limit: limit, in: p)
  }

  /// A numeral 一…十 followed by a Han scalar that is no numeral (一是, 三要): never a heading, which needs 、 or .
  /// after its numerals. Item lines start so; told from their bytes before `generalHeading` decodes them.
  @inline(__always)
  static func startsNumeralWord(at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> Bool {
    guard i + 6 <= limit, p[i + 3] &- 0xE4 < 6, numeral(at: i, in: p) != nil else { return false }
    let v = UInt32(p[i + 3] & 0x0F) << 12 | UInt32(p[i + 4] & 0x3F) << 6 | UInt32(p[i + 5] & 0x3F)
    return v != 0x5341 && ChineseNumeral.digit(v) == nil
  }

  /// 一、 … 十、, （一） … （十）, （1） … （99） (either width of parenthesis) and 1. … 99. (or 1、 1．) before a Han
  /// scalar, most headings, read from their bytes: what
  /// `generalHeading` finds there, without decoding and folding scalar by scalar. Nil for any other start
  /// (`generalHeading` decides).
  @inline(__always)
  static func commonHeading(at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> Match? {
    if i + 6 <= limit, let ordinal = numeral(at: i, in: p), p[i + 3] == 0xE3, p[i + 4] == 0x80, p[i + 5] == 0x81 {
      return Match(level: 1, ordinal: ordinal, end: i + 6)  // 、 is E3 80 81
    }
    guard i < limit else { return nil }
    // （一） (一) （1） (1), in either width of parenthesis (（ and ） are EF BC 88 and EF BC 89).
    let open = p[i] == 0x28 ? i + 1 : i + 3 <= limit && p[i] == 0xEF && p[i + 1] == 0xBC && p[i + 2] == 0x88 ? i + 3 : 0
    if open > 0 {
      return parenthesized(from: open, limit: limit, in: p)
    }
    // 1. 1、 1． 12. followed by a Han scalar (never a digit, . or %, so never 1.5万 or 1..).
    guard p[i] &- 0x30 < 10 else { return nil }
    var j = i + 1
    var ordinal = Int(p[i] &- 0x30)
    if j < limit, p[j] &- 0x30 < 10 {
      ordinal = ordinal * 10 + Int(p[j] &- 0x30)
      j += 1
    }
    guard ordinal > 0, j < limit else { return nil }
    // . 、 ． (、 is E3 80 81, ． EF BC 8E)
    let markEnd =
      p[j] == 0x2E
      ? j + 1
      : j + 3 <= limit && ((p[j] == 0xE3 && p[j + 1] == 0x80 && p[j + 2] == 0x81)
        || (p[j] == 0xEF && p[j + 1] == 0xBC && p[j + 2] == 0x8E)) ? j + 3 : 0
    guard markEnd > 0, markEnd + 3 <= limit, p[markEnd] &- 0xE4 < 6 else { return nil }
    return Match(level: 3, ordinal: ordinal, end: markEnd)
  }

  /// A parenthesized marker whose text starts at `open`, past its opening parenthesis: one numeral 一…十 (level 2)
  /// or one or two ASCII digits (level 4), then a closing parenthesis of either width. Nil for any other form.
  @inline(__always)
  static func parenthesized(from open: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> Match? {
    var level = 2
    var ordinal = 0
    var k = open
    if open + 3 <= limit, let n = numeral(at: open, in: p) {
      ordinal = n
      k = open + 3
    } else if open < limit, p[open] &- 0x30 < 10 {
      level = 4
      ordinal = Int(p[open] &- 0x30)
      k = open + 1
      if k < limit, p[k] &- 0x30 < 10 {
        ordinal = ordinal * 10 + Int(p[k] &- 0x30)
        k += 1
      }
    }
    guard ordinal > 0, k < limit else { return nil }
    if p[k] == 0x29 { return Match(level: level, ordinal: ordinal, end: k + 1) }
    guard k + 3 <= limit, p[k] == 0xEF, p[k + 1] == 0xBC, p[k + 2] == 0x89 else { return nil }
    return Match(level: level, ordinal: ordinal, end: k + 3)
  }

  /// The value of a numeral 一…九 (两 兩 too) or 十 standing alone at `i` (its three bytes within `p`), else nil:
  /// what `chineseOrdinal` gives for it when no numeral follows.
  @inline(__always)
  static func numeral(at i: Int, in p: UnsafeBufferPointer<UInt8>) -> Int? {
    guard p[i] &- 0xE4 < 6 else { return nil }
    let v = UInt32(p[i] & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
    if v == 0x5341 { return 10 }
    guard let digit = ChineseNumeral.digit(v), digit > 0 else { return nil }
    return digit
  }

  /// `heading` scalar by scalar, for every form.
  static func generalHeading(at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> Match? {
    guard i < limit else { return nil }
    let (first, firstLength) = ScalarReader.scalar(at: i, in: p)
    // Most lines start with a Han character: only 第, 十 and the numerals can begin a marker (none of them
    // folds to anything else).
    if first >= 0x4E00 && first <= 0x9FFF && first != 0x7B2C && first != 0x5341 && ChineseNumeral.digit(first) == nil {
      return nil
    }
    let f = ScriptFolding.fold(first)
    if f == 0x28 {
      var j = i + firstLength
      if let (ordinal, end) = chineseOrdinal(at: j, limit: limit, in: p), end < limit {
        let (c, len) = ScalarReader.scalar(at: end, in: p)
        if ScriptFolding.fold(c) == 0x29 { return Match(level: 2, ordinal: ordinal, end: end + len) }
        return nil
      }
      if let (ordinal, end) = arabicOrdinal(at: j, limit: limit, in: p), end < limit {
        j = end
        let (c, len) = ScalarReader.scalar(at: j, in: p)
        if ScriptFolding.fold(c) == 0x29 { return Match(level: 4, ordinal: ordinal, end: j + len) }
      }
      return nil
    }
    if f == 0x7B2C {  // 第一、 / 第一部分
      if let (ordinal, end) = chineseOrdinal(at: i + firstLength, limit: limit, in: p) {
        if let after = FoldedMatch.match(partWord, at: end, limit: limit, in: p) {
          return Match(level: 1, ordinal: ordinal, end: after)
        }
        if end < limit, ScalarReader.scalar(at: end, in: p).value == 0x3001 {
          return Match(level: 1, ordinal: ordinal, end: end + 3)
        }
      }
      return nil
    }
    if let (ordinal, end) = chineseOrdinal(at: i, limit: limit, in: p), end < limit {
      let (c, len) = ScalarReader.scalar(at: end, in: p)
      let folded = ScriptFolding.fold(c)
      if c == 0x3001 || folded == 0x2E { return Match(level: 1, ordinal: ordinal, end: end + len) }
      return nil
    }
    if let (ordinal, end) = arabicOrdinal(at: i, limit: limit, in: p), end < limit {
      let (c, len) = ScalarReader.scalar(at: end, in: p)
      let folded = ScriptFolding.fold(c)
      guard c == 0x3001 || folded == 0x2E else { return nil }
      // 1.5万 is a number, not a heading.
      if end + len < limit {
        let (next, _) = ScalarReader.scalar(at: end + len, in: p)
        let n = ScriptFolding.fold(next)
        if n >= 0x30 && n <= 0x39 { return nil }
        if folded == 0x2E && (n == 0x2E || n == 0x25) { return nil }
      }
      return Match(level: 3, ordinal: ordinal, end: end + len)
    }
    return nil
  }

  private static let partWord = FoldedMatch.pattern("部分")

  /// 一 … 九十九 at `i`, not followed by another numeral.
  static func chineseOrdinal(at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
    // Most clauses do not start with a numeral: decide on the first scalar.
    guard i < limit, case let first = ScalarReader.scalar(at: i, in: p).value,
      ChineseNumeral.digit(first) != nil || first == 0x5341, first != 0x96F6, first != 0x3007
    else { return nil }
    // At most three digits and 十, valued as `ChineseNumeral.value(of:)` values them, without collecting them:
    // digit by digit without 十 (一二 → 12), else 十 multiplies the digit before it (二十一 → 21).
    var j = i
    var count = 0
    var digitwise = 0
    var tens = 0
    var pending = -1
    var hasTen = false
    while j < limit, count < 4 {
      let (v, len) = ScalarReader.scalar(at: j, in: p)
      if v == 0x5341 {
        hasTen = true
        tens += (pending < 0 ? 1 : pending) * 10
        pending = -1
      } else if let d = ChineseNumeral.digit(v) {
        digitwise = digitwise * 10 + d
        pending = d
      } else {
        break
      }
      count += 1
      j += len
    }
    guard count <= 3 else { return nil }
    let value = hasTen ? tens + max(pending, 0) : digitwise
    guard value >= 1, value <= 99 else { return nil }
    return (value, j)
  }

  /// 1 … 99 in ASCII or full-width digits at `i`.
  static func arabicOrdinal(at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
    var j = i
    var value = 0
    var digits = 0
    while j < limit {
      let (v, len) = ScalarReader.scalar(at: j, in: p)
      let d = ScriptFolding.fold(v)
      guard d >= 0x30 && d <= 0x39 else { break }
      value = value * 10 + Int(d - 0x30)
      digits += 1
      j += len
      if digits > 2 { return nil }
    }
    guard digits > 0, value >= 1 else { return nil }
    return (value, j)
  }

  // MARK: - Inline items

  private static let sequenceWords: [([UInt32], Int)] = [
    (FoldedMatch.pattern("首先"), 1), (FoldedMatch.pattern("其次"), 2), (FoldedMatch.pattern("再次"), 0),
    (FoldedMatch.pattern("最后"), 0),
  ]

  /// An inline item marker at `i`: 一是 … 十是, or 首先/其次/再次/最后 followed by a comma or colon.
  /// The caller checks that `i` is at a clause boundary. Ordinal 0 means "after the previous item".
  static func item(at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> Match? {
    if let match = commonItem(at: i, limit: limit, in: p) { return match }
    return generalItem(at: i, limit: limit, in: p)
  }

  /// 一是 … 十是 read from their bytes (是 is E6 98 AF): what `generalItem` finds there. Nil for any other start.
  @inline(__always)
  static func commonItem(at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> Match? {
    guard i + 6 <= limit, let ordinal = numeral(at: i, in: p), p[i + 3] == 0xE6, p[i + 4] == 0x98, p[i + 5] == 0xAF
    else { return nil }
    return Match(level: 0, ordinal: ordinal, end: i + 6)
  }

  /// `item` scalar by scalar, for every form.
  static func generalItem(at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> Match? {
    if let (ordinal, end) = chineseOrdinal(at: i, limit: limit, in: p), end < limit,
      ScalarReader.scalar(at: end, in: p).value == 0x662F  // 是
    {
      return Match(level: 0, ordinal: ordinal, end: end + 3)
    }
    guard i < limit else { return nil }
    let first = ScriptFolding.fold(ScalarReader.scalar(at: i, in: p).value)
    for (word, ordinal) in sequenceWords where word.first == first {
      if let end = FoldedMatch.match(word, at: i, limit: limit, in: p), end < limit {
        let f = ScriptFolding.fold(ScalarReader.scalar(at: end, in: p).value)
        if f == 0x2C || f == 0x3A || f == 0xFF0C { return Match(level: 0, ordinal: ordinal, end: end) }
      }
    }
    return nil
  }

  /// Whether a clause may start after the scalar `v`: 。；;：:，, and the like.
  @inline(__always)
  static func isClauseBoundary(_ v: UInt32) -> Bool {
    switch v {
    // 。、 ；; ：: ，, ！! ？? — compared raw: folding every scalar here costs a table lookup per character.
    case 0x3002, 0x3001, 0xFF1B, 0x3B, 0xFF1A, 0x3A, 0xFF0C, 0x2C, 0xFF01, 0x21, 0xFF1F, 0x3F: true
    default: false
    }
  }

  /// Whether an item marker can start with `v`: a numeral up to 十, or 首 其 再 最.
  @inline(__always)
  static func mayStartItem(_ v: UInt32) -> Bool {
    ChineseNumeral.digit(v) != nil || v == 0x5341 || v == 0x9996 || v == 0x5176 || v == 0x518D || v == 0x6700
  }
}
