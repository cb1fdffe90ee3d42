import Foundation

/// GB18030 (which covers GBK and GB2312) into UTF-8.
enum GB18030Decoder {
  /// Invalid bytes under GB18030's byte structure; counting stops past `limit`.
  static func invalidByteCount(_ bytes: [UInt8], limit: Int) -> Int {
    bytes.withUnsafeBufferPointer { p in
      var bad = 0
      var i = 0
      let n = p.count
      while i < n {
        let b = p[i]
        if b < 0x80 { i += 1; continue }
        if b >= 0x81 && b <= 0xFE, i + 1 < n {
          let t = p[i + 1]
          if (t >= 0x40 && t <= 0x7E) || (t >= 0x80 && t <= 0xFE) { i += 2; continue }
          if t >= 0x30 && t <= 0x39, i + 3 < n, p[i + 2] >= 0x81, p[i + 2] <= 0xFE, p[i + 3] >= 0x30, p[i + 3] <= 0x39 {
            i += 4; continue
          }
        }
        bad += 1
        if bad >= limit { return bad }
        i += 1
      }
      return bad
    }
  }

  /// Decodes character by character through Foundation; bad sequences become U+FFFD.
  static func decode(_ bytes: [UInt8], from start: Int) -> ([UInt8], [DecodedText.InvalidBytes]) {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count - start) * 3 / 2)
    var invalid: [DecodedText.InvalidBytes] = []
    let encoding = String.Encoding(rawValue: 0x8000_0632)
    var i = start
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 { out.append(b); i += 1; continue }
      var len = 0
      if b >= 0x81 && b <= 0xFE, i + 1 < n {
        let t = bytes[i + 1]
        if (t >= 0x40 && t <= 0x7E) || (t >= 0x80 && t <= 0xFE) {
          len = 2
        } else if t >= 0x30 && t <= 0x39, i + 3 < n, bytes[i + 2] >= 0x81, bytes[i + 2] <= 0xFE, bytes[i + 3] >= 0x30, bytes[i + 3] <= 0x39 {
          len = 4
        }
      }
      if len > 0, let s = String(bytes: bytes[i..<i + len], encoding: encoding) {
        out.append(contentsOf: s.utf8)
        i += len
      } else {
        invalid.append(.init(sourceOffset: i, length: 1, textOffset: out.count))
        out.append(contentsOf: [0xEF, 0xBF, 0xBD])
        i += 1
      }
    }
    return (out, invalid)
  }
}
