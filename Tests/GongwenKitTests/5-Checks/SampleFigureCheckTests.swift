import Testing

@testable import GongwenKit

/// The sample's figure-based findings, counted by hand from `cat -n` of Fixtures/sample.
@Suite("Figure checks on the sample")
struct SampleFigureCheckTests {
  static func findings(_ rule: String) throws -> [Finding] {
    try #require(Fixtures.sample).documents.flatMap(\.findings).filter { $0.rule == rule }
  }

  @Test("sum-mismatch fires once, on line 87: 男子178 + 女28 = 206, not 306")
  func sumMismatch() throws {
    let findings = try Self.findings("sum-mismatch")
    #expect(findings.map(\.start.line) == [87])
    #expect(findings.first?.message == "男子 178 + 女 28 = 206, not 农村党支部书记 306 (306人)")
  }

  @Test("percent-mismatch fires once, on line 87: 178/306 = 58.2%, not 90.8%; never on 21/54 or 134/262")
  func percentMismatch() throws {
    let findings = try Self.findings("percent-mismatch")
    #expect(findings.map(\.start.line) == [87])
    #expect(findings.first?.message == "男子 178 of 农村党支部书记 306 is 58.2%, not 90.8%")
    #expect(try Self.findings("percent-total") == [])
  }

  @Test("exactly 20 lost decimals: 11 on line 87, 3 on 91, 2 on 93, 4 on 95")
  func lostDecimals() throws {
    let findings = try Self.findings("lost-decimal")
    #expect(findings.count == 20)
    var perLine: [Int: Int] = [:]
    for f in findings { perLine[f.start.line, default: 0] += 1 }
    #expect(perLine == [87: 11, 91: 3, 93: 2, 95: 4])
    #expect(findings.first?.suggestion == "90.8%")
    #expect(findings.contains { $0.text == "42?2岁" && $0.suggestion == "42.2岁" })
  }

  static func perLine(_ rule: String, _ lines: ClosedRange<Int>) throws -> [Int: Int] {
    var counts: [Int: Int] = [:]
    for f in try findings(rule) where lines.contains(f.start.line) { counts[f.start.line, default: 0] += 1 }
    return counts
  }

  @Test("document 1 (lines 7–49): every blank number")
  func blanksOne() throws {
    // 11: 共有名选民, 共有选民人, 参加投票有人, 参加投票选举人; 13: 代表名, 大专以上文化程度名, 中专文化程度名,
    // 党员名, 妇女代表名, 连选连任的代表名, 少数民族名, 岁以上名, 少。个百分点, 岁至岁名, 岁以下名, 多。个百分点;
    // 15: 主席人, 镇长人, 副镇长人, 文化程度人, 岁以下人; 23: 从名, 调整名, 抽调名, 骨干名; 41: 划分个选区.
    // 33: 全区共举办各类培训会期, a count of sessions with its number missing.
    let expected = [11: 4, 13: 12, 15: 5, 23: 4, 33: 1, 41: 1]
    #expect(try Self.perLine("blank-number", 7...49) == expected)
  }

  @Test("document 5 (lines 199–241): every blank number")
  func blanksFive() throws {
    // 207: 直选率达到%, 提高个百分点; 211: 更替率为%; 213: 平均年龄岁, 下降了岁, 占% ×3, 上届% ×2;
    // 215: 平均年龄为岁, 上届(岁), 下降了岁, 占% ×5, 上届% ×5.
    #expect(try Self.perLine("blank-number", 199...241) == [207: 2, 211: 1, 213: 7, 215: 13])
  }
}
