import Testing

@testable import GongwenKit

@Suite("MetricSummary: n, blank, min, median, max, mean, exactly")
struct MetricSummaryTests {
  private func summary(_ values: [String], blank: Int = 0) -> MetricSummary {
    MetricSummary(metric: .turnout, values: values.compactMap { ExactDecimal($0) }, blank: blank)
  }

  @Test("even count: the median is the exact mean of the two middle values")
  func evenMedian() {
    let s = summary(["98.5", "96.0", "97.3", "99.1"])
    #expect(s.median?.description == "97.9")
    #expect(s.min?.description == "96.0" && s.max?.description == "99.1")
    #expect(s.mean?.description == "97.725")
    #expect(s.reported == 4 && s.blank == 0)
  }

  @Test("the median of two halves keeps the halving digit: 97 and 98 → 97.5")
  func halfMedian() {
    #expect(summary(["97", "98"]).median?.description == "97.5")
    #expect(summary(["90.8", "91.2"]).median?.description == "91.0")
  }

  @Test("odd count: the middle value as written")
  func oddMedian() {
    #expect(summary(["3", "1.50", "2"]).median?.description == "2")
  }

  @Test("the mean rounds two decimals past the most precise value, half away from zero")
  func meanRounding() {
    #expect(summary(["90.8", "91", "92.5"]).mean?.description == "91.433")
    #expect(summary(["1", "2"]).mean?.description == "1.5")
    #expect(summary(["1", "1", "2"]).mean?.description == "1.33")
    #expect(summary(["-1", "-1", "-2"]).mean?.description == "-1.33")
    #expect(summary(["2", "2", "2", "1"]).mean?.description == "1.75")
  }

  @Test("blanks are counted apart and never enter a statistic")
  func blanks() {
    let rows = [
      AnalysisSupport.row("a", [AnalysisSupport.reading(.turnout, "98.5")]),
      AnalysisSupport.row("b", [AnalysisSupport.blank(.turnout)]),
      AnalysisSupport.row("c", [AnalysisSupport.blank(.turnout, .placeholder)]),
      AnalysisSupport.row("d", [AnalysisSupport.reading(.turnout, "96.5")]),
      AnalysisSupport.row("e", []),
    ]
    let s = MetricSummary(metric: .turnout, rows: rows)
    #expect(s.reported == 2 && s.blank == 2 && s.mentioned == 4)
    #expect(s.min?.description == "96.5" && s.median?.description == "97.5" && s.mean?.description == "97.5")
  }

  @Test("nothing reported: every statistic is absent, not 0")
  func empty() {
    let s = summary([], blank: 3)
    #expect(s.reported == 0 && s.blank == 3)
    #expect(s.min == nil && s.median == nil && s.max == nil && s.mean == nil)
    #expect(s.value(of: .n)?.description == "0" && s.value(of: .blank)?.description == "3")
  }
}
