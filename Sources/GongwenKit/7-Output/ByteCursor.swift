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

  /// Makes room for `count` more bytes, at least doubling the capacity when it grows.
  @inline(never)
  static func grow(_ bytes: inout [UInt8], by count: Int) {
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

  /// Appends a literal of at most 32 bytes whose length is not known at compile time: in words, the last
  /// overlapping, rather than through a call to memcpy.
  @inline(__always)
  mutating func shortBytes(_ s: StaticString) { shortBytes(s.utf8Start, count: s.utf8CodeUnitCount) }

  /// Appends `n` bytes, at most 32, from `start`: in words, the last overlapping.
  @inline(__always)
  mutating func shortBytes(_ start: UnsafePointer<UInt8>, count n: Int) {
    let from = UnsafeRawPointer(start)
    let to = UnsafeMutableRawPointer(position)
    precondition(n <= 32, "ByteCursor.shortBytes: literal beyond 32 bytes")
    if n >= 8 {
      var i = 0
      while i + 8 < n {
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: i, as: UInt64.self), toByteOffset: i, as: UInt64.self)
        i += 8
      }
      to.storeBytes(of: from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), toByteOffset: n - 8, as: UInt64.self)
    } else if n >= 4 {
      to.storeBytes(of: from.loadUnaligned(as: UInt32.self), as: UInt32.self)
      to.storeBytes(of: from.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self), toByteOffset: n - 4, as: UInt32.self)
    } else {
      for i in 0..<n { to.storeBytes(of: from.load(fromByteOffset: i, as: UInt8.self), toByteOffset: i, as: UInt8.self) }
    }
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
  @inline(__always)
  mutating func decimal(_ v: ExactDecimal) { position = Self.decimal(v, to: position) }

  /// Stores `v` at `out` and returns the end.
  @inline(never)
  static func decimal(_ v: ExactDecimal, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
    var c = ByteCursor(out)
    c.writeDecimal(v)
    return c.position
  }

  private mutating func writeDecimal(_ v: ExactDecimal) {
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
  @inline(__always)
  mutating func quoted(_ u: UnsafeBufferPointer<UInt8>) {
    position = Self.quote(u.baseAddress, count: u.count, to: position)
  }

  /// Appends `"…"` as a JSON string: at most `6 * s.utf8.count + 2` bytes. An empty string costs no call.
  @inline(__always)
  mutating func quoted(_ s: String) {
    if s.isEmpty {
      UnsafeMutableRawPointer(position).storeBytes(of: 0x2222, as: UInt16.self)  // ""
      position += 2
      return
    }
    // Inline up to the bytes: a small string's bytes are copied to the stack here, without a call.
    let start = position
    if let end = s.utf8.withContiguousStorageIfAvailable({ Self.quote($0.baseAddress, count: $0.count, to: start) }) {
      position = end
    } else {
      position = Self.quote(s, to: start)
    }
  }

  /// Stores `"…"` for `s` at `out` and returns the end: values in and out, so the caller's cursor can stay
  /// in a register.
  @inline(never)
  static func quote(_ s: String, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
    if let end = s.utf8.withContiguousStorageIfAvailable({ quote($0.baseAddress, count: $0.count, to: out) }) {
      return end
    }
    var s = s
    return s.withUTF8 { quote($0.baseAddress, count: $0.count, to: out) }
  }

  /// Stores `"…"` for `count` bytes at `base` at `out` and returns the end. Strings of at most 16 bytes (most
  /// names, units, subjects) are judged and copied in two overlapping loads, straight through: few registers,
  /// no loop. Longer ones go on in `quoteLong`, and a string with a byte to escape starts again in
  /// `quoteSlowly`, both reached by a tail call.
  @inline(never)
  static func quote(_ base: UnsafePointer<UInt8>?, count n: Int, to out: UnsafeMutablePointer<UInt8>)
    -> UnsafeMutablePointer<UInt8>
  {
    out[0] = 0x22
    guard let base, n > 0 else {
      out[1] = 0x22
      return out + 2
    }
    guard n <= 16 else { return quoteLong(base, count: n, to: out) }
    let raw = UnsafeRawPointer(base)
    let o = UnsafeMutableRawPointer(out + 1)
    if n >= 8 {
      let low = raw.loadUnaligned(as: UInt64.self)
      let high = raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
      guard escapeMask(low) | escapeMask(high) == 0 else { return quoteSlowly(base, count: n, to: out) }
      o.storeBytes(of: low, as: UInt64.self)
      o.storeBytes(of: high, toByteOffset: n &- 8, as: UInt64.self)
    } else if n >= 4 {
      let low = raw.loadUnaligned(as: UInt32.self)
      let high = raw.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)
      guard escapeMask(UInt64(low) | UInt64(high) << 32) == 0 else { return quoteSlowly(base, count: n, to: out) }
      o.storeBytes(of: low, as: UInt32.self)
      o.storeBytes(of: high, toByteOffset: n &- 4, as: UInt32.self)
    } else if n >= 2 {
      let low = raw.loadUnaligned(as: UInt16.self)
      let high = raw.loadUnaligned(fromByteOffset: n &- 2, as: UInt16.self)
      // Only the four bytes loaded count; the zeros above them are not text.
      guard escapeMask(UInt64(low) | UInt64(high) << 16) & 0x8080_8080 == 0 else {
        return quoteSlowly(base, count: n, to: out)
      }
      o.storeBytes(of: low, as: UInt16.self)
      o.storeBytes(of: high, toByteOffset: n &- 2, as: UInt16.self)
    } else {
      let b = base[0]
      guard !needsEscape(b) else { return quoteSlowly(base, count: n, to: out) }
      o.storeBytes(of: b, as: UInt8.self)
    }
    out[n &+ 1] = 0x22
    return out + (n &+ 2)
  }

  /// `quote` for more than 16 bytes: word by word, the last word overlapping the one before unless `n` is a
  /// multiple of 8.
  @inline(never)
  private static func quoteLong(_ base: UnsafePointer<UInt8>, count n: Int, to out: UnsafeMutablePointer<UInt8>)
    -> UnsafeMutablePointer<UInt8>
  {
    let raw = UnsafeRawPointer(base)
    let o = UnsafeMutableRawPointer(out + 1)
    var i = 0
    while n &- i > 8 {
      let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      guard escapeMask(w) == 0 else { return quoteSlowly(base, count: n, to: out) }
      o.storeBytes(of: w, toByteOffset: i, as: UInt64.self)
      i &+= 8
    }
    let w = raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)
    guard escapeMask(w) == 0 else { return quoteSlowly(base, count: n, to: out) }
    o.storeBytes(of: w, toByteOffset: n &- 8, as: UInt64.self)
    out[n &+ 1] = 0x22
    return out + (n &+ 2)
  }

  /// `quote` for a string with a byte to escape: words that need none are still copied whole (the last one
  /// overlapping the one before); a word holding a byte to escape, or a string under 8 bytes, goes byte by byte.
  @inline(never)
  private static func quoteSlowly(_ base: UnsafePointer<UInt8>, count n: Int, to out: UnsafeMutablePointer<UInt8>)
    -> UnsafeMutablePointer<UInt8>
  {
    let raw = UnsafeRawPointer(base)
    var o = out + 1
    var i = 0
    while n - i >= 8 {
      let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      if escapeMask(w) == 0 {
        UnsafeMutableRawPointer(o).storeBytes(of: w, as: UInt64.self)
        o += 8
      } else {
        o = escapeBytes(base, from: i, to: i + 8, into: o)
      }
      i += 8
    }
    let rest = n - i
    if rest > 0 {
      // Bytes n-8..<i, when clean, were stored as they are just before `o`.
      let w = n >= 8 ? raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) : 0
      if n >= 8 && escapeMask(w) == 0 {
        UnsafeMutableRawPointer(o).storeBytes(of: w, toByteOffset: rest - 8, as: UInt64.self)
        o += rest
      } else {
        o = escapeBytes(base, from: i, to: n, into: o)
      }
    }
    o[0] = 0x22
    return o + 1
  }

  /// Stores bytes `start..<end` of `base` at `out`, escaping those that need it; returns the end.
  private static func escapeBytes(
    _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, into out: UnsafeMutablePointer<UInt8>
  ) -> UnsafeMutablePointer<UInt8> {
    var c = ByteCursor(out)
    for k in start..<end {
      let b = base[k]
      if needsEscape(b) { c.escape(b) } else { c.byte(b) }
    }
    return c.position
  }

  /// Whether JSON output escapes `b`: below 0x20, a quote, a backslash or DEL.
  @inline(__always)
  static func needsEscape(_ b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F }

  /// The high bit of each byte of `w` that `needsEscape`, and no other. Exact byte by byte: on the low seven
  /// bits of each byte no sum below carries into the next byte. Words of Chinese text alone (every byte 0x80
  /// or more) return on the first test.
  @inline(__always)
  static func escapeMask(_ w: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    if w & high == high { return 0 }
    let x = w & ~high
    let atLeastSpace = x &+ ones &* 0x60  // high bit set where x >= 0x20
    let notQuote = (x ^ ones &* 0x22) &+ ones &* 0x7F  // set where x != 0x22
    let notBackslash = (x ^ ones &* 0x5C) &+ ones &* 0x7F  // set where x != 0x5C
    let delete = x &+ ones  // set where x == 0x7F
    return ~(w | (atLeastSpace & notQuote & notBackslash & ~delete)) & high
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

  /// Moves to `end`: back, dropping what was stored after it, or on past what a function of values stored.
  @inline(__always)
  mutating func move(to end: UnsafeMutablePointer<UInt8>) { position = end }

  mutating func escape(_ b: UInt8) {
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
}
