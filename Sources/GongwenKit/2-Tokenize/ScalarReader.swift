/// Reads Unicode scalars from valid UTF-8 by offset, forwards and backwards.
enum ScalarReader {
  /// The scalar at `i` and its UTF-8 length. `i` must be at a scalar boundary.
  @inline(__always)
  static func scalar(at i: Int, in p: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int) {
    let b0 = UInt32(p[i])
    if b0 < 0x80 { return (b0, 1) }
    let n = p.count
    if b0 < 0xE0 {
      guard i + 1 < n else { return (0xFFFD, 1) }
      return ((b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2)
    }
    if b0 < 0xF0 {
      guard i + 2 < n else { return (0xFFFD, n - i) }
      return ((b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
    }
    guard i + 3 < n else { return (0xFFFD, n - i) }
    return ((b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12 | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F), 4)
  }

  /// Offset of the scalar that ends just before `i`.
  @inline(__always)
  static func previousBoundary(before i: Int, in p: UnsafeBufferPointer<UInt8>) -> Int {
    var j = i - 1
    while j > 0 && p[j] & 0xC0 == 0x80 { j -= 1 }
    return j
  }
}
