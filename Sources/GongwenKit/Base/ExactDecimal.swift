/// A decimal number kept exactly as written: "90.8" is significand 908, scale 1; "90.80" keeps scale 2.
///
/// Figures are never `Double`, so sums and percent checks compare exactly and output prints the digits
/// as written.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The digits as an integer, sign included.
  public let significand: Int64
  /// Digits after the decimal point.
  public let scale: Int

  /// Creates `significand × 10^-scale`.
  public init(significand: Int64, scale: Int = 0) {
    self.significand = significand
    self.scale = scale
  }

  /// Parses ASCII digits with an optional `-` and one `.`; nil when empty, malformed or beyond 18 digits.
  public init?(_ text: some StringProtocol) {
    self.init(utf8: Array(text.utf8))
  }

  /// Parses ASCII digits with an optional `-` and one `.` from UTF-8 bytes.
  public init?(utf8 bytes: some Collection<UInt8>) {
    var value: Int64 = 0
    var scale = 0
    var seenPoint = false
    var digits = 0
    var negative = false
    var first = true
    for b in bytes {
      defer { first = false }
      if first && b == UInt8(ascii: "-") { negative = true; continue }
      if b == UInt8(ascii: ".") {
        if seenPoint { return nil }
        seenPoint = true
        continue
      }
      guard b >= 0x30 && b <= 0x39 else { return nil }
      digits += 1
      if digits > 18 { return nil }
      value = value * 10 + Int64(b - 0x30)
      if seenPoint { scale += 1 }
    }
    guard digits > 0 else { return nil }
    self.init(significand: negative ? -value : value, scale: scale)
  }

  /// The value as a `Double`, for ratios and statistics only.
  public var doubleValue: Double {
    var d = Double(significand)
    for _ in 0..<scale { d /= 10 }
    return d
  }

  /// The same value with its sign flipped.
  public var negated: ExactDecimal { ExactDecimal(significand: -significand, scale: scale) }

  /// Both values at the larger scale; nil on overflow.
  static func aligned(_ a: ExactDecimal, _ b: ExactDecimal) -> (Int64, Int64, Int)? {
    let scale = max(a.scale, b.scale)
    guard let x = a.significand.scaled(by: scale - a.scale), let y = b.significand.scaled(by: scale - b.scale)
    else { return nil }
    return (x, y, scale)
  }

  public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
    if let (x, y, _) = aligned(lhs, rhs) { return x < y }
    return lhs.doubleValue < rhs.doubleValue
  }

  public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
    if let (x, y, _) = aligned(lhs, rhs) { return x == y }
    return false
  }

  public func hash(into hasher: inout Hasher) {
    // Equal values at different scales must hash alike: strip trailing zeros.
    var s = significand
    var k = scale
    while k > 0 && s % 10 == 0 { s /= 10; k -= 1 }
    hasher.combine(s)
    hasher.combine(k)
  }

  /// Sum of two values; nil on overflow.
  public static func + (lhs: ExactDecimal, rhs: ExactDecimal) -> ExactDecimal? {
    guard let (x, y, scale) = aligned(lhs, rhs) else { return nil }
    let (sum, overflow) = x.addingReportingOverflow(y)
    return overflow ? nil : ExactDecimal(significand: sum, scale: scale)
  }

  /// The digits as written: `90.8`, `-0.7`, `306`.
  public var description: String {
    // Built on ASCII bytes from the end of a stack buffer: this runs for every figure in messages and rows.
    var magnitude = significand.magnitude
    let capacity = Swift.max(scale, 0) + 24
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
      var k = capacity
      var count = 0
      func put(_ b: UInt8) {
        k -= 1
        buffer[k] = b
        count += 1
      }
      repeat {
        put(UInt8(ascii: "0") + UInt8(magnitude % 10))
        magnitude /= 10
        if count == scale { put(UInt8(ascii: ".")) }
      } while magnitude > 0 || count <= scale
      if buffer[k] == UInt8(ascii: ".") { put(UInt8(ascii: "0")) }
      if significand < 0 { put(UInt8(ascii: "-")) }
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[k..<capacity]), as: UTF8.self)
    }
  }

}

extension Int64 {
  fileprivate func scaled(by power: Int) -> Int64? {
    var v = self
    for _ in 0..<power {
      let (m, overflow) = v.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      v = m
    }
    return v
  }
}
