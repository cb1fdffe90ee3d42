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
    let n = p.count
    var starts: [Int] = [0]
    starts.reserveCapacity(n / 40 + 1)
    var i = 0
    var maximal = 0
    while i < n {
      let b0 = p[i]
      if b0 < 0x80 {
        // ASCII eight bytes at a time while none can end a line (all at or above 0x0E).
        if let base = p.baseAddress {
          let ones: UInt64 = 0x0101_0101_0101_0101
          while i + 8 <= n {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            guard (w | (w &- ones &* 0x0E)) & 0x8080_8080_8080_8080 == 0 else { break }
            i += 8
          }
        }
        guard i < n, p[i] < 0x80 else { continue }
        let b = p[i]
        i += 1
        if b == 0x0A {
          starts.append(i)
        } else if b == 0x0D {
          if i < n, p[i] == 0x0A { i += 1 }
          starts.append(i)
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
