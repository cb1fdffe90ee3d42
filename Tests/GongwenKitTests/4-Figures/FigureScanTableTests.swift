import Testing

@testable import GongwenKit

@Suite("FigureScan: the skip loop's tables stop exactly where the decoded-scalar test does")
struct FigureScanTableTests {
  /// The test the skip loop replaced: stop unless b0 leads a three-byte character whose scalar is not interesting.
  func plainStops(_ b0: Int, _ b1: Int, _ b2: Int) -> Bool {
    guard b0 & 0xF0 == 0xE0 else { return true }
    let v = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)
    return FigureScan.interestingTable[v >> 6] & (1 << UInt64(v & 63)) != 0
  }

  @Test("every lead byte, every second byte, every low six bits of the third byte")
  func everyTriple() {
    let (rows, words) = FigureScan.skipTables
    var mismatches = 0
    for b0 in 0..<256 {
      for b1 in 0..<256 {
        let word = words[rows[b0] + b1]
        for b2 in 0..<64 where (word & (1 << UInt64(b2)) != 0) != plainStops(b0, b1, b2 | 0x80) { mismatches += 1 }
      }
    }
    #expect(mismatches == 0)
  }

  @Test("the table stops at numerals, measure words and punctuation, and passes plain Han characters")
  func knownCharacters() {
    let (rows, words) = FigureScan.skipTables
    func stops(_ s: String) -> Bool {
      let b = Array(s.utf8)
      return words[rows[Int(b[0])] + Int(b[1])] & (1 << UInt64(b[2] & 63)) != 0
    }
    for s in ["一", "百", "人", "名", "岁", "歲", "，", "。", "５", "％", "ｘ"] { #expect(stops(s), "\(s)") }
    for s in ["选", "民", "党", "员", "率", "、", "的"] { #expect(!stops(s), "\(s)") }
  }
}
