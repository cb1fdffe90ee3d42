import Testing

@testable import GongwenKit

@Suite("Analyzer: a row per document, the first reported value per metric")
struct AnalyzerTests {
  typealias S = AnalysisSupport

  private func readings(_ text: String, _ figures: [Figure]) -> [Metric: MetricReading] {
    Array(text.utf8).withUnsafeBufferPointer { Analyzer().readings(of: figures, in: $0) }
  }

  @Test("the first figure of a metric is read; later ones are parts (a town's turnout)")
  func firstFigure() throws {
    let text = "全区参选率为98.5%。芝山镇参选率97.0%。"
    let figures = [
      S.figure("98.5%", in: text, metric: .turnout, value: "98.5"),
      S.figure("97.0%", in: text, metric: .turnout, value: "97.0"),
    ]
    let turnout = try #require(readings(text, figures)[.turnout])
    #expect(turnout.status == .reported && turnout.value == ExactDecimal("98.5") && turnout.unit == "%")
    #expect(turnout.start.line == 1 && turnout.start.column == 7)
  }

  @Test("a masked first figure makes the metric a placeholder, even when a later figure gives a number")
  func maskedFirst() throws {
    let text = "全区参选率达x%。芝山镇参选率97.0%，比上届高出x个百分点。"
    let figures = [
      S.figure("x%", in: text, metric: .turnout, value: nil, flags: .placeholder),
      S.figure("97.0%", in: text, metric: .turnout, value: "97.0"),
      S.figure("x个百分点", in: text, kind: .change, metric: nil, value: nil, unit: "个百分点", flags: .placeholder),
    ]
    let turnout = try #require(readings(text, figures)[.turnout])
    #expect(turnout.status == .placeholder && turnout.value == nil && turnout.start.column == 7)
    #expect(turnout.change == nil)
  }

  @Test("a masked change after a masked figure is kept as a placeholder change")
  func maskedChange() throws {
    let text = "参选率x%，比上届高出x个百分点。"
    let figures = [
      S.figure("x%", in: text, metric: .turnout, value: nil, flags: .placeholder),
      S.figure("x个百分点", in: text, kind: .change, metric: nil, value: nil, unit: "个百分点", flags: .placeholder),
    ]
    let turnout = try #require(readings(text, figures)[.turnout])
    #expect(turnout.status == .placeholder && turnout.change?.status == .placeholder)
    #expect(turnout.change?.value == nil && turnout.change?.start.column == 12)
  }

  @Test("only blank or masked figures: blank or placeholder, never 0")
  func blankOnly() throws {
    let text = "参选率达x%，妇女代表占代表总数的%。"
    let figures = [
      S.figure("x%", in: text, metric: .turnout, value: nil, flags: .placeholder),
      S.figure("的%", in: text, metric: .womenShare, value: nil, flags: .blank),
    ]
    let r = readings(text, figures)
    #expect(r[.turnout]?.status == .placeholder && r[.turnout]?.value == nil)
    #expect(r[.womenShare]?.status == .blank && r[.womenShare]?.value == nil)
    #expect(r[.partyMemberShare] == nil)
  }

  @Test("a change right after the figure in the same sentence belongs to its metric")
  func adjacentChange() throws {
    let text = "妇女代表占25.0%，比上届提高1.2个百分点。党员占62.5%。比上届低3个百分点。"
    let figures = [
      S.figure("25.0%", in: text, metric: .womenShare, value: "25.0"),
      S.figure("1.2个百分点", in: text, kind: .change, metric: nil, value: "1.2", unit: "个百分点"),
      S.figure("62.5%", in: text, metric: .partyMemberShare, value: "62.5"),
      S.figure("3个百分点", in: text, kind: .change, metric: nil, value: "-3", unit: "个百分点"),
    ]
    let r = readings(text, figures)
    let change = try #require(r[.womenShare]?.change)
    #expect(change.value == ExactDecimal("1.2") && change.unit == "个百分点" && change.start.column == 17)
    #expect(r[.partyMemberShare]?.change == nil)
  }

  @Test("a change tagged with a metric belongs to it wherever it stands")
  func taggedChange() throws {
    let text = "参选率98.5%。与上届相比，参选率提高0.4个百分点。"
    let figures = [
      S.figure("98.5%", in: text, metric: .turnout, value: "98.5"),
      S.figure("0.4个百分点", in: text, kind: .change, metric: .turnout, value: "0.4", unit: "个百分点"),
    ]
    #expect(readings(text, figures)[.turnout]?.change?.value == ExactDecimal("0.4"))
  }

  @Test("a tagged change after the metric's next figure belongs to that figure, not to the one read")
  func laterTaggedChange() throws {
    let text = "全区参选率98.5%。芝山镇参选率97.0%，参选率比上届提高0.4个百分点。"
    let figures = [
      S.figure("98.5%", in: text, metric: .turnout, value: "98.5"),
      S.figure("97.0%", in: text, metric: .turnout, value: "97.0"),
      S.figure("0.4个百分点", in: text, kind: .change, metric: .turnout, value: "0.4", unit: "个百分点"),
    ]
    #expect(readings(text, figures)[.turnout]?.change == nil)
  }

  @Test("a tagged change after a restatement of the value read belongs to it")
  func restatedChange() throws {
    let text = "平均年龄45岁。……书记平均年龄45岁，比换届前降低0.7岁。"
    let figures = [
      S.figure("45岁", in: text, kind: .average, metric: .averageAge, value: "45", unit: "岁"),
      S.figure("45岁，", in: text, from: 12, kind: .average, metric: .averageAge, value: "45", unit: "岁"),
      S.figure("0.7岁", in: text, kind: .change, metric: .averageAge, value: "-0.7", unit: "岁"),
    ]
    #expect(readings(text, figures)[.averageAge]?.change?.value == ExactDecimal("-0.7"))
  }

  @Test("place and year from the title of a fixture, and the title kept as written")
  func fixturePlaceYear() throws {
    let rows = Analyzer().rows(of: try Fixtures.file("analysis/qingquan-2019.txt"))
    let row = try #require(rows.first)
    #expect(rows.count == 1)
    #expect(row.file == "analysis/qingquan-2019.txt" && row.document == 1)
    #expect(row.title == "青泉街道2019年人大代表换届选举工作总结")
    #expect(row.place == .named("青泉街道") && row.year == .named(2019))
  }

  @Test("a traditional-character title gives its place as written")
  func traditional() throws {
    let row = try #require(Analyzer().rows(of: try Fixtures.file("analysis/linling-2016-traditional.txt")).first)
    #expect(row.place == .named("林嶺鄉") && row.year == .named(2016) && row.script == .traditional)
  }

  @Test("a masked place and year are placeholders, never names")
  func masked() throws {
    let row = try #require(Analyzer().rows(of: try Fixtures.file("analysis/masked-blank.txt")).first)
    #expect(row.place == .placeholder && row.year == .placeholder)
  }

  @Test("the sample: masked places in the opening lines of documents 1 and 2, none in 3 to 5")
  func sample() throws {
    let file = try #require(Fixtures.sample)
    let rows = Analyzer().rows(of: file)
    #expect(rows.map(\.document) == [1, 2, 3, 4, 5])
    #expect(rows.map(\.place) == [.placeholder, .placeholder, nil, nil, nil])
    #expect(rows.map(\.year) == [nil, nil, nil, nil, nil])
  }
}
