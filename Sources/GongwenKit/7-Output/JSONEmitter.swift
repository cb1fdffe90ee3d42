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
    let taken = bytes
    // The next record is likely as long: reserve once rather than grow by doubling through it.
    bytes = []
    bytes.reserveCapacity(max(taken.count + taken.count / 4, 256))
    needsComma = false
    depth = 0
    return taken
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
    var k = k
    // Compact output: a separating comma joins the key's single append.
    let fuseComma = !pretty && needsComma
    if !fuseComma { separate() }
    if !k.withUTF8({ appendShortQuoted($0, colon: true, comma: fuseComma) }) {
      if fuseComma { bytes.append(0x2C) }
      appendQuoted(k)
      bytes.append(0x3A)
    }
    if pretty { bytes.append(0x20) }
    needsComma = false
    pendingKey = true
  }

  private var pendingKey = false

  /// `"key":` for a field name known at compile time (ASCII, nothing to escape): comma, quotes and colon
  /// are assembled on the stack with the name and appended once.
  @inline(__always)
  mutating func key(static k: StaticString) {
    let count = k.utf8CodeUnitCount
    guard count <= 28 else { key(k.description); return }
    let fuseComma = !pretty && needsComma
    if !fuseComma { separate() }
    var word: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    withUnsafeMutableBytes(of: &word) { raw in
      guard let base = raw.baseAddress else { return }
      var n = 0
      if fuseComma { raw[0] = 0x2C; n = 1 }
      raw[n] = 0x22
      (base + n + 1).copyMemory(from: k.utf8Start, byteCount: count)
      n += count + 1
      raw[n] = 0x22
      raw[n + 1] = 0x3A
      raw[n + 2] = 0x20
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[0..<(n + (pretty ? 3 : 2))]))
    }
    needsComma = false
    pendingKey = true
  }

  private mutating func beforeValue() {
    if pendingKey { pendingKey = false } else { separate() }
  }

  /// `"key":123` in one append in compact output, the field name and digits assembled on the stack.
  mutating func field(_ k: StaticString, _ v: Int) {
    let count = k.utf8CodeUnitCount
    guard !pretty, count <= 28 else { key(static: k); int(v); return }
    var word: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    withUnsafeMutableBytes(of: &word) { raw in
      guard let base = raw.baseAddress else { return }
      var n = Self.putKey(k, count: count, comma: needsComma, into: base)
      if v < 0 { raw[n] = 0x2D; n += 1 }
      var magnitude = v.magnitude
      var digits = 1
      var rest = magnitude / 10
      while rest > 0 { digits += 1; rest /= 10 }
      n += digits
      var i = n
      repeat {
        i -= 1
        raw[i] = 0x30 + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[0..<n]))
    }
    needsComma = true
  }

  /// `"key":"value"` in one append in compact output when the value is short and needs no escaping.
  mutating func field(_ k: StaticString, _ v: String) {
    let count = k.utf8CodeUnitCount
    guard !pretty, count <= 28 else { key(static: k); string(v); return }
    var v = v
    let done = v.withUTF8 { utf8 -> Bool in
      guard utf8.count <= 60, let source = utf8.baseAddress else { return false }
      var word: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
      return withUnsafeMutableBytes(of: &word) { raw in
        guard let base = raw.baseAddress else { return false }
        var n = Self.putKey(k, count: count, comma: needsComma, into: base)
        raw[n] = 0x22
        n += 1
        for i in 0..<utf8.count {
          let b = source[i]
          if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { return false }
          raw[n + i] = b
        }
        n += utf8.count
        raw[n] = 0x22
        bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[0..<(n + 1)]))
        return true
      }
    }
    if done { needsComma = true } else { key(static: k); string(v) }
  }

  /// `"key":"value"`, or `"key":null` when nil.
  mutating func field(_ k: StaticString, _ v: String?) {
    if let v { field(k, v) } else { key(static: k); null() }
  }

  /// Writes `,"key":` (the comma when asked) at `base`; returns the bytes written (at most 32).
  @inline(__always)
  private static func putKey(_ k: StaticString, count: Int, comma: Bool, into base: UnsafeMutableRawPointer) -> Int {
    var n = 0
    if comma { base.storeBytes(of: 0x2C, as: UInt8.self); n = 1 }
    base.storeBytes(of: 0x22, toByteOffset: n, as: UInt8.self)
    (base + n + 1).copyMemory(from: k.utf8Start, byteCount: count)
    n += count + 1
    base.storeBytes(of: 0x22, toByteOffset: n, as: UInt8.self)
    base.storeBytes(of: 0x3A, toByteOffset: n + 1, as: UInt8.self)
    return n + 2
  }

  /// A string value.
  public mutating func string(_ s: String) { beforeValue(); appendQuoted(s); needsComma = true }
  /// An integer value.
  public mutating func int(_ v: Int) { beforeValue(); appendInt(v); needsComma = true }
  /// A decimal written as its digits (`90.8`).
  public mutating func decimal(_ v: ExactDecimal?) {
    beforeValue()
    if let v { appendDecimal(v) } else { bytes.append(contentsOf: "null".utf8) }
    needsComma = true
  }

  /// `"key":90.8` (or `null`) in one append in compact output.
  mutating func field(_ k: StaticString, _ v: ExactDecimal?) {
    let count = k.utf8CodeUnitCount
    guard !pretty, count <= 28, v.map({ $0.scale >= 0 && $0.scale <= 19 }) ?? true else {
      key(static: k); decimal(v); return
    }
    var word: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    withUnsafeMutableBytes(of: &word) { raw in
      guard let base = raw.baseAddress else { return }
      var n = Self.putKey(k, count: count, comma: needsComma, into: base)
      if let v {
        Self.withDecimalDigits(v) { digits in
          if let from = digits.baseAddress { (base + n).copyMemory(from: from, byteCount: digits.count) }
          n += digits.count
        }
      } else {
        for b: UInt8 in [0x6E, 0x75, 0x6C, 0x6C] { raw[n] = b; n += 1 }  // null
      }
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[0..<n]))
    }
    needsComma = true
  }

  /// `"key":[]` in one append in compact output.
  mutating func emptyArray(_ k: StaticString) {
    let count = k.utf8CodeUnitCount
    guard !pretty, count <= 28 else { key(static: k); beginArray(); endArray(); return }
    var word: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
    withUnsafeMutableBytes(of: &word) { raw in
      guard let base = raw.baseAddress else { return }
      let n = Self.putKey(k, count: count, comma: needsComma, into: base)
      raw[n] = 0x5B
      raw[n + 1] = 0x5D
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[0..<(n + 2)]))
    }
    needsComma = true
  }

  /// Appends the digits of `v` as `ExactDecimal.description` prints them, built backwards on the stack.
  private mutating func appendDecimal(_ v: ExactDecimal) {
    guard v.scale >= 0 && v.scale <= 19 else { bytes.append(contentsOf: v.description.utf8); return }
    Self.withDecimalDigits(v) { bytes.append(contentsOf: $0) }
  }

  /// Calls `body` with the digits of `v` (scale 0 to 19) as `ExactDecimal.description` prints them.
  private static func withDecimalDigits(_ v: ExactDecimal, _ body: (UnsafeRawBufferPointer) -> Void) {
    // 19 digits, a point, a leading zero and a sign fit in 22 bytes.
    var magnitude = v.significand.magnitude
    var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    withUnsafeMutableBytes(of: &digits) { buffer in
      var count = 0
      repeat {
        buffer[31 - count] = 0x30 + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
        if count == v.scale { buffer[31 - count] = 0x2E; count += 1 }
      } while magnitude > 0 || count <= v.scale
      if buffer[32 - count] == 0x2E { buffer[31 - count] = 0x30; count += 1 }
      if v.significand < 0 { buffer[31 - count] = 0x2D; count += 1 }
      body(UnsafeRawBufferPointer(rebasing: buffer[(32 - count)...]))
    }
  }
  /// `true` / `false`.
  public mutating func bool(_ v: Bool) { beforeValue(); bytes.append(contentsOf: (v ? "true" : "false").utf8); needsComma = true }
  /// `null`.
  public mutating func null() { beforeValue(); bytes.append(contentsOf: "null".utf8); needsComma = true }
  /// A string, or null when nil.
  public mutating func string(_ s: String?) { if let s { string(s) } else { null() } }

  /// Appends `"…"` (and `:` when asked) for up to 28 bytes that need no escaping, assembled on the stack and
  /// appended once: field names and most values are short, and per-append checks cost more than the bytes.
  /// - Returns: false, having appended nothing, when `utf8` is longer or holds a byte to escape.
  private mutating func appendShortQuoted(_ utf8: UnsafeBufferPointer<UInt8>, colon: Bool, comma: Bool = false) -> Bool {
    guard utf8.count <= 28, let base = utf8.baseAddress else { return false }
    var word: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    return withUnsafeMutableBytes(of: &word) { raw in
      var n = 0
      if comma {
        raw[0] = 0x2C
        n = 1
      }
      raw[n] = 0x22
      for i in 0..<utf8.count {
        let b = base[i]
        if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { return false }
        raw[n + 1 + i] = b
      }
      n += utf8.count + 1
      raw[n] = 0x22
      raw[n + 1] = 0x3A
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[0..<(n + (colon ? 2 : 1))]))
      return true
    }
  }

  private mutating func appendQuoted(_ s: String) {
    var s = s
    if s.withUTF8({ appendShortQuoted($0, colon: false) }) { return }
    bytes.append(0x22)
    s.withUTF8 { utf8 in
      guard let base = utf8.baseAddress else { return }
      let n = utf8.count
      // Copy runs that need no escaping in one go; only quotes, backslashes and controls stop a run,
      // and eight bytes at a time are checked for them.
      var runStart = 0
      var i = 0
      while i < n {
        while i + 8 <= n && !Self.mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
        let stop = min(i + 8, n)
        while i < stop {
          let b = base[i]
          if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F {
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart)) }
            runStart = i + 1
            appendEscape(b)
          }
          i += 1
        }
      }
      if runStart < n { bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: n - runStart)) }
    }
    bytes.append(0x22)
  }

  private mutating func appendEscape(_ b: UInt8) {
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

  /// Whether any byte of `w` is below 0x20, a quote, a backslash or DEL (exact for the word as a whole).
  @inline(__always)
  static func mayNeedEscape(_ w: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & high != 0 }
    let below = (w &- ones &* 0x20) & ~w & high != 0
    return below || hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0x5C)) || hasZero(w ^ (ones &* 0x7F))
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
