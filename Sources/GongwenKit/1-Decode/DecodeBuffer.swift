/// Builds a decoder's UTF-8 output in one uninitialised allocation, growing only when damage makes the
/// output larger than the estimate (an invalid byte becomes three bytes of U+FFFD).
enum DecodeBuffer {
  /// The bytes written by `fill`, which is called with the buffer and the count written so far and returns
  /// true when done, or false when it stopped for want of room (it must leave at least `slack` bytes free
  /// before each write).
  /// - Complexity: O(output); a regrowth copies what was written (rare: heavy damage).
  static func build(
    capacity estimate: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>, inout Int) -> Bool
  ) -> [UInt8] {
    var capacity = max(estimate, 64)
    var done = false
    var out: [UInt8] = []
    while !done {
      let previous = out
      out = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
        count = 0
        previous.withUnsafeBufferPointer { old in
          if let base = old.baseAddress, let target = buffer.baseAddress {
            target.initialize(from: base, count: old.count)
          }
          count = old.count
        }
        done = fill(buffer, &count)
      }
      capacity *= 2
    }
    return out
  }
}

extension UnsafeMutableBufferPointer<UInt8> {
  /// Writes the UTF-8 form of scalar `v` at `k` and moves `k` past it. The caller ensures room for four bytes.
  @inline(__always)
  func writeUTF8(_ v: UInt32, at k: inout Int) {
    if v < 0x80 {
      self[k] = UInt8(truncatingIfNeeded: v)
      k += 1
    } else if v < 0x800 {
      self[k] = UInt8(truncatingIfNeeded: 0xC0 | (v >> 6))
      self[k + 1] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
      k += 2
    } else if v < 0x10000 {
      self[k] = UInt8(truncatingIfNeeded: 0xE0 | (v >> 12))
      self[k + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
      self[k + 2] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
      k += 3
    } else {
      self[k] = UInt8(truncatingIfNeeded: 0xF0 | (v >> 18))
      self[k + 1] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 12) & 0x3F))
      self[k + 2] = UInt8(truncatingIfNeeded: 0x80 | ((v >> 6) & 0x3F))
      self[k + 3] = UInt8(truncatingIfNeeded: 0x80 | (v & 0x3F))
      k += 4
    }
  }
}
