/// Sixteen bytes tested at once against byte patterns, for scans that skip text where nothing can start.
///
/// Lane comparisons (`.==`, `.&`, `.|` on masks) compile to SSE2 `pcmpeqb`, `pand` and `por`, and `any(_:)`
/// here to one OR of two words: about one instruction per test for sixteen offsets.
enum ByteLanes {
  typealias Lanes = SIMD16<UInt8>
  typealias Mask = SIMDMask<SIMD16<Int8>>

  /// The sixteen bytes from `i` (which must be in bounds).
  @inline(__always)
  static func load(_ raw: UnsafeRawBufferPointer, _ i: Int) -> Lanes { raw.loadUnaligned(fromByteOffset: i, as: Lanes.self) }

  /// The sixteen bytes from `i`, `i + 1` and `i + 2`: the first, second and third bytes of a character
  /// starting at each of sixteen offsets (`i + 17` must be in bounds).
  @inline(__always)
  static func loadThree(_ raw: UnsafeRawBufferPointer, _ i: Int) -> (Lanes, Lanes, Lanes) {
    // Offsets are far below Int.max: no overflow test.
    (load(raw, i), load(raw, i &+ 1), load(raw, i &+ 2))
  }

  /// The lanes equal to `byte`.
  @inline(__always)
  static func eq(_ v: Lanes, _ byte: UInt8) -> Mask { v .== Lanes(repeating: byte) }

  /// The lanes whose bits in `mask` equal `byte` (`byte` has no bit outside `mask`).
  @inline(__always)
  static func eq(_ v: Lanes, _ mask: UInt8, _ byte: UInt8) -> Mask { (v & Lanes(repeating: mask)) .== Lanes(repeating: byte) }

  /// Lanes 0…7 and 8…15 as the bits `8 k` of two words: lane `k` of a half is set when bit `8 k` is.
  @inline(__always)
  static func lowBits(_ m: Mask) -> (UInt64, UInt64) {
    let halves = unsafeBitCast(m, to: SIMD2<UInt64>.self)
    return (halves[0] & 0x0101_0101_0101_0101, halves[1] & 0x0101_0101_0101_0101)
  }

  /// Whether any lane is set.
  @inline(__always)
  static func any(_ m: Mask) -> Bool {
    let halves = unsafeBitCast(m, to: SIMD2<UInt64>.self)
    return halves[0] | halves[1] != 0
  }
}
