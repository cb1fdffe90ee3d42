/// A number as written, before its unit decides what kind of figure it is.
struct ScannedNumber: Sendable, Hashable {
  /// UTF-8 offsets of the number's text.
  var start: Int
  var end: Int
  /// The value; nil for a placeholder (x, ××) or a number too long to be a statistic.
  var value: ExactDecimal?
  /// `.placeholder` or `.lostDecimal`.
  var flags: Figure.Flags = []
  /// Written in Chinese numerals (五, 二十二).
  var isChinese = false
  /// Just 一, which in prose is mostly an article (一个, 一批), not a statistic.
  var isLoneYi = false
  /// Number of placeholder symbols (xxxx → 4).
  var placeholderCount = 0
  /// More than 18 digits: a phone or ID number, never a figure.
  var isOverlong = false
}

/// Reads numbers in ASCII, full-width and Chinese numerals, with decimals, grouping, 万/亿, lost decimals
/// and placeholders, from UTF-8 bytes.
enum NumberScanner {
  /// `ChineseNumeral.isNumeral` as a bitmap (every numeral is in the BMP): one load per scalar of a run.
  static let numerals = ScalarSet((0..<0x10000).filter { ChineseNumeral.isNumeral($0) })

  /// An ASCII or full-width digit at `j` (before `limit`): its value and byte length.
  @inline(__always)
  static func digit(at j: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> (value: Int64, length: Int)? {
    guard j < limit else { return nil }
    let b = p[j]
    if b >= 0x30 && b <= 0x39 { return (Int64(b - 0x30), 1) }
    if b == 0xEF && j + 2 < limit && p[j + 1] == 0xBC && p[j + 2] >= 0x90 && p[j + 2] <= 0x99 {
      return (Int64(p[j + 2] - 0x90), 3)
    }
    return nil
  }

  /// A symbol standing for a digit at `j`: x X * (ASCII or full-width) or ×; its byte length.
  @inline(__always)
  static func placeholder(at j: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> Int? {
    guard j < limit else { return nil }
    let b = p[j]
    if b == 0x78 || b == 0x58 || b == 0x2A { return 1 }  // x X *
    if b == 0xC3 && j + 1 < limit && p[j + 1] == 0x97 { return 2 }  // ×
    if b == 0xEF && j + 2 < limit {
      let b1 = p[j + 1]
      let b2 = p[j + 2]
      if b1 == 0xBC && (b2 == 0xB8 || b2 == 0x8A) { return 3 }  // Ｘ ＊
      if b1 == 0xBD && b2 == 0x98 { return 3 }  // ｘ
    }
    return nil
  }

  /// Whether the bytes at `j` are a character that replaced a decimal point: ? ？ U+FFFD 。 ·
  @inline(__always)
  static func lostPoint(at j: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> Int? {
    guard j < limit else { return nil }
    let b = p[j]
    if b == 0x3F { return 1 }
    guard j + 2 < limit else { return nil }
    let b1 = p[j + 1]
    let b2 = p[j + 2]
    if b == 0xEF && b1 == 0xBC && b2 == 0x9F { return 3 }  // ？
    if b == 0xEF && b1 == 0xBF && b2 == 0xBD { return 3 }  // U+FFFD
    if b == 0xE3 && b1 == 0x80 && b2 == 0x82 { return 3 }  // 。
    return nil
  }

  /// A decimal point at `j`: `.` or `．`.
  @inline(__always)
  static func point(at j: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> Int? {
    guard j < limit else { return nil }
    if p[j] == 0x2E { return 1 }
    if p[j] == 0xEF && j + 2 < limit && p[j + 1] == 0xBC && p[j + 2] == 0x8E { return 3 }
    return nil
  }

  /// A grouping comma at `j`: `,` or `，`.
  @inline(__always)
  static func comma(at j: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> Int? {
    guard j < limit else { return nil }
    if p[j] == 0x2C { return 1 }
    if p[j] == 0xEF && j + 2 < limit && p[j + 1] == 0xBC && p[j + 2] == 0x8C { return 3 }
    return nil
  }

  /// Units after which a lost decimal point is believed: % ％ 岁 歲 个百分点 百分点.
  static let lostDecimalUnits: [[UInt32]] = ["%", "岁", "周岁", "个百分点", "百分点"].map(FoldedMatch.pattern)

  /// Reads an Arabic-digit or placeholder number at `i`: `1,200`, `90.8`, `90?8` (before % or 岁), `3.6万`,
  /// `xx`, `20xx`. Nil when `i` holds neither a digit nor a placeholder.
  static func arabic(at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> ScannedNumber? {
    var j = i
    var significand: Int64 = 0
    var scale = 0
    var digits = 0
    var placeholders = 0
    var overlong = false
    var flags: Figure.Flags = []
    // Integer part: digits and placeholder symbols.
    while j < limit {
      if let (d, len) = digit(at: j, limit: limit, in: p) {
        digits += 1
        if digits > 18 { overlong = true } else { significand = significand * 10 + d }
        j += len
      } else if let len = placeholder(at: j, limit: limit, in: p) {
        placeholders += 1
        j += len
      } else {
        break
      }
    }
    guard digits + placeholders > 0 else { return nil }
    if placeholders == 0 {
      // Thousands grouping: exactly three digits after the comma, and no fourth.
      var firstGroup = digits
      while firstGroup <= 3, let clen = comma(at: j, limit: limit, in: p) {
        var k = j + clen
        var group: Int64 = 0
        var n = 0
        while n < 3, let (d, len) = digit(at: k, limit: limit, in: p) { group = group * 10 + d; k += len; n += 1 }
        guard n == 3, digit(at: k, limit: limit, in: p) == nil, digits + 3 <= 18 else { break }
        significand = significand * 1000 + group
        digits += 3
        firstGroup = 0
        j = k
      }
      if let plen = point(at: j, limit: limit, in: p), digit(at: j + plen, limit: limit, in: p) != nil {
        var k = j + plen
        while let (d, len) = digit(at: k, limit: limit, in: p) {
          digits += 1
          if digits > 18 { overlong = true } else { significand = significand * 10 + d; scale += 1 }
          k += len
        }
        j = k
      } else if let llen = lostPoint(at: j, limit: limit, in: p) {
        var k = j + llen
        var n = 0
        var fraction: Int64 = 0
        while n < 3, let (d, len) = digit(at: k, limit: limit, in: p) { fraction = fraction * 10 + d; k += len; n += 1 }
        if n > 0, digit(at: k, limit: limit, in: p) == nil, digits + n <= 18,
          FoldedMatch.firstMatch(lostDecimalUnits, at: k, limit: limit, in: p) != nil
        {
          for _ in 0..<n { significand *= 10 }
          significand += fraction
          scale = n
          digits += n
          flags.insert(.lostDecimal)
          j = k
        }
      }
    } else {
      flags.insert(.placeholder)
    }
    var number = ScannedNumber(start: i, end: j, value: nil, flags: flags, placeholderCount: placeholders)
    number.isOverlong = overlong
    if placeholders == 0 && !overlong {
      number.value = ExactDecimal(significand: significand, scale: scale)
    }
    applyMultiplier(to: &number, limit: limit, in: p)
    return number
  }

  /// Reads a run of Chinese numerals at `i`: 二十二, 一千一百八十五, 两; with `decimals`, also 九十三点八.
  static func chinese(at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>, decimals: Bool = false) -> ScannedNumber? {
    // The set read once, not once per numeral (each read of a static is a call).
    let set = numerals
    // At most 24 numerals, on the stack: this runs for every numeral followed by a unit.
    let run: (end: Int, count: Int, isLoneYi: Bool, whole: Int64?) = withUnsafeTemporaryAllocation(
      of: UInt32.self, capacity: 24
    ) { scalars in
      var count = 0
      var j = i
      while j < limit, count < 24 {
        let (v, len) = ScalarReader.scalar(at: j, in: p)
        guard set.contains(v) else { break }
        scalars[count] = v
        count += 1
        j += len
      }
      guard count > 0 else { return (j, 0, false, nil) }
      let numerals = UnsafeBufferPointer(rebasing: scalars[0..<count])
      return (j, count, count == 1 && numerals[0] == 0x4E00, ChineseNumeral.value(of: numerals))
    }
    guard run.count > 0 else { return nil }
    var j = run.end
    var number = ScannedNumber(start: i, end: j, value: nil, isChinese: true)
    number.isLoneYi = run.isLoneYi
    guard let whole = run.whole else {
      number.isOverlong = true
      return number
    }
    var significand = whole
    var scale = 0
    if decimals, j < limit, ScriptFolding.fold(ScalarReader.scalar(at: j, in: p).value) == 0x70B9 {  // 点 點
      var k = j + 3
      var fraction: [Int] = []
      while k < limit, fraction.count < 6 {
        let (v, len) = ScalarReader.scalar(at: k, in: p)
        guard let d = ChineseNumeral.digit(v) else { break }
        fraction.append(d)
        k += len
      }
      if !fraction.isEmpty {
        for d in fraction { significand = significand * 10 + Int64(d) }
        scale = fraction.count
        j = k
        number.end = j
      }
    }
    number.value = ExactDecimal(significand: significand, scale: scale)
    return number
  }

  /// `3.6万` → 36000, `1.2亿` → 120000000: folds a following 万/萬/亿/億 into the value.
  private static func applyMultiplier(to number: inout ScannedNumber, limit: Int, in p: UnsafeBufferPointer<UInt8>) {
    guard number.end < limit, p[number.end] >= 0xE4 else { return }
    // 万 萬 亿 億 end in the low six bits 07 2C 3F 04: most characters after a number (人, 名, %) are told by
    // their last byte, with no decode and no switch.
    if number.end + 2 < p.count {
      let low = p[number.end + 2] & 0x3F
      guard low == 0x07 || low == 0x2C || low == 0x3F || low == 0x04 else { return }
    }
    let (v, len) = ScalarReader.scalar(at: number.end, in: p)
    guard let unit = ChineseNumeral.unit(v), unit >= 10_000 else { return }
    // 万人 after a number is a multiplier; 万 starting a word (万一) cannot follow digits.
    number.end += len
    guard let value = number.value else { return }
    var significand = value.significand
    var scale = value.scale
    var factor = unit
    while factor > 1 {
      if scale > 0 { scale -= 1 } else {
        let (m, o) = significand.multipliedReportingOverflow(by: 10)
        if o { number.value = nil; number.isOverlong = true; return }
        significand = m
      }
      factor /= 10
    }
    number.value = ExactDecimal(significand: significand, scale: scale)
  }
}
