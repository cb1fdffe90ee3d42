/// Writes JSON by hand into one byte buffer, compact or indented, with a fixed field order.
public struct JSONEmitter: Sendable {
  /// The bytes written so far.
  public private(set) var bytes: [UInt8] = []
  private let pretty: Bool
  private var depth = 0
  private var needsComma = false

  /// Creates an emitter; `pretty` indents by two spaces.
  public init(pretty: Bool = false, capacity: Int = 4096) {
    self.pretty = pretty
    bytes.reserveCapacity(capacity)
  }

  /// Hands the bytes over and empties the emitter.
  public mutating func take() -> [UInt8] {
    defer { bytes = []; needsComma = false; depth = 0 }
    return bytes
  }

  /// Appends raw bytes (a newline between JSON Lines records).
  public mutating func raw(_ s: String) {
    bytes.append(contentsOf: s.utf8)
    needsComma = false
  }

  private mutating func separate() {
    if needsComma { bytes.append(0x2C) }
    if pretty && depth > 0 {
      bytes.append(0x0A)
      for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
    }
  }

  /// `{`
  public mutating func beginObject() { beforeValue(); bytes.append(0x7B); depth += 1; needsComma = false }
  /// `[`
  public mutating func beginArray() { beforeValue(); bytes.append(0x5B); depth += 1; needsComma = false }
  /// `}`
  public mutating func endObject() { close(0x7D) }
  /// `]`
  public mutating func endArray() { close(0x5D) }

  private mutating func close(_ b: UInt8) {
    depth -= 1
    if pretty && needsComma {
      bytes.append(0x0A)
      for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
    }
    bytes.append(b)
    needsComma = true
  }

  /// `"key":` before a value.
  public mutating func key(_ k: String) {
    separate()
    appendQuoted(k)
    bytes.append(0x3A)
    if pretty { bytes.append(0x20) }
    needsComma = false
    pendingKey = true
  }

  private var pendingKey = false

  private mutating func beforeValue() {
    if pendingKey { pendingKey = false } else { separate() }
  }

  /// A string value.
  public mutating func string(_ s: String) { beforeValue(); appendQuoted(s); needsComma = true }
  /// An integer value.
  public mutating func int(_ v: Int) { beforeValue(); appendInt(v); needsComma = true }
  /// A decimal written as its digits (`90.8`).
  public mutating func decimal(_ v: ExactDecimal?) {
    beforeValue()
    if let v { bytes.append(contentsOf: v.description.utf8) } else { bytes.append(contentsOf: "null".utf8) }
    needsComma = true
  }
  /// `true` / `false`.
  public mutating func bool(_ v: Bool) { beforeValue(); bytes.append(contentsOf: (v ? "true" : "false").utf8); needsComma = true }
  /// `null`.
  public mutating func null() { beforeValue(); bytes.append(contentsOf: "null".utf8); needsComma = true }
  /// A string, or null when nil.
  public mutating func string(_ s: String?) { if let s { string(s) } else { null() } }

  private mutating func appendQuoted(_ s: String) {
    bytes.append(0x22)
    var s = s
    s.withUTF8 { utf8 in
      // Copy runs that need no escaping in one go; only quotes, backslashes and controls stop a run.
      var runStart = 0
      for (i, b) in utf8.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F {
        if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
        runStart = i + 1
        switch b {
        case 0x22: bytes.append(0x5C); bytes.append(0x22)
        case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
        case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
        case 0x0D: bytes.append(0x5C); bytes.append(0x72)
        case 0x09: bytes.append(0x5C); bytes.append(0x74)
        default:
          bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30])  // \u00
          bytes.append(Self.hexDigits[Int(b >> 4)])
          bytes.append(Self.hexDigits[Int(b & 0xF)])
        }
      }
      if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
    }
    bytes.append(0x22)
  }

  private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

  /// Appends the decimal digits of `v` without building a String.
  private mutating func appendInt(_ v: Int) {
    if v >= 0 && v < 10 {
      bytes.append(0x30 + UInt8(v))
      return
    }
    var magnitude = v.magnitude
    if v < 0 { bytes.append(0x2D) }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 20 digits at most, built backwards
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[23 - count] = 0x30 + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
    }
  }
}
