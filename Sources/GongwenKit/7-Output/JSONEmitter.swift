/// Writes JSON by hand into one byte buffer, compact or indented, with a fixed field order.
public struct JSONEmitter: Sendable {
  /// The bytes written so far.
  public var bytes: [UInt8] { Array(storage[..<count]) }
  /// Zero-filled past `count`: a write checks room once and stores through a pointer, instead of paying
  /// `Array.append`'s checks per byte (that cost more than the bytes themselves on small fields).
  private var storage: [UInt8]
  private var count = 0
  private let pretty: Bool
  private var depth = 0
  private var needsComma = false
  private var pendingKey = false

  /// Creates an emitter; `pretty` indents by two spaces.
  public init(pretty: Bool = false, capacity: Int = 4096) {
    self.pretty = pretty
    storage = [UInt8](repeating: 0, count: max(capacity, 64))
  }

  /// Hands the bytes over and empties the emitter.
  public mutating func take() -> [UInt8] {
    storage.removeSubrange(count...)
    defer {
      storage = []
      count = 0
      needsComma = false
      depth = 0
    }
    return storage
  }

  /// Appends raw bytes (a newline between JSON Lines records).
  public mutating func raw(_ s: String) {
    var s = s
    s.withUTF8 { put($0) }
    needsComma = false
  }

  // MARK: - Structure

  private mutating func separate() {
    if needsComma { put(0x2C) }
    if pretty && depth > 0 { newline() }
  }

  private mutating func newline() {
    put(0x0A)
    for _ in 0..<depth { put(0x20, 0x20) }
  }

  /// `{`
  public mutating func beginObject() { beforeValue(); put(0x7B); depth += 1; needsComma = false }
  /// `[`
  public mutating func beginArray() { beforeValue(); put(0x5B); depth += 1; needsComma = false }
  /// `}`
  public mutating func endObject() { close(0x7D) }
  /// `]`
  public mutating func endArray() { close(0x5D) }

  private mutating func close(_ b: UInt8) {
    depth -= 1
    if pretty && needsComma { newline() }
    put(b)
    needsComma = true
  }

  /// `"key":` before a value.
  public mutating func key(_ k: String) {
    separate()
    appendQuoted(k)
    put(0x3A)
    if pretty { put(0x20) }
    needsComma = false
    pendingKey = true
  }

  private mutating func beforeValue() {
    if pendingKey { pendingKey = false } else { separate() }
  }

  // MARK: - Values

  /// A string value.
  public mutating func string(_ s: String) { beforeValue(); appendQuoted(s); needsComma = true }
  /// An integer value.
  public mutating func int(_ v: Int) { beforeValue(); appendInt(v); needsComma = true }
  /// A decimal written as its digits (`90.8`).
  public mutating func decimal(_ v: ExactDecimal?) {
    beforeValue()
    if let v { raw(v.description) } else { put(0x6E, 0x75, 0x6C, 0x6C) }  // null
    needsComma = true
  }
  /// `true` / `false`.
  public mutating func bool(_ v: Bool) {
    beforeValue()
    if v { put(0x74, 0x72, 0x75, 0x65) } else { put(0x66, 0x61, 0x6C, 0x73); put(0x65) }
    needsComma = true
  }
  /// `null`.
  public mutating func null() { beforeValue(); put(0x6E, 0x75, 0x6C, 0x6C); needsComma = true }
  /// A string, or null when nil.
  public mutating func string(_ s: String?) { if let s { string(s) } else { null() } }

  private mutating func appendQuoted(_ s: String) {
    var s = s
    s.withUTF8 { utf8 in
      guard let base = utf8.baseAddress else {
        put(0x22, 0x22)
        return
      }
      let n = utf8.count
      // Copy runs that need no escaping in one go; only quotes, backslashes and controls stop a run,
      // and eight bytes at a time are checked for them.
      reserve(n + 2)
      put(0x22)
      var runStart = 0
      var i = 0
      while i < n {
        while i + 8 <= n && !Self.mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
        let stop = min(i + 8, n)
        while i < stop {
          let b = base[i]
          if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F {
            if runStart < i { put(UnsafeBufferPointer(start: base + runStart, count: i - runStart)) }
            runStart = i + 1
            appendEscape(b)
          }
          i += 1
        }
      }
      if runStart < n { put(UnsafeBufferPointer(start: base + runStart, count: n - runStart)) }
      put(0x22)
    }
  }

  private mutating func appendEscape(_ b: UInt8) {
    switch b {
    case 0x22: put(0x5C, 0x22)
    case 0x5C: put(0x5C, 0x5C)
    case 0x0A: put(0x5C, 0x6E)
    case 0x0D: put(0x5C, 0x72)
    case 0x09: put(0x5C, 0x74)
    default:
      put(0x5C, 0x75, 0x30, 0x30)  // \u00
      put(Self.hexDigit(b >> 4), Self.hexDigit(b & 0xF))
    }
  }

  private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }

  /// Whether any byte of `w` is below 0x20, a quote, a backslash or DEL (exact for the word as a whole).
  @inline(__always)
  static func mayNeedEscape(_ w: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & high != 0 }
    let below = (w &- ones &* 0x20) & ~w & high != 0
    return below || hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0x5C)) || hasZero(w ^ (ones &* 0x7F))
  }

  /// Appends the decimal digits of `v` without building a String.
  private mutating func appendInt(_ v: Int) {
    if v >= 0 && v < 10 {
      put(0x30 + UInt8(v))
      return
    }
    var magnitude = v.magnitude
    if v < 0 { put(0x2D) }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 20 digits at most, built backwards
    var length = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[23 - length] = 0x30 + UInt8(magnitude % 10)
        magnitude /= 10
        length += 1
      } while magnitude > 0
      put(UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self)[(24 - length)...]))
    }
  }

  // MARK: - The buffer

  /// Makes room for `n` more bytes past `count`.
  @inline(__always)
  private mutating func reserve(_ n: Int) {
    if count + n > storage.count { grow(n) }
  }

  private mutating func grow(_ n: Int) {
    storage.append(contentsOf: repeatElement(0, count: Swift.max(n, storage.count, 256)))
  }

  @inline(__always)
  private mutating func put(_ b: UInt8) {
    reserve(1)
    storage[count] = b
    count += 1
  }

  @inline(__always)
  private mutating func put(_ b0: UInt8, _ b1: UInt8) {
    reserve(2)
    storage.withUnsafeMutableBufferPointer { p in
      p[count] = b0
      p[count + 1] = b1
    }
    count += 2
  }

  @inline(__always)
  private mutating func put(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8, _ b3: UInt8) {
    reserve(4)
    storage.withUnsafeMutableBufferPointer { p in
      p[count] = b0
      p[count + 1] = b1
      p[count + 2] = b2
      p[count + 3] = b3
    }
    count += 4
  }

  private mutating func put(_ source: UnsafeBufferPointer<UInt8>) {
    guard let from = source.baseAddress, !source.isEmpty else { return }
    reserve(source.count)
    storage.withUnsafeMutableBufferPointer { p in
      // `reserve` made room, so the base exists.
      guard let to = p.baseAddress else { return }
      (to + count).update(from: from, count: source.count)
    }
    count += source.count
  }
}
