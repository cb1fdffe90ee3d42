import Testing

@testable import GongwenKit

@Suite("lost-decimal")
struct LostDecimalRuleTests {
  @Test("the suggestion puts the point back", arguments: [
    ("占90?8%", "90?8%", "90.8%"), ("占96？3%", "96？3%", "96.3%"), ("占51\u{FFFD}2%", "51\u{FFFD}2%", "51.2%"),
    ("占90。5%", "90。5%", "90.5%"), ("降低0?7岁", "0?7岁", "0.7岁"), ("提高1?6个百分点", "1?6个百分点", "1.6个百分点"),
  ])
  func suggestion(_ text: String, _ written: String, _ repaired: String) throws {
    var h = HandFigures(text)
    h.add(.percent, written, ExactDecimal(repaired.prefix { $0.isNumber || $0 == "." }), unit: "%", flags: .lostDecimal)
    let finding = try #require(h.findings("lost-decimal").first)
    #expect(finding.suggestion == repaired)
    #expect(finding.text == written)
    #expect(finding.start.column == (text.hasPrefix("占") ? 2 : 3))
    #expect(finding.message == "decimal point lost in \(written): read as \(repaired)")
  }

  @Test("a question mark not between digits is no mark")
  func noMark() {
    #expect(LostDecimalRule.mark(in: 0..<6, of: Array("90%?8%".utf8)) == nil)
    #expect(LostDecimalRule.mark(in: 0..<5, of: Array("90?8%".utf8)) == 2..<3)
  }
}
