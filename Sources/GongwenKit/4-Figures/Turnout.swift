/// A turnout, attendance or direct-election rate with what the text names beside it: the place, the voters
/// and voted counts before it and the change stated after it. One row of `gongwen turnout`.
public struct Turnout: Sendable, Hashable {
  /// The rate (kind percent; metric turnout, attendance or direct-election-rate).
  public let rate: Figure
  /// The nearest place name before the rate in its sentence: 全区, 芝山镇.
  public let place: String
  /// The count of registered voters named with it (登记选民 … 人), if any.
  public let voters: Figure?
  /// The count of those who voted (参加投票 … 人), if any.
  public let voted: Figure?
  /// Its change against an earlier term, in percentage points (比上届高出1.6个百分点), if stated.
  public let change: Figure?

  /// The metrics a turnout row is made for.
  public static let metrics: Set<Metric> = [.turnout, .attendance, .directElectionRate]

  /// The turnout rows of `document`, in text order. Voters and voted are looked for on the rate's line, after
  /// the previous rate; the change between the rate and the next figure of another kind than change.
  public static func rows(in document: Document) -> [Turnout] {
    let figures = document.figures
    var rows: [Turnout] = []
    var floor = 0
    for (k, figure) in figures.enumerated() {
      guard figure.kind == .percent, let metric = figure.metric, metrics.contains(metric) else { continue }
      var voters: Figure?
      var voted: Figure?
      for m in floor..<k where figures[m].start.line == figure.start.line {
        if figures[m].metric == .voters && figures[m].kind == .count { voters = figures[m] }
        if figures[m].metric == .voted && figures[m].kind == .count { voted = figures[m] }
      }
      var change: Figure?
      if k + 1 < figures.count, figures[k + 1].kind == .change, figures[k + 1].start.line == figure.start.line,
        figures[k + 1].unit == "个百分点"
      {
        change = figures[k + 1]
      }
      rows.append(Turnout(rate: figure, place: figure.place, voters: voters, voted: voted, change: change))
      floor = k + 1
    }
    return rows
  }
}
