import Testing

@testable import GongwenKit

/// The sample's findings, counted by hand from `cat -n` of Fixtures/sample (documents 1 and 5).
@Suite("Checks on the sample")
struct SampleCheckTests {
  static func findings(lines: ClosedRange<Int>, rules: Set<String>) throws -> [String: Int] {
    let sample = try #require(Fixtures.sample)
    var counts: [String: Int] = [:]
    for finding in sample.documents.flatMap(\.findings) where lines.contains(finding.start.line) && rules.contains(finding.rule) {
      counts["\(finding.start.line) \(finding.rule)", default: 0] += 1
    }
    return counts
  }

  static let textRules: Set = ["placeholder-name", "placeholder-date", "placeholder-number"]

  @Test("document 1 (lines 7–49): every masked name, blank date and placeholder number")
  func documentOne() throws {
    // 9: **区, 党的xx大, xx届; 11: 达x%, 参选率x% twice, 高出x个百分点; 13: nine 占…x% and 少x个百分点;
    // 15: 占x% twice; 17: 《漳州市**区年…》, the name masked and the year left out; 47: 月日 three times;
    // 49: xx大, xx届.
    #expect(
      try Self.findings(lines: 7...49, rules: Self.textRules) == [
        "9 placeholder-name": 1, "9 placeholder-number": 2, "11 placeholder-number": 4, "13 placeholder-number": 10,
        "15 placeholder-number": 2, "17 placeholder-name": 1, "17 placeholder-date": 1, "47 placeholder-date": 3, "49 placeholder-number": 2,
      ])
  }

  @Test("document 5 (lines 199–241): every masked name, placeholder date and placeholder number")
  func documentFive() throws {
    #expect(
      try Self.findings(lines: 199...241, rules: Self.textRules) == [
        // x月xx日; xxx个 参选居委会; xxxx人
        "201 placeholder-date": 1, "201 placeholder-number": 2,
        // xx区, xx路, xx (和xx、), xx苑, xx街道 ×2, xx居委会 ×2; xxxx年底; xxx个 ×3, x个 ×2
        "207 placeholder-name": 8, "207 placeholder-date": 1, "207 placeholder-number": 5,
        // x月xx日; xx区; xxxx名, xxx人, xx名, xx人, xxxx人, xxx人
        "211 placeholder-date": 1, "211 placeholder-name": 1, "211 placeholder-number": 6,
        // xxx人 ×3, 上届xx%, xx岁; xxxx年; xx街道
        "213 placeholder-number": 5, "213 placeholder-date": 1, "213 placeholder-name": 1,
        // xx后, xxx个, 近xx个百分点, xxxx名, x名, xx个百分点 ×2, xxxx人, x人, xxx人 ×3
        "215 placeholder-number": 12,
        // xxxx年中, xxxx年三季度, x月xx日; xx个街镇, xx个居委, x个居委会
        "221 placeholder-date": 3, "221 placeholder-number": 3,
        // x月中旬; x期; xx区
        "225 placeholder-date": 1, "225 placeholder-number": 1, "225 placeholder-name": 1,
        // x次, xx余场
        "229 placeholder-number": 2,
        // 区xxx办; x个部门, xxxx人, xx人
        "233 placeholder-name": 1, "233 placeholder-number": 3,
        "237 placeholder-date": 1, "241 placeholder-date": 1,
      ])
  }

  @Test("the shipped sample's web-page front matter and trailer are notes")
  func boilerplate() throws {
    let sample = try #require(Fixtures.sample)
    let notes = sample.documents.flatMap(\.findings).filter { $0.rule == "boilerplate" }
    #expect(notes.map(\.start.line) == [1, 243])
    #expect(notes.allSatisfy { $0.severity == .note })
  }

  @Test("a set-aside block is quoted whole up to 40 scalars, else as its first 40 and …", arguments: [39, 40, 41, 90])
  func boilerplateQuote(_ scalars: Int) {
    let text = String(repeating: "网", count: scalars / 2) + String(repeating: "a", count: scalars - scalars / 2)
    let bytes = Array(("前" + text + "后").utf8)
    let block = InputFile.Block(firstLine: 1, lastLine: 1, range: 3..<(bytes.count - 3), source: bytes)
    let expected = scalars <= 40 ? text : String(text.unicodeScalars.prefix(40)) + "…"
    #expect(BoilerplateRule.shortened(block) == expected)
  }
}
