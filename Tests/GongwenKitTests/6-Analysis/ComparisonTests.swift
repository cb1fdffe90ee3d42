import Testing

@testable import GongwenKit

@Suite("Comparison: groups by place, year or file, each with its summaries")
struct ComparisonTests {
  typealias S = AnalysisSupport

  static let rows = [
    S.row("q2019", place: .named("青泉街道"), year: .named(2019), [S.reading(.turnout, "98.5")]),
    S.row("q2021", place: .named("青泉街道"), year: .named(2021), [S.reading(.turnout, "96.0")]),
    S.row("s2019", place: .named("石塘镇"), year: .named(2019), [S.reading(.turnout, "97.3")]),
    S.row("masked", place: .placeholder, year: .placeholder, [S.blank(.turnout, .placeholder)]),
    S.row("l2016", place: .named("林嶺鄉"), year: .named(2016), [S.reading(.turnout, "99.1")]),
    S.row("none", [S.reading(.womenShare, "25.0")]),
  ]

  @Test("ungrouped: one group of all rows")
  func ungrouped() throws {
    let c = Comparison(rows: Self.rows)
    #expect(c.groups.count == 1 && c.groups[0].label == "" && c.groups[0].rows.count == 6)
    let turnout = try #require(c.groups[0].summary(of: .turnout))
    #expect(turnout.reported == 4 && turnout.blank == 1 && turnout.median?.description == "97.9")
    #expect(c.mentionedMetrics == [.turnout, .womenShare])
  }

  @Test("by place: in order of first appearance, placeholder and none apart")
  func byPlace() throws {
    let c = Comparison(rows: Self.rows, by: .place)
    #expect(c.groups.map(\.label) == ["青泉街道", "石塘镇", "(placeholder)", "林嶺鄉", "(none)"])
    let qingquan = try #require(c.groups.first?.summary(of: .turnout))
    #expect(qingquan.reported == 2 && qingquan.median?.description == "97.25" && qingquan.mean?.description == "97.25")
    #expect(c.groups[2].summary(of: .turnout)?.blank == 1 && c.groups[2].summary(of: .turnout)?.reported == 0)
  }

  @Test("by year: ascending, then the placeholder year, then rows naming none")
  func byYear() throws {
    let c = Comparison(rows: Self.rows, by: .year)
    #expect(c.groups.map(\.label) == ["2016", "2019", "2021", "(placeholder)", "(none)"])
    #expect(c.groups[1].rows.map(\.file) == ["q2019", "s2019"])
    #expect(c.groups[1].summary(of: .turnout)?.median?.description == "97.9")
  }

  @Test("by file: one group per input path")
  func byFile() {
    let c = Comparison(rows: Self.rows, by: .file)
    #expect(c.groups.map(\.label) == ["q2019", "q2021", "s2019", "masked", "l2016", "none"])
  }
}
