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

  /// The first scalar boundary from `i` on (scalar by scalar, while before `limit`) whose scalar is a member,
  /// or where the walk passed `limit`: three-byte characters, nearly all of the text, are decoded inline.
  func firstMember(from i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> Int {
    bits.withUnsafeBufferPointer { t in
      var k = i
      while k < limit {
        let b0 = p[k]
        if b0 & 0xF0 == 0xE0 && k + 2 < p.count {
          let v = UInt32(b0 & 0x0F) << 12 | UInt32(p[k + 1] & 0x3F) << 6 | UInt32(p[k + 2] & 0x3F)
          if t[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 { return k }
          k += 3
        } else {
          let (v, length) = ScalarReader.scalar(at: k, in: p)
          if v < 0x10000 && t[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 { return k }
          k += length
        }
      }
      return k
    }
  }
}
