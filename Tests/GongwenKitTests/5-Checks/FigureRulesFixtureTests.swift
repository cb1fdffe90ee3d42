import Testing

@testable import GongwenKit

/// One fixture per figure-based rule, through the whole pipeline (extractor included), and fixtures
/// that must raise nothing.
@Suite("Figure rules on fixtures")
struct FigureRulesFixtureTests {
  @Test("blank-number: 共有名选民 and 参选率达%")
  func blankNumber() throws {
    let findings = try fixtureFindings("blank-number.txt", rule: "blank-number")
    #expect(findings.map(Spot.init) == [Spot("blank-number", 1, 5, 6, "名"), Spot("blank-number", 1, 19, 20, "%")])
    #expect(findings.map(\.message) == ["选民 has no number (共有名)", "参选率 has no number (率达%)"])
  }

  @Test("lost-decimal: 90?8%, 9？2% and 42。2岁 with their repairs")
  func lostDecimal() throws {
    let findings = try fixtureFindings("lost-decimal.txt", rule: "lost-decimal")
    #expect(
      findings.map(Spot.init) == [
        Spot("lost-decimal", 1, 11, 16, "90?8%"), Spot("lost-decimal", 1, 23, 27, "9？2%"),
        Spot("lost-decimal", 1, 32, 37, "42。2岁"),
      ])
    #expect(findings.map(\.suggestion) == ["90.8%", "9.2%", "42.2岁"])
  }

  @Test("sum-mismatch: 男子178 + 女28 = 206, not 306")
  func sumMismatch() throws {
    let findings = try fixtureFindings("sum-mismatch.txt", rule: "sum-mismatch")
    #expect(findings.map(Spot.init) == [Spot("sum-mismatch", 1, 8, 12, "306人")])
    #expect(findings.first?.message == "男子 178 + 女 28 = 206, not 农村党支部书记 306 (306人)")
  }

  @Test("percent-mismatch: 178 of 306 is 58.2%, not 90.8%")
  func percentMismatch() throws {
    let findings = try fixtureFindings("percent-mismatch.txt", rule: "percent-mismatch")
    #expect(findings.map(Spot.init) == [Spot("percent-mismatch", 1, 23, 28, "90.8%")])
    #expect(findings.first?.message == "男子 178 of 农村党支部书记 306 is 58.2%, not 90.8%")
  }

  @Test("percent-total: 60.5% + 40.5% of one breakdown is 101.0%")
  func percentTotal() throws {
    let findings = try fixtureFindings("percent-total.txt", rule: "percent-total")
    #expect(findings.map(Spot.init) == [Spot("percent-total", 1, 18, 23, "60.5%")])
    #expect(findings.first?.message == "男性代表 60.5% + 女性代表 40.5% = 101.0%, not 100%")
  }

  @Test("consistent breakdowns and rounding at the edge raise nothing", arguments: [
    "clean-breakdown.txt", "clean-rounding.txt", "clean-age-bands.txt", "clean-placeholders.txt",
  ])
  func clean(_ name: String) throws {
    let file = try Fixtures.file("checks/\(name)")
    #expect(file.documents.flatMap(\.findings).map(Spot.init) == [])
    // The fixture is worth something only if the figures are there to check.
    if name != "clean-placeholders.txt" { #expect(file.documents.flatMap(\.figures).count >= 6) }
  }
}
