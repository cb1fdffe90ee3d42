/// Validates UTF-8 and replaces each maximal invalid subpart with U+FFFD (the WHATWG/Unicode practice).
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

  /// Invalid bytes in `bytes`, counting stops past `limit`.
  static func invalidByteCount(_ bytes: [UInt8], limit: Int) -> Int {
    bytes.withUnsafeBufferPointer { p in
      var bad = 0
      var i = 0
      var maximal = 0
      while i < p.count {
        if p[i] < 0x80 { i += 1; continue }
        let len = sequenceLength(p, i, maximal: &maximal)
        if len == 0 {
          bad += maximal
          if bad >= limit { return bad }
          i += maximal
        } else {
          i += len
        }
      }
      return bad
    }
  }

  /// Copies `bytes[start...]`, replacing invalid subparts with U+FFFD.
  static func repair(_ bytes: [UInt8], from start: Int) -> ([UInt8], [DecodedText.InvalidBytes]) {
    var invalid: [DecodedText.InvalidBytes] = []
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count - start + 16)
    bytes.withUnsafeBufferPointer { p in
      var i = start
      var runStart = start
      var maximal = 0
      while i < p.count {
        if p[i] < 0x80 { i += 1; continue }
        let len = sequenceLength(p, i, maximal: &maximal)
        if len > 0 { i += len; continue }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<i]))
        invalid.append(.init(sourceOffset: i, length: maximal, textOffset: out.count))
        out.append(contentsOf: [0xEF, 0xBF, 0xBD])
        i += maximal
        runStart = i
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: p[runStart..<p.count]))
    }
    return (out, invalid)
  }
}

extension Array where Element == UInt8 {
  /// Appends the UTF-8 form of a scalar value.
  @inline(__always)
  mutating func appendUTF8(_ v: UInt32) {
    if v < 0x80 {
      append(UInt8(v))
    } else if v < 0x800 {
      append(UInt8(0xC0 | (v >> 6)))
      append(UInt8(0x80 | (v & 0x3F)))
    } else if v < 0x10000 {
      append(UInt8(0xE0 | (v >> 12)))
      append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      append(UInt8(0x80 | (v & 0x3F)))
    } else {
      append(UInt8(0xF0 | (v >> 18)))
      append(UInt8(0x80 | ((v >> 12) & 0x3F)))
      append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      append(UInt8(0x80 | (v & 0x3F)))
    }
  }
}
