/// Decodes UTF-16 (either byte order) into UTF-8; lone surrogates and a trailing odd byte become U+FFFD.
enum UTF16Decoder {
  static func decode(_ bytes: [UInt8], from start: Int, bigEndian: Bool) -> ([UInt8], [DecodedText.InvalidBytes]) {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count - start) * 3 / 2 + 16)
    var invalid: [DecodedText.InvalidBytes] = []
    bytes.withUnsafeBufferPointer { p in
      let n = p.count
      var i = start
      @inline(__always) func unit(_ k: Int) -> UInt32 {
        bigEndian ? UInt32(p[k]) << 8 | UInt32(p[k + 1]) : UInt32(p[k + 1]) << 8 | UInt32(p[k])
      }
      while i + 1 < n {
        let u = unit(i)
        if u < 0xD800 || u > 0xDFFF {
          out.appendUTF8(u)
          i += 2
        } else if u <= 0xDBFF, i + 3 < n, case let low = unit(i + 2), low >= 0xDC00 && low <= 0xDFFF {
          out.appendUTF8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00))
          i += 4
        } else {
          invalid.append(.init(sourceOffset: i, length: 2, textOffset: out.count))
          out.appendUTF8(0xFFFD)
          i += 2
        }
      }
      if i < n {
        invalid.append(.init(sourceOffset: i, length: 1, textOffset: out.count))
        out.appendUTF8(0xFFFD)
      }
    }
    return (out, invalid)
  }
}
