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
  public mutating func int(_ v: Int) { beforeValue(); bytes.append(contentsOf: String(v).utf8); needsComma = true }
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
    for b in s.utf8 {
      switch b {
      case 0x22: bytes.append(0x5C); bytes.append(0x22)
      case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
      case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
      case 0x0D: bytes.append(0x5C); bytes.append(0x72)
      case 0x09: bytes.append(0x5C); bytes.append(0x74)
      case 0..<0x20, 0x7F:
        bytes.append(contentsOf: "\\u00".utf8)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(hex[Int(b >> 4)])
        bytes.append(hex[Int(b & 0xF)])
      default: bytes.append(b)
      }
    }
    bytes.append(0x22)
  }
}
