/// Decodes UTF-16 (either byte order) into UTF-8; lone surrogates and a trailing odd byte become U+FFFD.
enum UTF16Decoder {
  /// Decodes `bytes[start...]` as UTF-16 in the given byte order.
  /// - Complexity: O(n), one pass into one allocation (UTF-16 never grows by more than half in UTF-8).
  static func decode(_ bytes: [UInt8], from start: Int, bigEndian: Bool) -> ([UInt8], [DecodedText.InvalidBytes]) {
    var invalid: [DecodedText.InvalidBytes] = []
    let n = bytes.count
    var i = start
    let text = bytes.withUnsafeBufferPointer { p in
      DecodeBuffer.build(capacity: (n - start) / 2 * 3 + 16) { o, k in
        @inline(__always) func unit(_ j: Int) -> UInt32 {
          bigEndian ? UInt32(p[j]) << 8 | UInt32(p[j + 1]) : UInt32(p[j + 1]) << 8 | UInt32(p[j])
        }
        guard let dst = o.baseAddress else { return true }
        let room = o.count - 8
        while i + 1 < n {
          guard k <= room else { return false }
          let u = unit(i)
          if u < 0x80 {
            o[k] = UInt8(truncatingIfNeeded: u)
            k += 1
            i += 2
          } else if u >= 0x800, u < 0xD800 || u > 0xDFFF {
            // Han and CJK punctuation: three bytes in one four-byte store (the fourth is overwritten next or
            // lies past the end; `room` keeps it in the buffer).
            let packed = (0xE0 | u >> 12) | (0x80 | (u >> 6) & 0x3F) << 8 | (0x80 | u & 0x3F) << 16
            UnsafeMutableRawPointer(dst + k).storeBytes(of: packed.littleEndian, as: UInt32.self)
            k += 3
            i += 2
          } else if u < 0xD800 {
            o.writeUTF8(u, at: &k)
            i += 2
          } else if u <= 0xDBFF, i + 3 < n, case let low = unit(i + 2), low >= 0xDC00 && low <= 0xDFFF {
            o.writeUTF8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), at: &k)
            i += 4
          } else {
            invalid.append(.init(sourceOffset: i, length: 2, textOffset: k))
            o.writeUTF8(0xFFFD, at: &k)
            i += 2
          }
        }
        if i < n {
          guard k <= room else { return false }
          invalid.append(.init(sourceOffset: i, length: 1, textOffset: k))
          o.writeUTF8(0xFFFD, at: &k)
          i += 1
        }
        return true
      }
    }
    return (text, invalid)
  }
}
