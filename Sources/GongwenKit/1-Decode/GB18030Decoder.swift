/// GB18030 (which covers GBK and GB2312) into UTF-8, through `GB18030Table`.
///
/// One forward pass; a byte that starts no valid sequence becomes U+FFFD and decoding goes on with the
/// next byte, so a trail byte in the ASCII range (81 7F) is kept as that character, as WHATWG decoders do.
enum GB18030Decoder {
  /// Two-byte scalars indexed by (lead − 0x80) << 8 | trail; 0 where the pair is not a two-byte code.
  static let twoByteScalars = HexTable.twoByteScalars(
    GB18030Table.twoByteHex, trails: Array(0x40...0x7E) + Array(0x80...0xFE), count: GB18030Table.twoByteCount)

  /// The UTF-8 of each two-byte code whose scalar takes three bytes (all Han and CJK punctuation), packed
  /// little-endian in the low three bytes, indexed as `twoByteScalars`; 0 elsewhere. One load and one
  /// four-byte store write a character.
  static let twoByteUTF8: [UInt32] = twoByteScalars.map { s in
    let v = UInt32(s)
    guard v >= 0x800 else { return 0 }
    return (0xE0 | v >> 12) | (0x80 | (v >> 6) & 0x3F) << 8 | (0x80 | v & 0x3F) << 16
  }

  /// The scalar of a four-byte code by its linear index, or nil when the index maps to nothing.
  static func fourByteScalar(linear: Int) -> UInt32? {
    if linear >= GB18030Table.supplementaryLinear {
      let v = 0x10000 + linear - GB18030Table.supplementaryLinear
      return v <= 0x10FFFF ? UInt32(v) : nil
    }
    guard linear >= 0, linear <= GB18030Table.lastBMPLinear else { return nil }
    let ranges = GB18030Table.fourByteRanges
    var low = 0
    var high = ranges.count / 2 - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if Int(ranges[2 * mid]) <= linear { low = mid } else { high = mid - 1 }
    }
    return ranges[2 * low + 1] + UInt32(linear - Int(ranges[2 * low]))
  }

  /// Length and scalar of the sequence at `i`, or length 0 when the byte at `i` starts none.
  @inline(__always)
  static func sequence(at i: Int, in p: UnsafeBufferPointer<UInt8>, table t: UnsafeBufferPointer<UInt16>)
    -> (length: Int, scalar: UInt32)
  {
    let n = p.count
    let b = p[i]
    if b < 0x80 { return (1, UInt32(b)) }
    guard i + 1 < n else { return (0, 0) }
    let trail = p[i + 1]
    let v = t[Int(b & 0x7F) << 8 | Int(trail)]
    if v != 0 { return (2, UInt32(v)) }
    guard b >= 0x81, b <= 0xFE, trail >= 0x30, trail <= 0x39, i + 3 < n else { return (0, 0) }
    let b3 = p[i + 2]
    let b4 = p[i + 3]
    guard b3 >= 0x81, b3 <= 0xFE, b4 >= 0x30, b4 <= 0x39 else { return (0, 0) }
    let linear = ((Int(b) - 0x81) * 10 + Int(trail) - 0x30) * 1260 + (Int(b3) - 0x81) * 10 + Int(b4) - 0x30
    // A well-formed four-byte code that maps to nothing is one invalid sequence of four bytes.
    guard let scalar = fourByteScalar(linear: linear) else { return (-4, 0) }
    return (4, scalar)
  }

  /// Invalid bytes in `bytes[start...]`; counting stops at `limit`.
  static func invalidByteCount(_ bytes: [UInt8], from start: Int = 0, limit: Int) -> Int {
    twoByteScalars.withUnsafeBufferPointer { t in
      bytes.withUnsafeBufferPointer { p in
        var bad = 0
        var i = start
        while i < p.count {
          if p[i] < 0x80 { i += 1; continue }
          let (length, _) = sequence(at: i, in: p, table: t)
          if length > 0 {
            i += length
          } else {
            bad += max(1, -length)
            if bad >= limit { return bad }
            i += max(1, -length)
          }
        }
        return bad
      }
    }
  }

  /// Decodes `bytes[start...]`; each invalid sequence becomes U+FFFD and one `InvalidBytes` record.
  /// - Complexity: O(n), one pass; the output is allocated once unless damage makes it outgrow 1.5 × n.
  static func decode(_ bytes: [UInt8], from start: Int) -> ([UInt8], [DecodedText.InvalidBytes]) {
    var invalid: [DecodedText.InvalidBytes] = []
    let n = bytes.count
    var i = start
    let text = twoByteScalars.withUnsafeBufferPointer { t in
      twoByteUTF8.withUnsafeBufferPointer { u8 in
        bytes.withUnsafeBufferPointer { p in
          DecodeBuffer.build(capacity: (n - start) / 2 * 3 + 16) { o, k in
            guard let src = p.baseAddress, let dst = o.baseAddress else { return true }
            let room = o.count - 8
            while i < n {
              guard k <= room else { return false }
              let b = src[i]
              if b < 0x80 {
                // ASCII runs eight bytes at a time.
                while i + 8 <= n, k + 8 <= o.count {
                  let word = UnsafeRawPointer(src + i).loadUnaligned(as: UInt64.self)
                  guard word & 0x8080_8080_8080_8080 == 0 else { break }
                  UnsafeMutableRawPointer(dst + k).storeBytes(of: word, as: UInt64.self)
                  i += 8
                  k += 8
                }
                if i < n, p[i] < 0x80, k < o.count {
                  o[k] = p[i]
                  k += 1
                  i += 1
                }
                continue
              }
              if i + 1 < n {
                var packed = u8[Int(b & 0x7F) << 8 | Int(src[i + 1])]
                if packed != 0 {
                  // A run of two-byte codes with three-byte UTF-8: a table load and a four-byte store each
                  // (the fourth byte is overwritten next or lies past the end; `room` keeps it in the buffer).
                  while true {
                    UnsafeMutableRawPointer(dst + k).storeBytes(of: packed.littleEndian, as: UInt32.self)
                    k &+= 3
                    i &+= 2
                    guard i &+ 1 < n, k <= room, src[i] >= 0x80 else { break }
                    packed = u8[Int(src[i] & 0x7F) << 8 | Int(src[i + 1])]
                    guard packed != 0 else { break }
                  }
                  continue
                }
              }
              let (length, scalar) = sequence(at: i, in: p, table: t)
              if length > 0 {
                o.writeUTF8(scalar, at: &k)
                i += length
              } else {
                let bad = max(1, -length)
                invalid.append(.init(sourceOffset: i, length: bad, textOffset: k))
                o.writeUTF8(0xFFFD, at: &k)
                i += bad
              }
            }
            return true
          }
        }
      }
    }
    return (text, invalid)
  }
}
