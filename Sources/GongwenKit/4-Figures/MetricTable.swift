/// The one table from wording to `Metric`, documented in docs/metrics.md. Keywords match through
/// `ScriptFolding`, so 參選率 and 平均年齡 match too.
enum MetricTable {
  /// Rates named in the clause before a percent: 参选率达98.5%.
  static let rates = Table([
    ("参选率", Metric.turnout), ("投票率", .turnout), ("到会率", .attendance), ("参会率", .attendance),
    ("直选率", .directElectionRate), ("更替率", .renewalRate), ("更新率", .renewalRate), ("更新比例", .renewalRate),
    ("一次成功率", .successRate), ("选举成功率", .successRate), ("成功率", .successRate),
  ])

  /// Shares recognised from a percent's subject: 妇女代表 … 占30%.
  static let shares = Table([
    ("少数民族", Metric.minorityShare), ("连选连任", .reElectedShare), ("连任", .reElectedShare),
    ("大专", .collegeShare), ("本科", .collegeShare), ("研究生", .collegeShare), ("党员", .partyMemberShare),
    ("妇女", .womenShare), ("女性", .womenShare), ("女", .womenShare),
  ])

  /// Counts of people: 参加投票 … 人 (voted) before 选民 … 人 (voters) before 当选 … 名 (elected).
  static let counts = Table([
    ("参加投票", Metric.voted), ("参与投票", .voted), ("投票", .voted), ("登记选民", .voters), ("登记党员", .voters), ("选民", .voters),
    ("当选", .elected), ("选出", .elected), ("产生", .elected),
  ])

  static let averageAge = FoldedMatch.pattern("年龄")

  /// Keywords and the metric each names, in priority order.
  struct Table: Sendable {
    let keywords: PatternList
    let metrics: [Metric]
    init(_ entries: [(String, Metric)]) {
      keywords = PatternList(entries.map(\.0))
      metrics = entries.map(\.1)
    }
  }

  /// The first metric of `table` whose keyword occurs in `range`, with the keyword's offsets.
  static func find(_ table: Table, in range: Range<Int>, p: UnsafeBufferPointer<UInt8>) -> (metric: Metric, range: Range<Int>)? {
    // One walk over the range; the earliest table entry wins, wherever it stands.
    var best: (index: Int, range: Range<Int>)?
    var i = range.lowerBound
    while true {
      // Straight to the next scalar that may start a keyword.
      i = table.keywords.nextCandidate(from: i, limit: range.upperBound, in: p)
      guard i < range.upperBound else { break }
      if let m = table.keywords.match(at: i, limit: range.upperBound, in: p), m.index < (best?.index ?? Int.max) {
        best = (m.index, i..<m.end)
        if m.index == 0 { break }
      }
      i += ScalarReader.scalar(at: i, in: p).length
    }
    return best.map { (table.metrics[$0.index], $0.range) }
  }

  /// The share metric named in a subject (妇女代表 → women-share); 大专以下 is not a college share, nor 男女 a
  /// women's share.
  static func share(in range: Range<Int>, p: UnsafeBufferPointer<UInt8>) -> Metric? {
    guard let found = find(shares, in: range, p: p) else { return nil }
    if found.metric == .collegeShare, FoldedMatch.match(below, at: found.range.upperBound, limit: range.upperBound, in: p) != nil {
      return nil
    }
    if found.metric == .womenShare, found.range.lowerBound > range.lowerBound,
      ScalarReader.scalar(at: ScalarReader.previousBoundary(before: found.range.lowerBound, in: p), in: p).value == 0x7537
    {
      return nil
    }
    return found.metric
  }

  static let below = FoldedMatch.pattern("以下")
}
