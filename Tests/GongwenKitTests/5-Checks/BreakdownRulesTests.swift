import Testing

@testable import GongwenKit

/// sum-mismatch, percent-mismatch and percent-total over hand-built figures.
@Suite("Breakdown rules")
struct BreakdownRulesTests {
  /// Line 87 of the sample: 178 + 28 is not 306, and 178 of 306 is not 90.8%.
  static func secretaries(men: String = "178", share: String = "90?8") -> HandFigures {
    var h = HandFigures("农村党支部书记306人,其中男子\(men)人,占\(share)%;女28人,占9?2%。支委1185人,其中男873人,占73.7%;女312人,占26.3%。")
    h.count("306人", 306, subject: "农村党支部书记")
    h.count("\(men)人", Int64(men) ?? 0, subject: "男子", base: "农村党支部书记")
    h.percent("\(share)%", share.replacingOccurrences(of: "?", with: "."), subject: "男子", base: "农村党支部书记", flags: share.contains("?") ? .lostDecimal : [])
    h.count("28人", 28, subject: "女", base: "农村党支部书记")
    h.percent("9?2%", "9.2", subject: "女", base: "农村党支部书记", flags: .lostDecimal)
    h.count("1185人", 1185, subject: "支委")
    h.count("873人", 873, subject: "男", base: "支委")
    h.percent("73.7%", "73.7", subject: "男", base: "支委")
    h.count("312人", 312, subject: "女", base: "支委")
    h.percent("26.3%", "26.3", subject: "女", base: "支委")
    return h
  }

  @Test("sum-mismatch: 男子178 + 女28 = 206, not 306; 873 + 312 = 1185 passes")
  func sumMismatch() throws {
    let findings = Self.secretaries().findings("sum-mismatch")
    #expect(findings.map(Spot.init) == [Spot("sum-mismatch", 1, 8, 12, "306人")])
    #expect(findings.first?.message == "男子 178 + 女 28 = 206, not 农村党支部书记 306 (306人)")
    #expect(findings.first?.severity == .error)
  }

  @Test("percent-mismatch: 178 of 306 is 58.2%, not 90.8%; the consistent percents pass")
  func percentMismatch() throws {
    let findings = Self.secretaries().findings("percent-mismatch")
    #expect(findings.map(Spot.init) == [Spot("percent-mismatch", 1, 23, 28, "90?8%")])
    #expect(findings.first?.message == "男子 178 of 农村党支部书记 306 is 58.2%, not 90.8%")
  }

  @Test("the repaired breakdown raises no arithmetic finding")
  func consistent() {
    let rules: Set = ["sum-mismatch", "percent-mismatch", "percent-total"]
    #expect(Self.secretaries(men: "278", share: "90.8").findings().filter { rules.contains($0.rule) } == [])
  }

  @Test("age bands 22 + 151 + 105 + 28 = 306 with truncated and rounded percents pass")
  func ageBands() {
    var h = HandFigures("农村党支部书记306人。在农村党支部书记中,35岁以下22人,占7.2%;36--45岁151人,占49.3%;46--55岁105人,占34.3%;56岁以上28人,占9.2%。")
    h.count("306人", 306, subject: "农村党支部书记")
    for (n, p, s) in [("22", "7.2", "35岁以下"), ("151", "49.3", "36--45岁"), ("105", "34.3", "46--55岁"), ("28", "9.2", "56岁以上")] {
      h.count("\(n)人", Int64(n) ?? 0, subject: s, base: "农村党支部书记")
      h.percent("\(p)%", p, subject: s, base: "农村党支部书记")
    }
    #expect(h.findings() == [])
    // One band short: 22 + 151 + 105 + 18 = 296 falls short of a breakdown from 35岁以下 to 56岁以上.
    var short = HandFigures("农村党支部书记306人。35岁以下22人,36--45岁151人,46--55岁105人,56岁以上18人。")
    short.count("306人", 306, subject: "农村党支部书记")
    for (n, s) in [("22", "35岁以下"), ("151", "36--45岁"), ("105", "46--55岁"), ("18", "56岁以上")] {
      short.count("\(n)人", Int64(n) ?? 0, subject: s, base: "农村党支部书记")
    }
    #expect(short.findings("sum-mismatch").map(\.message) == ["35岁以下 22 + 36--45岁 151 + 46--55岁 105 + 56岁以上 18 = 296, not 农村党支部书记 306 (306人)"])
  }

  @Test("overlapping groups (党员, 妇女) may add up to more or less than their total")
  func overlapping() {
    var h = HandFigures("代表100人,其中党员60人,妇女50人。")
    h.count("100人", 100, subject: "代表")
    h.count("60人", 60, subject: "党员", base: "代表")
    h.count("50人", 50, subject: "妇女", base: "代表")
    #expect(h.findings("sum-mismatch") == [])
  }

  @Test("disjoint parts may not exceed their total")
  func exceeding() {
    var h = HandFigures("代表100人,其中大专学历60人,高中学历50人。")
    h.count("100人", 100, subject: "代表")
    h.count("60人", 60, subject: "大专学历", base: "代表")
    h.count("50人", 50, subject: "高中学历", base: "代表")
    #expect(h.findings("sum-mismatch").map(\.message) == ["大专学历 60 + 高中学历 50 = 110, not 代表 100 (100人)"])
  }

  struct RoundingCase: Sendable, CustomTestStringConvertible {
    let part: Int64, whole: Int64, stated: String, agrees: Bool
    var testDescription: String { "\(part)/\(whole) written \(stated)" }
  }

  @Test("rounding or truncation to the digits written", arguments: [
    RoundingCase(part: 217319, whole: 247049, stated: "88.0", agrees: true),
    RoundingCase(part: 217319, whole: 247049, stated: "87.9", agrees: true),
    RoundingCase(part: 217319, whole: 247049, stated: "88", agrees: true),
    RoundingCase(part: 217319, whole: 247049, stated: "87.8", agrees: false),
    RoundingCase(part: 217319, whole: 247049, stated: "88.1", agrees: false),
    RoundingCase(part: 2311, whole: 2406, stated: "96.1", agrees: true),
    RoundingCase(part: 2311, whole: 2406, stated: "96.0", agrees: true),
    RoundingCase(part: 2311, whole: 2406, stated: "96.2", agrees: false),
    RoundingCase(part: 21, whole: 54, stated: "38.9", agrees: true),
    RoundingCase(part: 134, whole: 262, stated: "51", agrees: true),
    RoundingCase(part: 178, whole: 306, stated: "90.8", agrees: false),
    RoundingCase(part: 151, whole: 306, stated: "49.3", agrees: true),
  ])
  func rounding(_ c: RoundingCase) throws {
    let stated = try #require(ExactDecimal(c.stated))
    #expect(PercentMismatchRule.agrees(ExactDecimal(significand: c.part), ExactDecimal(significand: c.whole), stated) == c.agrees)
  }

  @Test("a turnout is checked against the voters who voted over the registered voters")
  func turnout() {
    var h = HandFigures("全镇登记选民2406人,参加投票2311人,参选率96.1%。全区登记选民247049人,参加投票217319人,参选率88.9%。")
    h.count("2406人", 2406, subject: "登记选民", metric: .voters)
    h.count("2311人", 2311, subject: "参加投票", metric: .voted)
    h.percent("96.1%", "96.1", subject: "参选率", metric: .turnout)
    h.count("247049人", 247049, subject: "登记选民", metric: .voters)
    h.count("217319人", 217319, subject: "参加投票", metric: .voted)
    h.percent("88.9%", "88.9", subject: "参选率", metric: .turnout)
    #expect(h.findings("percent-mismatch").map(\.message) == ["参加投票 217319 of 登记选民 247049 is 88.0%, not 88.9%"])
  }

  @Test("percent-total: 男性 60.5% + 女性 40.5% is 101%, beyond rounding")
  func percentTotal() {
    var h = HandFigures("代表中男性占60.5%,女性占40.5%。代表中男性占59.5%,女性占40.5%。")
    h.percent("60.5%", "60.5", subject: "男性", base: "代表")
    h.percent("40.5%", "40.5", subject: "女性", base: "代表")
    h.percent("59.5%", "59.5", subject: "男性", base: "代表")
    h.percent("40.5%", "40.5", subject: "女性", base: "代表")
    let findings = h.findings("percent-total")
    #expect(findings.map(Spot.init) == [Spot("percent-total", 1, 7, 12, "60.5%")])
    #expect(findings.first?.message == "男性 60.5% + 女性 40.5% = 101.0%, not 100%")
    #expect(findings.first?.severity == .warning)
  }

  @Test("percents of a selection (党员, 妇女) need not sum to 100")
  func selection() {
    var h = HandFigures("党员占60%,妇女占30%。")
    h.percent("60%", "60", subject: "党员", base: "代表")
    h.percent("30%", "30", subject: "妇女", base: "代表")
    #expect(h.findings("percent-total") == [])
  }

  @Test("blank and placeholder figures are never summed")
  func blanks() {
    var h = HandFigures("代表100人,其中男x人,女人。")
    h.count("100人", 100, subject: "代表")
    h.add(.count, "x人", nil, unit: "人", subject: "男", base: "代表", flags: .placeholder)
    h.add(.count, "女人", nil, unit: "人", subject: "女", base: "代表", flags: .blank)
    #expect(h.findings("sum-mismatch") == [])
    #expect(h.findings("blank-number").map(\.message) == ["女 has no number (女人)"])
    #expect(h.findings("placeholder-number").map(\.message) == ["男 has a placeholder instead of a number (x人)"])
  }
}

@Suite("Breakdown")
struct BreakdownTests {
  static func breakdown(_ subjects: [String]) -> Breakdown {
    var h = HandFigures(subjects.map { "\($0)占10%" }.joined(separator: ","))
    for s in subjects { h.percent("10%", "10", subject: s, base: "代表") }
    return h.context.breakdowns[0]
  }

  @Test("which breakdowns claim to cover their whole", arguments: [
    (["男性", "女性"], true), (["35岁以下", "36-45岁", "56岁以上"], true), (["大专以上学历", "初中以下学历"], true),
    (["主任", "副主任", "委员"], true), (["大专以上学历", "35岁以下"], false), (["党员", "妇女"], false),
    (["35岁以下", "36-45岁"], false),
  ])
  func exhaustive(_ subjects: [String], _ expected: Bool) {
    #expect(Self.breakdown(subjects).isExhaustive == expected)
  }

  @Test("a new sentence starts a new breakdown of the same base")
  func sentences() {
    var h = HandFigures("男性占60%,女性占40%。男性占50%,女性占50%。")
    for (s, v) in [("男性", "60"), ("女性", "40"), ("男性", "50"), ("女性", "50")] {
      h.percent("\(v)%", v, subject: s, base: "代表")
    }
    #expect(h.context.breakdowns.map(\.percents.count) == [2, 2])
    #expect(h.context.sentences == [0, 0, 1, 1])
  }

  @Test("a sentence end far from both figures splits them, wherever it falls", arguments: ["。", "！", "？", "!", "?", "\n"])
  func farSentenceEnd(_ end: String) {
    let filler = "全区各选区召开选民会议"
    for k in 0..<20 {
      let pad = String(repeating: ",", count: k)
      for (text, sentences) in [
        ("男性占60%" + pad + filler + end + filler + "女性占40%", [0, 1]),
        ("男性占60%" + pad + filler + "，" + filler + "女性占40%", [0, 0]),
      ] {
        var h = HandFigures(text)
        h.percent("60%", "60", subject: "男性", base: "代表")
        h.percent("40%", "40", subject: "女性", base: "代表")
        #expect(h.context.sentences == sentences, "\(k) commas")
      }
    }
  }
}

@Suite("Breakdown rules at the limits")
struct BreakdownLimitTests {
  @Test("huge figures are left alone, never overflow")
  func huge() throws {
    let big = try #require(ExactDecimal("999999999999999999"))
    #expect(PercentMismatchRule.agrees(big, big, big))
    #expect(PercentMismatchRule.percent(big, of: ExactDecimal(significand: 1)) == nil)
    #expect(PercentTotalRule.isWhole([big, big]))
    let half = ExactDecimal(significand: 5_000_000_000_000_000_000)
    var h = HandFigures("代表9人,其中男5000000000000000000人,女5000000000000000000人。代表10人,其中男3人,女3人。")
    h.count("9人", 9, subject: "代表")
    h.add(.count, "5000000000000000000人", half, subject: "男", base: "代表")
    h.add(.count, "5000000000000000000人", half, subject: "女", base: "代表")
    h.count("10人", 10, subject: "代表")
    h.count("3人", 3, subject: "男", base: "代表")
    h.count("3人", 3, subject: "女", base: "代表")
    // The overflowing breakdown is skipped; the next one is still checked.
    #expect(h.findings("sum-mismatch").map(\.message) == ["男 3 + 女 3 = 6, not 代表 10 (10人)"])
  }
}

@Suite("Breakdown dimensions")
struct BreakdownDimensionTests {
  @Test("only the dimension that covers the whole is summed: 男性, 女性, not 35岁以下 beside them")
  func dimension() {
    var h = HandFigures("代表100人,其中男性60人,占60%,女性40人,占40%,35岁以下30人,占30%。")
    h.count("100人", 100, subject: "代表")
    for (n, s) in [("60", "男性"), ("40", "女性"), ("30", "35岁以下")] {
      h.count("\(n)人", Int64(n) ?? 0, subject: s, base: "代表")
      h.percent("\(n)%", n, subject: s, base: "代表")
    }
    #expect(h.findings() == [])
    var wrong = HandFigures("代表100人,其中男性60人,占60%,女性30人,占45%,35岁以下30人,占30%。")
    wrong.count("100人", 100, subject: "代表")
    for (n, p, s) in [("60", "60", "男性"), ("30", "45", "女性"), ("30", "30", "35岁以下")] {
      wrong.count("\(n)人", Int64(n) ?? 0, subject: s, base: "代表")
      wrong.percent("\(p)%", p, subject: s, base: "代表")
    }
    #expect(
      wrong.findings().map(\.message) == [
        "男性 60 + 女性 30 = 90, not 代表 100 (100人)", "男性 60% + 女性 45% = 105%, not 100%",
        "女性 30 of 代表 100 is 30.0%, not 45%",
      ])
  }
}
