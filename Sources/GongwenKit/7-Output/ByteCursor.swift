/// A write position in space already reserved in an output buffer: stores without capacity or uniqueness
/// checks, so a JSON field or a CSV row costs one reservation instead of one check per byte or per piece.
/// The caller reserves enough for everything it writes (`ByteCursor.intBound`, `decimalBound`, …).
struct ByteCursor {
  /// The next byte to write.
  private(set) var position: UnsafeMutablePointer<UInt8>

  init(_ position: UnsafeMutablePointer<UInt8>) { self.position = position }

  /// Reserves `count` bytes at the end of `bytes` and lets `body` store up to that many; the capacity at
  /// least doubles when it grows, so appending piece by piece stays amortised linear.
  @inline(__always)
  static func append(to bytes: inout [UInt8], reserving count: Int, _ body: (inout ByteCursor) -> Void) {
    let count = Swift.max(count, 1)  // a non-empty span always has a base address
    if bytes.capacity &- bytes.count < count { grow(&bytes, by: count) }
    bytes.append(addingCapacity: count) { span in
      span.withUnsafeMutableBufferPointer { buffer, initialized in
        guard let base = buffer.baseAddress else { return }
        var cursor = ByteCursor(base + initialized)
        body(&cursor)
        let written = cursor.position - base
        // A writer that reserved too little has already written past its room: stop rather than go on.
        precondition(written - initialized <= count && written <= buffer.count, "ByteCursor: more written than reserved")
        initialized = written
      }
    }
  }

  @inline(never)
  private static func grow(_ bytes: inout [UInt8], by count: Int) {
    bytes.reserveCapacity(Swift.max(bytes.count + count, bytes.capacity * 2))
  }

  /// Longest `int`: a sign and 19 digits.
  static let intBound = 20
  /// Longest `decimal` of scale up to 19: a sign, `0.` and 19 digits, or 19 digits and a point.
  static let decimalBound = 24

  /// Appends one byte.
  @inline(__always)
  mutating func byte(_ b: UInt8) {
    position.pointee = b
    position += 1
  }

  /// Appends `count` copies of `b`.
  @inline(__always)
  mutating func repeated(_ b: UInt8, count: Int) {
    position.update(repeating: b, count: count)
    position += count
  }

  /// Appends the eight bytes of `w` in memory order.
  @inline(__always)
  mutating func word(_ w: UInt64) {
    UnsafeMutableRawPointer(position).storeBytes(of: w, as: UInt64.self)
    position += 8
  }

  /// Appends the bytes of a literal.
  @inline(__always)
  mutating func bytes(_ s: StaticString) {
    let n = s.utf8CodeUnitCount
    UnsafeMutableRawPointer(position).copyMemory(from: s.utf8Start, byteCount: n)
    position += n
  }

  /// Appends `u` as it is.
  @inline(__always)
  mutating func bytes(_ u: UnsafeBufferPointer<UInt8>) {
    guard let base = u.baseAddress else { return }
    position.update(from: base, count: u.count)
    position += u.count
  }

  /// Appends the decimal digits of `v`.
  @inline(__always)
  mutating func int(_ v: Int) {
    if v < 0 { byte(0x2D) }
    digits(UInt64(v.magnitude), minimumCount: 1)
  }

  /// Appends `v` as `ExactDecimal.description` prints it (`90.8`, `-0.05`): at most
  /// `decimalBound + max(v.scale - 19, 0)` bytes.
  mutating func decimal(_ v: ExactDecimal) {
    if v.significand < 0 { byte(0x2D) }
    let magnitude = v.significand.magnitude
    let scale = v.scale
    guard scale > 0 else { digits(magnitude, minimumCount: 1); return }
    // Integer part (at least `0`), point, then `scale` fraction digits with leading zeros.
    guard scale < 20 else {
      bytes("0.")
      digits(magnitude, minimumCount: scale)
      return
    }
    var power: UInt64 = 1  // 10^19 still fits in UInt64
    for _ in 0..<scale { power &*= 10 }
    digits(magnitude / power, minimumCount: 1)
    byte(0x2E)
    digits(magnitude % power, minimumCount: scale)
  }

  /// Appends the digits of `v`, with leading zeros up to `minimumCount`: two digits at a time from a table.
  @inline(__always)
  private mutating func digits(_ v: UInt64, minimumCount: Int) {
    let count = Swift.max(Self.digitCount(v), minimumCount)
    let pairs = Self.digitPairs.utf8Start
    var v = v
    var end = position + count
    while v >= 100 {
      let pair = Int(truncatingIfNeeded: v % 100) &* 2
      v /= 100
      end -= 2
      end[0] = pairs[pair]
      end[1] = pairs[pair + 1]
    }
    if v >= 10 {
      let pair = Int(truncatingIfNeeded: v) &* 2
      end -= 2
      end[0] = pairs[pair]
      end[1] = pairs[pair + 1]
    } else {
      end -= 1
      end[0] = 0x30 &+ UInt8(truncatingIfNeeded: v)
    }
    while end > position {
      end -= 1
      end[0] = 0x30
    }
    position += count
  }

  /// `00` to `99`.
  private static let digitPairs: StaticString =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

  @inline(__always)
  private static func digitCount(_ v: UInt64) -> Int {
    if v < 10 { return 1 }
    if v < 100 { return 2 }
    if v < 1000 { return 3 }
    if v < 10000 { return 4 }
    var count = 5
    var rest = v / 100_000
    while rest > 0 { count += 1; rest /= 10 }
    return count
  }

  // MARK: JSON strings

  /// Appends `"…"` as a JSON string: quotes, backslashes, controls and DEL escaped. At most
  /// `6 * u.count + 2` bytes.
  mutating func quoted(_ u: UnsafeBufferPointer<UInt8>) {
    byte(0x22)
    if let base = u.baseAddress { escaped(base, count: u.count) }
    byte(0x22)
  }

  /// Appends `"…"` as a JSON string: at most `6 * s.utf8.count + 2` bytes.
  mutating func quoted(_ s: String) {
    if s.utf8.withContiguousStorageIfAvailable({ quoted($0) }) != nil { return }
    var s = s
    s.withUTF8 { quoted($0) }
  }

  /// Copies runs that need no escape a word at a time; only the words that hold a byte to escape go byte
  /// by byte.
  @inline(__always)
  private mutating func escaped(_ base: UnsafePointer<UInt8>, count n: Int) {
    var i = 0
    while true {
      i = copyClean(base, from: i, count: n) { !Self.mayNeedEscape($0) }
      if i == n { return }
      let end = Swift.min(i + 8, n)
      for k in i..<end { escapedByte(base[k]) }
      i = end
    }
  }

  /// Copies bytes `start..<n` of `base` eight at a time while `clean` accepts them (it must judge a word
  /// exactly as a whole, and accept spaces); the last bytes are judged as one word too, overlapping what is
  /// already copied. Returns `n`, or where the first word it refused starts (nothing of it copied).
  @inline(__always)
  mutating func copyClean(
    _ base: UnsafePointer<UInt8>, from start: Int, count n: Int, clean: (UInt64) -> Bool
  ) -> Int {
    let raw = UnsafeRawPointer(base)
    var i = start
    while i + 8 <= n {
      let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      guard clean(w) else { return i }
      word(w)
      i += 8
    }
    let rest = n - i
    guard rest > 0 else { return n }
    let out = UnsafeMutableRawPointer(position)
    if n >= 8 {
      // Bytes n-8..<i, when clean, were copied as they are just before `position`.
      let w = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
      guard clean(w) else { return i }
      out.storeBytes(of: w, toByteOffset: rest - 8, as: UInt64.self)
    } else if rest >= 4 {
      let low = raw.loadUnaligned(fromByteOffset: i, as: UInt32.self)
      let high = raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
      guard clean(UInt64(low) | UInt64(high) << 32) else { return i }
      out.storeBytes(of: low, as: UInt32.self)
      out.storeBytes(of: high, toByteOffset: rest - 4, as: UInt32.self)
    } else if rest >= 2 {
      let low = raw.loadUnaligned(fromByteOffset: i, as: UInt16.self)
      let high = raw.loadUnaligned(fromByteOffset: n - 2, as: UInt16.self)
      // Spaces fill the word's upper half.
      guard clean(UInt64(low) | UInt64(high) << 16 | 0x2020_2020_0000_0000) else { return i }
      out.storeBytes(of: low, as: UInt16.self)
      out.storeBytes(of: high, toByteOffset: rest - 2, as: UInt16.self)
    } else {
      let b = base[i]
      guard clean(UInt64(b) | 0x2020_2020_2020_2000) else { return i }
      out.storeBytes(of: b, as: UInt8.self)
    }
    position += rest
    return n
  }

  /// Moves back to `mark`, dropping what was stored after it.
  mutating func rewind(to mark: UnsafeMutablePointer<UInt8>) { position = mark }

  @inline(__always)
  private mutating func escapedByte(_ b: UInt8) {
    if b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F { escape(b) } else { byte(b) }
  }

  private mutating func escape(_ b: UInt8) {
    byte(0x5C)
    switch b {
    case 0x22: byte(0x22)
    case 0x5C: byte(0x5C)
    case 0x0A: byte(0x6E)
    case 0x0D: byte(0x72)
    case 0x09: byte(0x74)
    default:
      bytes("u00")
      byte(Self.hexDigit(b >> 4))
      byte(Self.hexDigit(b & 0xF))
    }
  }

  @inline(__always)
  private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }

  /// Whether any byte of `w` is below 0x20, a quote, a backslash or DEL (exact for the word as a whole).
  /// Words of Chinese text alone (every byte 0x80 or more) pass on the first test.
  @inline(__always)
  static func mayNeedEscape(_ w: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    if w & high == high { return false }
    let quote = w ^ (ones &* 0x22)
    let backslash = w ^ (ones &* 0x5C)
    let delete = w ^ (ones &* 0x7F)
    // (v - 1) & ~v sets a byte's high bit where v has a zero byte (and only then, for the word as a whole).
    let zeros = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((delete &- ones) & ~delete)
    let below = (w &- ones &* 0x20) & ~w
    return (zeros | below) & high != 0
  }
}
