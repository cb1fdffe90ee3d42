/// A set of Basic Multilingual Plane scalars as a bitmap: membership is one load and a mask, with no hashing,
/// for the character classes the figure scan asks about on every candidate.
struct ScalarSet: Sendable {
  private let bits: [UInt64]

  /// The set of `scalars`.
  init(_ scalars: some Sequence<UInt32>) {
    var bits = [UInt64](repeating: 0, count: 1024)
    for v in scalars where v < 0x10000 { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) }
    self.bits = bits
  }

  /// The characters of `characters`, folded through `ScriptFolding` (so 個 and 个 are one member).
  init(folding characters: String) {
    self.init(characters.unicodeScalars.map { ScriptFolding.fold($0.value) })
  }

  @inline(__always)
  func contains(_ v: UInt32) -> Bool { v < 0x10000 && bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
}
