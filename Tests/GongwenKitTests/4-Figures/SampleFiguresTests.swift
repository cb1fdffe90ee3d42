import Testing

@testable import GongwenKit

@Suite("FigureExtractor on the user's sample: what the issue requires")
struct SampleFiguresTests {
  static func figures(line: Int) throws -> [Figure] {
    let sample = try #require(Fixtures.sample)
    return sample.documents.flatMap(\.figures).filter { $0.start.line == line }
  }

  @Test("line 87: attendance 90 approximate")
  func attendance() throws {
    let f = try #require(try Self.figures(line: 87).first { $0.metric == .attendance })
    #expect(f.kind == .percent && f.value?.description == "90" && f.flags == .approximate && f.start.column == 109)
  }

  @Test("line 87: the total 农村党支部书记 306 and its part 男子 178, with 90.8% lost-decimal of that base")
  func totalAndParts() throws {
    let figures = try Self.figures(line: 87)
    let total = try #require(figures.first { $0.subject == "农村党支部书记" && $0.kind == .count })
    #expect(total.value?.description == "306" && total.unit == "人" && total.base == "" && total.start.column == 135)
    let men = try #require(figures.first { $0.subject == "男子" && $0.kind == .count })
    #expect(men.value?.description == "178" && men.base == "农村党支部书记")
    let share = try #require(figures.first { $0.text == "90?8%" })
    #expect(share.kind == .percent && share.value?.description == "90.8" && share.flags == .lostDecimal)
    #expect(share.subject == "男子" && share.base == "农村党支部书记")
  }

  @Test("line 87: four age bands with their counts, sharing the base 农村党支部书记")
  func ageBands() throws {
    let bands = try Self.figures(line: 87).filter { $0.kind == .ageBand }
    #expect(bands.map { $0.low?.description } == [nil, "36", "46", "56"])
    #expect(bands.map { $0.high?.description } == ["35", "45", "55", nil])
    #expect(bands.map { $0.value?.description } == ["22", "151", "105", "28"])
    #expect(bands.allSatisfy { $0.unit == "人" && $0.base == "农村党支部书记" })
    #expect(bands.map(\.subject) == ["35岁以下", "36--45岁", "46--55岁", "56岁以上"])
  }

  @Test("line 87: the breakdowns by sex, age and education are told apart by sentence, not by base")
  func breakdownSentences() throws {
    let percents = try Self.figures(line: 87).filter { $0.kind == .percent && $0.base == "农村党支部书记" }
    let groups = Dictionary(grouping: percents, by: \.sentence).values.map { $0.map { $0.value?.description ?? "" } }
    #expect(Set(groups) == [["90.8", "9.2"], ["7.2", "49.3", "34.3", "9.2"], ["24.5", "36.6", "38.9"]])
  }

  @Test("line 87: average age 45")
  func averageAge() throws {
    let f = try #require(try Self.figures(line: 87).first { $0.kind == .average })
    #expect(f.metric == .averageAge && f.value?.description == "45" && f.unit == "岁" && f.text == "平均年龄45岁")
  }

  @Test("exactly 20 lost-decimal figures, on lines 87, 91, 93 and 95")
  func lostDecimals() throws {
    let sample = try #require(Fixtures.sample)
    let lost = sample.documents.flatMap(\.figures).filter { $0.flags.contains(.lostDecimal) }
    #expect(lost.count == 20)
    #expect(Set(lost.map(\.start.line)) == [87, 91, 93, 95])
    #expect(lost.filter { $0.start.line == 87 }.count == 11)
  }

  @Test("line 91: change −0.7 岁; line 95: average age 42.2 lost-decimal")
  func changeAndAverage() throws {
    let change = try #require(try Self.figures(line: 91).first { $0.kind == .change && $0.unit == "岁" })
    #expect(change.value?.description == "-0.7" && change.flags == .lostDecimal && change.text == "降低0?7岁")
    let average = try #require(try Self.figures(line: 95).first { $0.kind == .average })
    #expect(average.value?.description == "42.2" && average.flags == .lostDecimal && average.metric == .averageAge)
  }

  @Test("line 11: turnout rows for 全区, 芝山镇 and 石亭镇, all placeholders")
  func turnout() throws {
    let sample = try #require(Fixtures.sample)
    let rows = Turnout.rows(in: sample.documents[0]).filter { $0.rate.start.line == 11 }
    #expect(rows.map(\.place) == ["全区", "芝山镇", "石亭镇"])
    #expect(rows.allSatisfy { $0.rate.flags.contains(.placeholder) && $0.rate.value == nil && $0.rate.metric == .turnout })
    let zhishan = rows[1]
    #expect(zhishan.voters?.flags == .blank && zhishan.voters?.value == nil)
    #expect(zhishan.voted?.flags == .blank && zhishan.voted?.value == nil)
    #expect(zhishan.change?.flags == .placeholder && zhishan.change?.unit == "个百分点")
  }

  @Test("document 5: direct-election rate and renewal rate are blank")
  func documentFive() throws {
    let sample = try #require(Fixtures.sample)
    let figures = sample.documents[4].figures
    let direct = try #require(figures.first { $0.metric == .directElectionRate && $0.kind == .percent })
    #expect(direct.flags == .blank && direct.value == nil && direct.start.line == 207)
    let renewal = try #require(figures.first { $0.metric == .renewalRate })
    #expect(renewal.flags == .blank && renewal.value == nil && renewal.start.line == 211)
  }

  @Test("11月26日---30日 is a date, and slogans, ordinals and 三点要求 give no count")
  func notCounts() throws {
    let sample = try #require(Fixtures.sample)
    let figures = sample.documents.flatMap(\.figures)
    let date = try #require(try Self.figures(line: 87).first { $0.kind == .date })
    #expect(date.text == "11月26日---30日")
    #expect(!figures.contains { $0.start.line == 9 })  // “三个代表”, 党的xx大, xx届五中全会, 一高、一优
    // “六到位” gives no count; the only figure of line 17 is the title's year left out (《漳州市**区年…》).
    #expect(figures.filter { $0.start.line == 17 }.map(\.text) == ["年"])
    #expect(!figures.contains { $0.start.line == 7 || $0.start.line == 51 })  // 【第一篇】
    #expect(!figures.contains { $0.start.line == 47 && $0.unit == "点" })
  }
}
