import Testing

@testable import GongwenKit

@Suite("ExactDecimal keeps the digits as written")
struct ExactDecimalTests {
  @Test("description prints the digits and scale", arguments: [
    (Int64(908), 1, "90.8"), (-7, 1, "-0.7"), (306, 0, "306"), (5, 2, "0.05"), (0, 0, "0"), (0, 1, "0.0"),
    (9080, 2, "90.80"), (-123456, 3, "-123.456"),
  ])
  func description(_ significand: Int64, _ scale: Int, _ text: String) {
    #expect(ExactDecimal(significand: significand, scale: scale).description == text)
  }

  @Test("parsing round-trips and compares across scales")
  func parsing() throws {
    let a = try #require(ExactDecimal("90.80"))
    #expect(a.description == "90.80" && a == ExactDecimal(significand: 908, scale: 1))
    #expect(ExactDecimal("1.2.3") == nil && ExactDecimal("") == nil && ExactDecimal("1234567890123456789") == nil)
  }
}
