import Testing

@testable import GongwenKit

@Suite("ExactDecimal keeps the digits as written")
struct ExactDecimalTests {
  @Test("description prints the digits and scale", arguments: [
    (Int64(908), 1, "90.8"), (-7, 1, "-0.7"), (306, 0, "306"), (5, 2, "0.05"), (0, 0, "0"), (0, 1, "0.0"),
    (9080, 2, "90.80"), (-123456, 3, "-123.456"), (5, 22, "0.0000000000000000000005"), (42, -1, "42"),
    (Int64.min, 0, "-9223372036854775808"), (Int64.max, 19, "0.9223372036854775807"), (-1, 19, "-0.0000000000000000001"),
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
