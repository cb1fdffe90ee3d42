import Testing

@testable import GongwenKit

@Suite("lost-decimal")
struct LostDecimalRuleTests {
  struct Case: Sendable, CustomTestStringConvertible {
    /// The line, the figure as the extractor gives it, what the finding quotes, the repair, its column.
    let line: String, figure: String, quoted: String, repaired: String, column: Int
    var testDescription: String { line }
  }

  @Test("the suggestion puts the point back; the finding points at the number", arguments: [
    Case(line: "占90?8%", figure: "90?8%", quoted: "90?8%", repaired: "90.8%", column: 2),
    Case(line: "占96？3%", figure: "96？3%", quoted: "96？3%", repaired: "96.3%", column: 2),
    Case(line: "占51\u{FFFD}2%", figure: "51\u{FFFD}2%", quoted: "51\u{FFFD}2%", repaired: "51.2%", column: 2),
    Case(line: "占90。5%", figure: "90。5%", quoted: "90。5%", repaired: "90.5%", column: 2),
    Case(line: "占９０？８％", figure: "９０？８％", quoted: "９０？８％", repaired: "９０.８％", column: 2),
    Case(line: "比全区降低0?7岁", figure: "降低0?7岁", quoted: "0?7岁", repaired: "0.7岁", column: 6),
    Case(line: "平均年龄42?2岁", figure: "平均年龄42?2岁", quoted: "42?2岁", repaired: "42.2岁", column: 5),
    Case(line: "提高1?6个百分点", figure: "提高1?6个百分点", quoted: "1?6个百分点", repaired: "1.6个百分点", column: 3),
  ])
  func suggestion(_ c: Case) throws {
    var h = HandFigures(c.line)
    h.add(.percent, c.figure, nil, unit: "%", flags: .lostDecimal)
    let finding = try #require(h.findings("lost-decimal").first)
    #expect(finding.suggestion == c.repaired)
    #expect(finding.text == c.quoted)
    #expect(finding.start.column == c.column)
    #expect(finding.message == "decimal point lost in \(c.quoted): read as \(c.repaired)")
  }

  @Test("a question mark not between digits is no mark")
  func noMark() {
    #expect(LostDecimalRule.mark(in: 0..<6, of: Array("90%?8%".utf8)) == nil)
    #expect(LostDecimalRule.mark(in: 0..<5, of: Array("90?8%".utf8)) == 2..<3)
  }
}
