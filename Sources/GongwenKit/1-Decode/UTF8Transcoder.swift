/// Validates UTF-8 and replaces each maximal invalid subpart with U+FFFD (the WHATWG/Unicode practice).
///
/// Valid input is not copied at all (or copied once with `memcpy` after a BOM); only damaged input is rebuilt.
enum UTF8Transcoder {
  /// Length of the valid sequence starting at `i`, or 0 when invalid; `maximal` gets the length of the
  /// maximal invalid subpart to replace.
  @inline(__always)
  static func sequenceLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, maximal: inout Int) -> Int {
    let n = p.count
    let b0 = p[i]
    maximal = 1
    if b0 < 0x80 { return 1 }
    if b0 < 0xC2 || b0 > 0xF4 { return 0 }
    if b0 < 0xE0 {
      guard i + 1 < n, p[i + 1] & 0xC0 == 0x80 else { return 0 }
      return 2
    }
    var lower: UInt8 = 0x80
    var upper: UInt8 = 0xBF
    if b0 == 0xE0 { lower = 0xA0 } else if b0 == 0xED { upper = 0x9F } else if b0 == 0xF0 { lower = 0x90 } else if b0 == 0xF4 { upper = 0x8F }
    guard i + 1 < n, p[i + 1] >= lower, p[i + 1] <= upper else { return 0 }
    maximal = 2
    guard i + 2 < n, p[i + 2] & 0xC0 == 0x80 else { return 0 }
    if b0 < 0xF0 { return 3 }
    maximal = 3
    guard i + 3 < n, p[i + 3] & 0xC0 == 0x80 else { return 0 }
    return 4
  }

  /// Offset of the first invalid byte at or after `start`, or nil when the rest is valid UTF-8.
  static func firstInvalid(in p: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    let n = p.count
    var i = start
    var maximal = 0
    while i < n {
      let b0 = p[i]
      if b0 < 0x80 {
        // ASCII eight bytes at a time.
        if let base = p.baseAddress {
          while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            i += 8
          }
        }
        while i < n, p[i] < 0x80 { i += 1 }
        continue
      }
      // Common Han and punctuation: a three-byte lead without special bounds and two continuation bytes.
      if b0 >= 0xE1, b0 != 0xED, b0 <= 0xEF, i + 2 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 {
        i += 3
        continue
      }
      let length = sequenceLength(p, i, maximal: &maximal)
      if length == 0 { return i }
      i += length
    }
    return nil
  }

  /// The line starts of `p` (as `LineTable` finds them) if all of it is valid UTF-8, else nil: validation and
  /// the line table in one pass, for the common case of a clean UTF-8 file.
  static func lineStartsIfValid(_ p: UnsafeBufferPointer<UInt8>) -> [Int]? {
    var sawCounted = false
    return lineStartsIfValid(p, sawCounted: &sawCounted)
  }

  /// Lead bytes E0 + n whose three-byte characters need no second look, as bit n: not E0 (overlong forms),
  /// E2 (U+2028 and U+2029 end a line) or ED (surrogates).
  static let plainThreeByteLeads: UInt64 = 0xDFFA

  /// 1 at `a | b << 4` when the lead bytes E0 + a and E0 + b are both plain (`plainThreeByteLeads`), else 0.
  static let plainLeadPairs: [UInt8] = (0..<256).map { k in
    UInt8(truncatingIfNeeded: plainThreeByteLeads >> (k & 0x0F) & plainThreeByteLeads >> (k >> 4) & 1)
  }

  /// As `lineStartsIfValid(_:)`, and sets `sawCounted` when a byte `BinarySniffer.Sample` counts (NUL, DEL,
  /// control bytes other than tab, line breaks, form feed and ESC) is seen before the verdict: a valid file
  /// without one would give the sniffer nothing to count.
  ///
  /// Runs of plain three-byte characters (Han, CJK punctuation, full-width forms) go four per two eight-byte
  /// words; ASCII up to the next byte below 0x20, DEL or non-ASCII byte goes in one word step.
  static func lineStartsIfValid(_ p: UnsafeBufferPointer<UInt8>, sawCounted: inout Bool) -> [Int]? {
    plainLeadPairs.withUnsafeBufferPointer { pairs in scan(p, pairs: pairs, sawCounted: &sawCounted) }
  }

  /// The body of `lineStartsIfValid(_:sawCounted:)`, with `plainLeadPairs` at hand.
  private static func scan(
    _ p: UnsafeBufferPointer<UInt8>, pairs: UnsafeBufferPointer<UInt8>, sawCounted: inout Bool
  ) -> [Int]? {
    let n = p.count
    var starts: [Int] = [0]
    starts.reserveCapacity(n / 40 + 1)
    guard let base = p.baseAddress else { return starts }
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    var i = 0
    var maximal = 0
    while i < n {
      if i &+ 8 <= n {
        let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        if w & 0x80 == 0 {
          // The first byte that is non-ASCII, below 0x20 or DEL: the lowest flag is exact (a borrow only
          // spreads upwards from a true one).
          let stop = (w | (w &- ones &* 0x20) | ((w ^ ones &* 0x7F) &- ones)) & high
          if stop == 0 {
            i &+= 8
            continue
          }
          let k = stop.trailingZeroBitCount >> 3
          if k > 0 {
            i &+= k
            continue
          }
        } else if w & 0xC0_C0F0 == 0x80_80E0, plainThreeByteLeads >> (w & 0x0F) & 1 != 0 {
          // A plain three-byte character, then more of them: four per two words, then two per word. The lead
          // nibbles of a word's two characters index `pairs`.
          i &+= 3
          while i &+ 14 <= n {
            let u = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            let v = UInt64(littleEndian: UnsafeRawPointer(base + i + 6).loadUnaligned(as: UInt64.self))
            guard (u & 0xC0C0_F0C0_C0F0 ^ 0x8080_E080_80E0) | (v & 0xC0C0_F0C0_C0F0 ^ 0x8080_E080_80E0) == 0,
              pairs[Int(truncatingIfNeeded: u & 0x0F | u >> 20 & 0xF0)]
                & pairs[Int(truncatingIfNeeded: v & 0x0F | v >> 20 & 0xF0)] != 0
            else { break }
            i &+= 12
          }
          while i &+ 8 <= n {
            let v = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            guard v & 0xC0C0_F0C0_C0F0 == 0x8080_E080_80E0, pairs[Int(truncatingIfNeeded: v & 0x0F | v >> 20 & 0xF0)] != 0
            else { break }
            i &+= 6
          }
          continue
        }
      }
      let b0 = p[i]
      if b0 < 0x80 {
        i += 1
        if b0 == 0x0A {
          starts.append(i)
        } else if b0 == 0x0D {
          if i < n, p[i] == 0x0A { i += 1 }
          starts.append(i)
        } else if b0 < 0x09 || (b0 > 0x0D && b0 < 0x20 && b0 != 0x1B) || b0 == 0x7F {
          sawCounted = true
        }
        continue
      }
      // Common Han and punctuation: a three-byte lead without special bounds and two continuation bytes.
      if b0 >= 0xE1, b0 != 0xED, b0 <= 0xEF, i + 2 < n, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 {
        // U+2028 and U+2029 (E2 80 A8, E2 80 A9) end a line.
        if b0 == 0xE2, p[i + 1] == 0x80, p[i + 2] == 0xA8 || p[i + 2] == 0xA9 { starts.append(i + 3) }
        i += 3
        continue
      }
      let length = sequenceLength(p, i, maximal: &maximal)
      if length == 0 { return nil }
      // NEL (C2 85) ends a line.
      if b0 == 0xC2, p[i + 1] == 0x85 { starts.append(i + 2) }
      i += length
    }
    return starts
  }

  /// Of the non-ASCII bytes in the first `sampleSize` bytes, how many form valid UTF-8 sequences, in percent
  /// (100 without any). Damaged UTF-8 stays high; GB18030 and Big5 text reach 30–45 by chance. Stops early,
  /// after 512 non-ASCII bytes, once more than 30% of them are invalid: the answer is then below 70.
  static func validPercent(_ bytes: [UInt8], sampleSize: Int = 65536) -> Int {
    bytes.withUnsafeBufferPointer { p in
      let n = min(p.count, sampleSize)
      var valid = 0
      var nonASCII = 0
      var i = 0
      var maximal = 0
      while i < n {
        if p[i] < 0x80 { i += 1; continue }
        let length = sequenceLength(p, i, maximal: &maximal)
        if length > 0 {
          valid += length
          nonASCII += length
          i += length
        } else {
          nonASCII += maximal
          i += maximal
          if nonASCII >= 512 && (nonASCII - valid) * 10 > nonASCII * 3 { break }
        }
      }
      return nonASCII == 0 ? 100 : valid * 100 / nonASCII
    }
  }

  /// Invalid bytes in `bytes[start...]`; counting stops at `limit`.
  static func invalidByteCount(_ bytes: [UInt8], from start: Int = 0, limit: Int) -> Int {
    bytes.withUnsafeBufferPointer { p in
      var bad = 0
      var i = start
      var maximal = 0
      while let k = firstInvalid(in: p, from: i) {
        _ = sequenceLength(p, k, maximal: &maximal)
        bad += maximal
        if bad >= limit { return bad }
        i = k + maximal
      }
      return bad
    }
  }

  /// `bytes[start...]` with invalid subparts replaced by U+FFFD.
  /// - Complexity: O(n); valid input from offset 0 is returned without a copy.
  static func repair(_ bytes: [UInt8], from start: Int) -> ([UInt8], [DecodedText.InvalidBytes]) {
    let n = bytes.count
    guard let first = bytes.withUnsafeBufferPointer({ firstInvalid(in: $0, from: start) }) else {
      return (start == 0 ? bytes : Array(bytes[start...]), [])
    }
    var invalid: [DecodedText.InvalidBytes] = []
    var i = start
    var next: Int? = first
    let text = bytes.withUnsafeBufferPointer { p in
      DecodeBuffer.build(capacity: n - start + (n - start) / 8 + 16) { o, k in
        guard let src = p.baseAddress, let dst = o.baseAddress else { return true }
        var maximal = 0
        while i < n {
          // Copy the valid run up to the next invalid byte, then one U+FFFD.
          let stop = next ?? n
          let run = stop - i
          guard k + run + 3 <= o.count else { return false }
          (dst + k).update(from: src + i, count: run)
          k += run
          i = stop
          guard i < n else { break }
          _ = sequenceLength(p, i, maximal: &maximal)
          invalid.append(.init(sourceOffset: i, length: maximal, textOffset: k))
          o.writeUTF8(0xFFFD, at: &k)
          i += maximal
          next = firstInvalid(in: p, from: i)
        }
        return true
      }
    }
    return (text, invalid)
  }
}
