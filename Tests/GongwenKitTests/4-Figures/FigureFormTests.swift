import Testing

@testable import GongwenKit

/// One expected figure of a fixture in Fixtures/figures/, found by its text as written.
struct FigureCase: Sendable, CustomTestStringConvertible {
  let fixture: String
  let text: String
  let kind: Figure.Kind
  let value: String?
  let unit: String
  var subject: String? = nil
  var base: String? = nil
  var low: String? = nil
  var high: String? = nil
  var metric: Metric? = nil
  var flags: Figure.Flags = []
  var line = 1
  var column: Int? = nil
  var testDescription: String { "\(fixture): \(text)" }
}

/// The figures of `Fixtures/figures/<name>.txt`.
func fixtureFigures(_ name: String) throws -> [Figure] {
  try Fixtures.file("figures/\(name).txt").documents.flatMap(\.figures)
}

@Suite("FigureExtractor: the written forms of numbers and figures")
struct FigureFormTests {
  static let cases: [FigureCase] = [
    FigureCase(fixture: "percent-fullwidth", text: "９８．５％", kind: .percent, value: "98.5", unit: "%", subject: "参选率", metric: .turnout, column: 7),
    FigureCase(fixture: "percent-fullwidth", text: "提高１．２个百分点", kind: .change, value: "1.2", unit: "个百分点", metric: .turnout, column: 16),
    FigureCase(fixture: "thousands-separator", text: "1,200人", kind: .count, value: "1200", unit: "人", subject: "登记选民", metric: .voters, column: 7),
    FigureCase(fixture: "thousands-separator", text: "1，185人", kind: .count, value: "1185", unit: "人", subject: "参加投票", metric: .voted, column: 18),
    FigureCase(fixture: "thousands-separator", text: "306个", kind: .count, value: "306", unit: "个", subject: "行政村", line: 2, column: 3),
    FigureCase(fixture: "thousands-separator", text: "306人", kind: .count, value: "306", unit: "人", subject: "农村党支部书记", line: 2, column: 18),
    FigureCase(fixture: "chinese-numerals", text: "五种", kind: .count, value: "5", unit: "种", subject: "形式", column: 3),
    FigureCase(fixture: "chinese-numerals", text: "四位", kind: .count, value: "4", unit: "位", subject: "同志"),
    FigureCase(fixture: "chinese-numerals", text: "二十二名", kind: .count, value: "22", unit: "名", subject: "代表"),
    FigureCase(fixture: "chinese-numerals", text: "一千一百八十五人", kind: .count, value: "1185", unit: "人"),
    FigureCase(fixture: "chinese-numerals", text: "十二万三千四百五十六人", kind: .count, value: "123456", unit: "人"),
    FigureCase(fixture: "chinese-numerals", text: "两名", kind: .count, value: "2", unit: "名", subject: "委员"),
    FigureCase(fixture: "chinese-numerals", text: "一百二十六个", kind: .count, value: "126", unit: "个", subject: "选区"),
    FigureCase(fixture: "chinese-numerals", text: "〇个", kind: .count, value: "0", unit: "个"),
    FigureCase(fixture: "ten-thousands", text: "3.6万人", kind: .count, value: "36000", unit: "人", metric: .voters, column: 7),
    FigureCase(fixture: "ten-thousands", text: "1.2万份", kind: .count, value: "12000", unit: "份"),
    FigureCase(fixture: "percent-words", text: "百分之九十三点八", kind: .percent, value: "93.8", unit: "%", subject: "党员", column: 4),
    FigureCase(fixture: "percent-words", text: "九成", kind: .percent, value: "90", unit: "%"),
    FigureCase(fixture: "percent-words", text: "三分之一", kind: .percent, value: "33.33", unit: "%", flags: .approximate),
    FigureCase(fixture: "percent-words", text: "百分之40", kind: .percent, value: "40", unit: "%"),
    FigureCase(fixture: "approximate", text: "300人", kind: .count, value: "300", unit: "人", flags: .approximate, column: 2),
    FigureCase(fixture: "approximate", text: "50名", kind: .count, value: "50", unit: "名", flags: .approximate),
    FigureCase(fixture: "approximate", text: "1200余份", kind: .count, value: "1200", unit: "份", flags: .approximate),
    FigureCase(fixture: "approximate", text: "200多人", kind: .count, value: "200", unit: "人", flags: .approximate),
    FigureCase(fixture: "approximate", text: "90%", kind: .percent, value: "90", unit: "%", subject: "到会率", metric: .attendance, flags: .approximate),
    FigureCase(fixture: "approximate", text: "95%", kind: .percent, value: "95", unit: "%", subject: "参会率", metric: .attendance, flags: .approximate),
    FigureCase(fixture: "bounds", text: "95%", kind: .percent, value: "95", unit: "%", metric: .turnout, flags: .atLeast),
    FigureCase(fixture: "bounds", text: "30%", kind: .percent, value: "30", unit: "%", subject: "流动人口", flags: .atMost),
    FigureCase(fixture: "bounds", text: "90%", kind: .percent, value: "90", unit: "%", metric: .attendance, flags: .atLeast),
    FigureCase(fixture: "age-ranges", text: "36--45岁10人", kind: .ageBand, value: "10", unit: "人", subject: "36--45岁", low: "36", high: "45", column: 3),
    FigureCase(fixture: "age-ranges", text: "36-45岁11人", kind: .ageBand, value: "11", unit: "人", low: "36", high: "45"),
    FigureCase(fixture: "age-ranges", text: "36—45岁12人", kind: .ageBand, value: "12", unit: "人", low: "36", high: "45"),
    FigureCase(fixture: "age-ranges", text: "36～45岁13人", kind: .ageBand, value: "13", unit: "人", low: "36", high: "45"),
    FigureCase(fixture: "age-ranges", text: "36至45岁14人", kind: .ageBand, value: "14", unit: "人", low: "36", high: "45"),
    FigureCase(fixture: "age-ranges", text: "30岁至40岁15人", kind: .ageBand, value: "15", unit: "人", subject: "30岁至40岁", low: "30", high: "40"),
    FigureCase(fixture: "parallel-shares", text: "11.5%", kind: .percent, value: "11.5", unit: "%", subject: "妇女干部", base: "干部总数", metric: .womenShare),
    FigureCase(fixture: "parallel-shares", text: "1.3%", kind: .percent, value: "1.3", unit: "%", subject: "少数民族干部", base: "干部总数", metric: .minorityShare),
    FigureCase(fixture: "blanks", text: "名", kind: .count, value: nil, unit: "名", subject: "选民", metric: .voters, flags: .blank, column: 5),
    FigureCase(fixture: "blanks", text: "%", kind: .percent, value: nil, unit: "%", subject: "投票率", metric: .turnout, flags: .blank, column: 13),
    FigureCase(fixture: "blanks", text: "岁以上名", kind: .ageBand, value: nil, unit: "名", flags: .blank, column: 18),
    FigureCase(fixture: "blanks", text: "少。个百分点", kind: .change, value: nil, unit: "个百分点", metric: .turnout, flags: .blank, column: 33),
    FigureCase(fixture: "blank-sessions", text: "期", kind: .count, value: nil, unit: "期", subject: "举办各类培训班", flags: .blank, column: 11),
    FigureCase(fixture: "blank-sessions", text: "期", kind: .count, value: nil, unit: "期", subject: "各镇先后舉辦培訓班", flags: .blank, line: 4, column: 10),
    FigureCase(fixture: "blank-years", text: "年", kind: .date, value: nil, unit: "年", flags: .blank, column: 7),
    FigureCase(fixture: "blank-years", text: "年", kind: .date, value: nil, unit: "年", flags: .blank, line: 4, column: 7),
    FigureCase(fixture: "placeholders", text: "x%", kind: .percent, value: nil, unit: "%", metric: .turnout, flags: .placeholder, column: 4),
    FigureCase(fixture: "placeholders", text: "xx人", kind: .count, value: nil, unit: "人", subject: "代表", flags: .placeholder),
    FigureCase(fixture: "placeholders", text: "xxx个", kind: .count, value: nil, unit: "个", subject: "选区", flags: .placeholder),
    FigureCase(fixture: "placeholders", text: "××名", kind: .count, value: nil, unit: "名", flags: .placeholder),
    FigureCase(fixture: "placeholders", text: "ＸＸ人", kind: .count, value: nil, unit: "人", flags: .placeholder),
    FigureCase(fixture: "lost-decimals", text: "90?8%", kind: .percent, value: "90.8", unit: "%", flags: .lostDecimal, column: 2),
    FigureCase(fixture: "lost-decimals", text: "96？3%", kind: .percent, value: "96.3", unit: "%", flags: .lostDecimal),
    FigureCase(fixture: "lost-decimals", text: "51\u{FFFD}2%", kind: .percent, value: "51.2", unit: "%", flags: .lostDecimal),
    FigureCase(fixture: "lost-decimals", text: "90。5%", kind: .percent, value: "90.5", unit: "%", flags: .lostDecimal),
    FigureCase(fixture: "lost-decimals", text: "平均年龄42?2岁", kind: .average, value: "42.2", unit: "岁", metric: .averageAge, flags: .lostDecimal),
    FigureCase(fixture: "traditional", text: "96.5%", kind: .percent, value: "96.5", unit: "%", subject: "參選率", metric: .turnout, flags: .traditional),
    FigureCase(fixture: "traditional", text: "平均年齡為44.7歲", kind: .average, value: "44.7", unit: "岁", metric: .averageAge, flags: .traditional),
    FigureCase(fixture: "traditional", text: "30%", kind: .percent, value: "30", unit: "%", subject: "婦女代表", base: "代表總數", metric: .womenShare, flags: .traditional),
    FigureCase(fixture: "total-and-parts", text: "306人", kind: .count, value: "306", unit: "人", subject: "农村党支部书记", base: ""),
    FigureCase(fixture: "total-and-parts", text: "178人", kind: .count, value: "178", unit: "人", subject: "男子", base: "农村党支部书记"),
    FigureCase(fixture: "total-and-parts", text: "90.8%", kind: .percent, value: "90.8", unit: "%", subject: "男子", base: "农村党支部书记"),
    FigureCase(fixture: "total-and-parts", text: "28人", kind: .count, value: "28", unit: "人", subject: "女", base: "农村党支部书记"),
    FigureCase(fixture: "total-and-parts", text: "35岁以下22人", kind: .ageBand, value: "22", unit: "人", subject: "35岁以下", base: "农村党支部书记", high: "35", line: 2),
    FigureCase(fixture: "total-and-parts", text: "56岁以上28人", kind: .ageBand, value: "28", unit: "人", subject: "56岁以上", base: "农村党支部书记", low: "56", line: 2),
    FigureCase(fixture: "total-and-parts", text: "7.2%", kind: .percent, value: "7.2", unit: "%", subject: "35岁以下", base: "农村党支部书记", line: 2),
    FigureCase(fixture: "total-and-parts", text: "降低0.7岁", kind: .change, value: "-0.7", unit: "岁", metric: .averageAge, line: 2),
  ]

  @Test("期 is a blank count only after 会 or 班 with a verb that holds sessions: not 任期, 会期 alone, 时期, 期间")
  func sessionBlanksOnly() throws {
    let sessions = try fixtureFigures("blank-sessions").filter { $0.unit == "期" }
    #expect(sessions.map(\.start.line) == [1, 4])
  }

  @Test("a year is blank only in a title, after a place: not 年度, 年均, 年轻, 年内, 年前, nor a title's 2021年")
  func yearBlanksOnly() throws {
    let blanks = try fixtureFigures("blank-years").filter { $0.kind == .date && $0.flags.contains(.blank) }
    #expect(blanks.map(\.start.line) == [1, 4])
  }

  @Test("each written form gives the expected figure", arguments: cases)
  func form(_ c: FigureCase) throws {
    let figures = try fixtureFigures(c.fixture)
    let figure = try #require(figures.first { $0.text == c.text && $0.start.line == c.line })
    #expect(figure.kind == c.kind)
    #expect(figure.value?.description == c.value)
    #expect(figure.unit == c.unit)
    if let subject = c.subject { #expect(figure.subject == subject) }
    if let base = c.base { #expect(figure.base == base) }
    #expect(figure.low?.description == c.low)
    #expect(figure.high?.description == c.high)
    if let metric = c.metric { #expect(figure.metric == metric) }
    #expect(figure.flags == c.flags)
    if let column = c.column { #expect(figure.start.column == column) }
  }

  @Test("dates, ordinals, slogans, 三点要求, document and phone numbers are not statistics")
  func notStatistics() throws {
    let figures = try fixtureFigures("not-statistics")
    #expect(figures.map(\.kind) == [.date, .date, .date])
    #expect(figures.map(\.text) == ["11月26日---30日", "7月5日及6日", "2023年9月1日"])
  }

  @Test("a comma before a word is clause punctuation, not grouping: 306个行政村,农村")
  func commaIsNotGrouping() throws {
    let figures = try fixtureFigures("thousands-separator")
    #expect(figures.filter { $0.start.line == 2 }.map { $0.value?.description } == ["306", "306"])
  }

  @Test("totals implied without 其中: a split by sex, 。其中, 另有, 占总数, and later paragraphs by age and education")
  func impliedTotals() throws {
    let figures = try fixtureFigures("implied-totals")
    func bases(line: Int) -> [String] { figures.filter { $0.start.line == line }.map(\.base) }
    #expect(bases(line: 1) == ["", "村委会主任", "村委会主任", "村委会主任", "村委会主任"])
    #expect(bases(line: 2) == ["村委会主任", "村委会主任", "村委会主任"])
    #expect(bases(line: 3) == ["村委会主任", "村委会主任", "村委会主任"])
    #expect(bases(line: 4) == ["", "代表", "代表"])
    #expect(bases(line: 5) == ["", "居委会", "居委会"])
    #expect(figures.filter { $0.start.line == 1 }.map(\.subject) == ["村委会主任", "男", "男", "女", "女"])
  }
}
