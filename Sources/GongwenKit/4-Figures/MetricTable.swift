/// The one table from wording to `Metric`, documented in docs/metrics.md. Keywords match through
/// `ScriptFolding`, so 參選率 and 平均年齡 match too.
enum MetricTable {
  /// Rates named in the clause before a percent: 参选率达98.5%.
  static let rates: [(keyword: [UInt32], metric: Metric)] = [
    ("参选率", Metric.turnout), ("投票率", .turnout), ("到会率", .attendance), ("参会率", .attendance),
    ("直选率", .directElectionRate), ("更替率", .renewalRate), ("更新率", .renewalRate), ("更新比例", .renewalRate),
    ("一次成功率", .successRate), ("选举成功率", .successRate), ("成功率", .successRate),
  ].map { (FoldedMatch.pattern($0.0), $0.1) }

  /// Shares recognised from a percent's subject: 妇女代表 … 占30%.
  static let shares: [(keyword: [UInt32], metric: Metric)] = [
    ("少数民族", Metric.minorityShare), ("连选连任", .reElectedShare), ("连任", .reElectedShare),
    ("大专", .collegeShare), ("本科", .collegeShare), ("研究生", .collegeShare), ("党员", .partyMemberShare),
    ("妇女", .womenShare), ("女性", .womenShare), ("女", .womenShare),
  ].map { (FoldedMatch.pattern($0.0), $0.1) }

  /// Counts of people: 参加投票 … 人 (voted) before 选民 … 人 (voters) before 当选 … 名 (elected).
  static let counts: [(keyword: [UInt32], metric: Metric)] = [
    ("参加投票", Metric.voted), ("参与投票", .voted), ("投票", .voted), ("登记选民", .voters), ("选民", .voters),
    ("当选", .elected), ("选出", .elected), ("产生", .elected),
  ].map { (FoldedMatch.pattern($0.0), $0.1) }

  static let averageAge = FoldedMatch.pattern("年龄")

  /// First scalars of every keyword, for a quick reject.
  static let firstScalars: ScalarSet = ScalarSet((rates + shares + counts).map { $0.keyword[0] })

  /// The first metric of `table` whose keyword occurs in `range`, with the keyword's offsets.
  static func find(_ table: [(keyword: [UInt32], metric: Metric)], in range: Range<Int>, p: UnsafeBufferPointer<UInt8>)
    -> (metric: Metric, range: Range<Int>)?
  {
    // One walk over the range; the earliest table entry wins, wherever it stands.
    var best: (index: Int, metric: Metric, range: Range<Int>)?
    var i = range.lowerBound
    while i < range.upperBound {
      let (v, len) = ScalarReader.scalar(at: i, in: p)
      let folded = ScriptFolding.fold(v)
      if firstScalars.contains(folded) {
        var k = 0
        let limit = best?.index ?? table.count
        while k < limit {
          if table[k].keyword[0] == folded, let end = FoldedMatch.match(table[k].keyword, at: i, limit: range.upperBound, in: p) {
            best = (k, table[k].metric, i..<end)
            break
          }
          k += 1
        }
      }
      i += len
    }
    return best.map { ($0.metric, $0.range) }
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
