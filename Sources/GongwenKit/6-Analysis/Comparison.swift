/// Documents side by side: their rows, split into groups (by place, year or file, or one group of all), each
/// group with a summary per metric.
///
///     let comparison = Comparison(rows: rows, by: .year)
///     for group in comparison.groups { print(group.label, group.summaries[.turnout]?.median ?? "-") }
public struct Comparison: Sendable, Hashable {
  /// What rows are grouped by (`--by`).
  public enum Grouping: String, Sendable, Hashable, CaseIterable {
    /// The place the title names.
    case place
    /// The year the title names.
    case year
    /// The input file.
    case file
  }

  /// Rows sharing a place, year or file, and their statistics.
  public struct Group: Sendable, Hashable {
    /// The place, year or file; empty for the one group of an ungrouped comparison.
    public let label: String
    /// The rows, in input order.
    public let rows: [ComparisonRow]
    /// One summary per metric, in `Metric` order.
    public let summaries: [MetricSummary]

    /// The summary of `metric`.
    public func summary(of metric: Metric) -> MetricSummary? { summaries.first { $0.metric == metric } }
  }

  /// Every row, in input order.
  public let rows: [ComparisonRow]
  /// Inputs that could not be read or decoded, in input order: they have no row but are never dropped.
  public let errors: [InputError]
  /// The grouping; nil for one group of all rows.
  public let grouping: Grouping?
  /// The metrics compared (`--metric`), in `Metric` order; all of them unless chosen.
  public let metrics: [Metric]
  /// The groups: by file and place in order of first appearance, by year ascending (placeholder years,
  /// then rows naming none, last).
  public let groups: [Group]

  /// Label of the group of rows whose place or year is masked.
  public static let placeholderLabel = "(placeholder)"
  /// Label of the group of rows naming no place or year.
  public static let noneLabel = "(none)"

  /// Compares `rows`, grouped `by` place, year or file, on `metrics` (all unless given).
  public init(
    rows: [ComparisonRow], by grouping: Grouping? = nil, errors: [InputError] = [], metrics: Set<Metric>? = nil
  ) {
    self.rows = rows
    self.errors = errors
    self.grouping = grouping
    let metrics = metrics.map { chosen in Metric.allCases.filter(chosen.contains) } ?? Metric.allCases
    self.metrics = metrics
    var order: [String] = []
    var members: [String: [ComparisonRow]] = [:]
    for row in rows {
      let label = grouping.map { Self.label(of: row, by: $0) } ?? ""
      if members[label] == nil { order.append(label) }
      members[label, default: []].append(row)
    }
    if grouping == .year {
      // Named years ascending; the placeholder and none labels after them.
      order.sort { a, b in
        switch (Int(a), Int(b)) {
        case (let x?, let y?): x < y
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): a == Self.placeholderLabel && b == Self.noneLabel
        }
      }
    }
    groups = order.map { label in
      let rows = members[label] ?? []
      return Group(label: label, rows: rows, summaries: metrics.map { MetricSummary(metric: $0, rows: rows) })
    }
  }

  /// The metrics compared that at least one row mentions (reported or blank), in `Metric` order.
  public var mentionedMetrics: [Metric] {
    metrics.filter { metric in rows.contains { $0.readings[metric] != nil } }
  }

  /// The metrics compared that `row` left blank or masked, in `Metric` order.
  public func blankMetrics(of row: ComparisonRow) -> [Metric] {
    let blank = Set(row.blankMetrics)
    return metrics.filter(blank.contains)
  }

  /// The label of `row`'s group.
  static func label(of row: ComparisonRow, by grouping: Grouping) -> String {
    switch grouping {
    case .file: row.file
    case .place: label(row.place) { $0 }
    case .year: label(row.year) { String($0) }
    }
  }

  private static func label<V>(_ mention: Mention<V>?, _ name: (V) -> String) -> String {
    switch mention {
    case .named(let v)?: name(v)
    case .placeholder?: placeholderLabel
    case nil: noneLabel
    }
  }
}
