/// Big5 (as cp950) into UTF-8, through `Big5Table`; and the content test that tells Big5 from GB18030.
///
/// Big5's byte structure is valid GB18030 too, so a Big5 file decodes as GB18030 without an invalid byte,
/// into the wrong characters. What differs is which characters come out: read as its own encoding, a
/// summary is almost all common characters; read as the other, well under half of them are.
enum Big5Decoder {
  /// Two-byte scalars indexed by (lead − 0x80) << 8 | trail; 0 where the pair maps to nothing.
  static let twoByteScalars = HexTable.twoByteScalars(
    Big5Table.twoByteHex, trails: Array(0x40...0x7E) + Array(0xA1...0xFE), count: Big5Table.twoByteCount)

  /// One bit per scalar U+4E00…U+9FFF: set for the common characters (GB2312 level 1, Big5 level 1).
  static let commonHan: [UInt64] = {
    var bits = [UInt64](repeating: 0, count: (0xA000 - 0x4E00 + 63) / 64)
    var index = 0
    for c in Big5Table.commonHanHex.utf8 {
      guard let digit = HexTable.digit(c) else { continue }
      for bit in 0..<4 where digit & (8 >> bit) != 0 {
        let k = index + bit
        bits[k >> 6] |= 1 << UInt64(k & 63)
      }
      index += 4
    }
    return bits
  }()

  /// Of the non-ASCII characters in the first `sampleSize` bytes of UTF-8 `text` (1 KiB: over three
  /// hundred characters), how many are common Han characters, CJK punctuation or box drawing, in percent
  /// (100 when there are fewer than 20 characters to judge by).
  static func commonPercent(ofUTF8 text: [UInt8], sampleSize: Int = 1024) -> Int {
    text.withUnsafeBufferPointer { p in
      commonHan.withUnsafeBufferPointer { bits in
        let n = min(p.count, sampleSize)
        var total = 0
        var common = 0
        var i = 0
        while i < n {
          let b = p[i]
          if b < 0x80 { i += 1; continue }
          let v: UInt32
          if b >= 0xE0, b < 0xF0, i + 2 < n {
            // Han and CJK punctuation are three bytes: decoded here, without a call.
            v = UInt32(b & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
            i += 3
          } else {
            let (scalar, length) = ScalarReader.scalar(at: i, in: p)
            v = scalar
            i += length
          }
          total += 1
          if v >= 0x4E00 && v < 0xA000 {
            let k = Int(v - 0x4E00)
            if bits[k >> 6] & (1 << UInt64(k & 63)) != 0 { common += 1 }
          } else if (v >= 0x3000 && v < 0x3020) || (v >= 0xFF01 && v < 0xFF5F) || (v >= 0x2010 && v < 0x2027)
            || (v >= 0x2500 && v < 0x2580)  // box drawing: tables drawn in characters
          {
            common += 1
          }
        }
        return total < 20 ? 100 : common * 100 / total
      }
    }
  }

  /// Decodes `bytes[start...]`; each invalid sequence becomes U+FFFD and one `InvalidBytes` record. A lead
  /// byte followed by an ASCII byte is invalid alone and the ASCII byte is read again (as WHATWG's Big5
  /// decoder does); a pair of non-ASCII bytes that maps to nothing is one invalid sequence of two bytes.
  static func decode(_ bytes: [UInt8], from start: Int) -> ([UInt8], [DecodedText.InvalidBytes]) {
    var invalid: [DecodedText.InvalidBytes] = []
    let n = bytes.count
    var i = start
    let text = twoByteScalars.withUnsafeBufferPointer { t in
      bytes.withUnsafeBufferPointer { p in
        DecodeBuffer.build(capacity: (n - start) / 2 * 3 + 16) { o, k in
          let room = o.count - 8
          while i < n {
            guard k <= room else { return false }
            let b = p[i]
            if b < 0x80 {
              o[k] = b
              k += 1
              i += 1
              continue
            }
            if b >= 0x81, b <= 0xFE, i + 1 < n {
              let trail = p[i + 1]
              let v = UInt32(t[Int(b & 0x7F) << 8 | Int(trail)])
              if v != 0 {
                o.writeUTF8(v, at: &k)
                i += 2
                continue
              }
              let bad = trail < 0x80 ? 1 : 2
              invalid.append(.init(sourceOffset: i, length: bad, textOffset: k))
              o.writeUTF8(0xFFFD, at: &k)
              i += bad
              continue
            }
            invalid.append(.init(sourceOffset: i, length: 1, textOffset: k))
            o.writeUTF8(0xFFFD, at: &k)
            i += 1
          }
          return true
        }
      }
    }
    return (text, invalid)
  }
}
