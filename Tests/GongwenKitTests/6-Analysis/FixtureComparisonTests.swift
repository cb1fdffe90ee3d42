import Testing

@testable import GongwenKit

@Suite("Analyzer and Comparison on the fixtures and the sample, through the figure extractor")
struct FixtureComparisonTests {
  static let names = [
    "qingquan-2019.txt", "qingquan-2021.txt", "shitang-2019.txt", "linling-2016-traditional.txt", "masked-blank.txt",
  ]

  static func rows() throws -> [ComparisonRow] {
    try names.flatMap { Analyzer().rows(of: try Fixtures.file("analysis/\($0)")) }
  }

  private func value(_ row: ComparisonRow, _ metric: Metric) -> String? { row.readings[metric]?.value?.description }

  @Test("a row reads the first figure of each metric, with its unit and stated change")
  func qingquan() throws {
    let row = try #require(try Self.rows().first)
    #expect(value(row, .turnout) == "98.5" && row.readings[.turnout]?.unit == "%")
    #expect(value(row, .voters) == "23140" && value(row, .voted) == "22793" && value(row, .elected) == "48")
    #expect(value(row, .womenShare) == "25.0" && value(row, .partyMemberShare) == "62.5")
    #expect(value(row, .averageAge) == "46.3" && row.readings[.averageAge]?.unit == "岁")
    let change = try #require(row.readings[.womenShare]?.change)
    #expect(change.value?.description == "1.2" && change.unit == "个百分点" && change.start.line == 11)
    #expect(row.readings[.partyMemberShare]?.change == nil)
    #expect(row.readings[.turnout]?.start.line == 7 && row.readings[.turnout]?.start.column == 31)
  }

  @Test("a fall is a negative change")
  func fall() throws {
    let rows = try Self.rows()
    try #require(rows.count > 2)
    let row = rows[2]
    #expect(row.place == .named("石塘镇") && value(row, .womenShare) == "30.6")
    #expect(row.readings[.womenShare]?.change?.value?.description == "-0.8")
  }

  @Test("a traditional-character document reads like a simplified one")
  func traditional() throws {
    let rows = try Self.rows()
    try #require(rows.count > 3)
    let row = rows[3]
    #expect(row.script == .traditional && row.place == .named("林嶺鄉") && row.year == .named(2016))
    #expect(value(row, .turnout) == "99.1" && value(row, .womenShare) == "17.3" && value(row, .elected) == "52")
  }

  @Test("blanks and placeholders read as such, never 0")
  func blanks() throws {
    let row = try #require(try Self.rows().last)
    #expect(row.readings[.turnout]?.status == .placeholder && row.readings[.turnout]?.value == nil)
    #expect(row.readings[.womenShare]?.status == .blank && row.readings[.voted]?.status == .blank)
    #expect(row.blankMetrics == [.turnout, .voted, .elected, .womenShare])
  }

  @Test("summary over five fixtures: an even count of turnouts, the placeholder left out")
  func summary() throws {
    let comparison = Comparison(rows: try Self.rows())
    let turnout = try #require(comparison.groups.first?.summary(of: .turnout))
    #expect(turnout.reported == 4 && turnout.blank == 1)
    #expect(turnout.min?.description == "96.0" && turnout.max?.description == "99.1")
    #expect(turnout.median?.description == "97.9" && turnout.mean?.description == "97.725")
    let women = try #require(comparison.groups.first?.summary(of: .womenShare))
    #expect(women.reported == 4 && women.blank == 1 && women.median?.description == "26.25")
    #expect(women.mean?.description == "25.1")
  }

  @Test("grouped by year and by place")
  func grouping() throws {
    let byYear = Comparison(rows: try Self.rows(), by: .year)
    #expect(byYear.groups.map(\.label) == ["2016", "2019", "2021", "(placeholder)"])
    let y2019 = byYear.groups[1]
    #expect(y2019.rows.map(\.place) == [.named("青泉街道"), .named("石塘镇")])
    #expect(y2019.summary(of: .turnout)?.median?.description == "97.9")
    #expect(y2019.summary(of: .womenShare)?.median?.description == "27.8")
    let byPlace = Comparison(rows: try Self.rows(), by: .place)
    #expect(byPlace.groups.map(\.label) == ["青泉街道", "石塘镇", "林嶺鄉", "(placeholder)"])
    #expect(byPlace.groups[0].summary(of: .turnout)?.median?.description == "97.25")
    #expect(byPlace.groups[3].summary(of: .turnout)?.blank == 1)
  }

  @Test("the sample: masked turnout in document 1, a blank-free age with its fall in document 2")
  func sample() throws {
    let rows = Analyzer().rows(of: try #require(Fixtures.sample))
    #expect(rows[0].readings[.turnout]?.status == .placeholder)
    #expect(rows[0].readings[.turnout]?.start.line == 11)
    #expect(rows[1].readings[.averageAge]?.value?.description == "45")
    #expect(rows[1].readings[.averageAge]?.change?.value?.description == "-0.7")
    #expect(rows[1].readings[.womenShare]?.value?.description == "9.2")
  }
}
