/// Sixteen bytes tested at once against byte patterns, for scans that skip text where nothing can start.
///
/// Only XOR, OR, AND and wrapping subtraction are used: they compile to SSE instructions, while `.==`,
/// `pointwiseMin` and `any(_:)` on `SIMD16<UInt8>` are compiled lane by lane. A lane's difference from a
/// pattern (the OR of its bytes XOR the pattern's) is zero where the pattern matches.
enum ByteLanes {
  typealias Lanes = SIMD16<UInt8>

  /// The sixteen bytes from `i` (which must be in bounds).
  @inline(__always)
  static func load(_ raw: UnsafeRawBufferPointer, _ i: Int) -> Lanes { raw.loadUnaligned(fromByteOffset: i, as: Lanes.self) }

  /// The sixteen bytes from `i`, `i + 1` and `i + 2`: the first, second and third bytes of a character
  /// starting at each of sixteen offsets (`i + 17` must be in bounds).
  @inline(__always)
  static func loadThree(_ raw: UnsafeRawBufferPointer, _ i: Int) -> (Lanes, Lanes, Lanes) {
    (load(raw, i), load(raw, i + 1), load(raw, i + 2))
  }

  /// Each lane XOR `byte`: zero where the lane is `byte`.
  @inline(__always)
  static func x(_ v: Lanes, _ byte: UInt8) -> Lanes { v ^ Lanes(repeating: byte) }

  /// A lane whose top bit is set exactly where `v`'s lane is zero: ~v & (v - 1).
  @inline(__always)
  static func zero(_ v: Lanes) -> Lanes { ~v & (v &- Lanes(repeating: 1)) }

  /// Whether the top bit of any lane is set.
  @inline(__always)
  static func any(_ v: Lanes) -> Bool {
    let halves = unsafeBitCast(v, to: SIMD2<UInt64>.self)
    return (halves[0] | halves[1]) & 0x8080_8080_8080_8080 != 0
  }
}
