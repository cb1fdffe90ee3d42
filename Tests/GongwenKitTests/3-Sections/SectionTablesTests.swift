import Testing

@testable import GongwenKit

@Suite("Section tables: bitmaps set from short lists equal a test of every scalar")
struct SectionTablesTests {
  /// The bitmap of every scalar of U+4000…U+9FFF that passes `test`.
  private func scanned(_ test: (UInt32) -> Bool) -> [UInt64] {
    var bits = [UInt64](repeating: 0, count: 0x6000 / 64)
    for v in UInt32(0x4000)..<0xA000 where test(v) {
      let k = Int(v - 0x4000)
      bits[k >> 6] |= 1 << UInt64(k & 63)
    }
    return bits
  }

  @Test("heading and item start bitmaps")
  func headingAndItemBits() {
    #expect(SectionParser.headingBits == scanned { $0 == 0x7B2C || $0 == 0x5341 || ChineseNumeral.digit($0) != nil })
    #expect(SectionParser.itemBits == scanned(HeadingMarker.mayStartItem))
    #expect(SectionParser.numerals.allSatisfy { ChineseNumeral.digit($0) != nil })
  }

  @Test("the scalars folding to a word's first scalar, for the splitter's words and traditional firsts")
  func hanFirsts() {
    let wordLists = [DocumentSplitter.frontWords, DocumentSplitter.debrisWords, ["选举", "舉", "a"].map(FoldedMatch.pattern)]
    for words in wordLists {
      let firsts = Set(words.compactMap(\.first))
      #expect(DocumentSplitter.hanFirsts(words) == scanned { firsts.contains(ScriptFolding.fold($0)) })
    }
    // 舉 folds to 举: both set.
    let bits = DocumentSplitter.hanFirsts([FoldedMatch.pattern("举")])
    for v: UInt32 in [0x4E3E, 0x8209] { #expect(bits[Int(v - 0x4000) >> 6] & (1 << UInt64((v - 0x4000) & 63)) != 0) }
  }
}
