/// Writes a comparison as CSV (docs/csv.md): `file,document,title,place,year`, a column per metric key in
/// `Metric` order, then `blank`; each group's summary rows follow its documents with `document` empty and
/// the statistic (n, blank, min, median, max, mean) in `title`. An input that could not be read gets an error
/// row before the summaries: `file`, `document` = `error`, and the message in `title`. Quoting, BOM, CRLF and the formula guard
/// are `CSVWriter`'s, as for `gongwen figures`.
public struct CompareCSVWriter: Sendable {
  /// Start with a UTF-8 byte-order mark (for spreadsheet programs).
  public var byteOrderMark: Bool

  /// Creates a writer.
  public init(byteOrderMark: Bool = true) { self.byteOrderMark = byteOrderMark }

  /// The header columns with every metric.
  public static let header = header(metrics: Metric.allCases)

  /// The header columns with `metrics` (`--metric`).
  public static func header(metrics: [Metric]) -> [String] {
    ["file", "document", "title", "place", "year"] + metrics.map(\.rawValue) + ["blank"]
  }

  /// Appends the whole comparison.
  public func write(_ comparison: Comparison, to out: inout [UInt8]) {
    let csv = CSVWriter(includesBOM: byteOrderMark)
    out.append(contentsOf: csv.header(Self.header(metrics: comparison.metrics)))
    if comparison.groups.isEmpty { writeErrors(comparison, csv: csv, to: &out) }
    for group in comparison.groups {
      for r in group.rows {
        var cells = [r.file, String(r.document), r.title, ComparisonText.place(r), ComparisonText.year(r)]
        for metric in comparison.metrics {
          let reading = r.readings[metric]
          cells.append(reading?.status == .reported ? reading?.value?.description ?? "" : "")
        }
        cells.append(comparison.blankMetrics(of: r).map(\.rawValue).joined(separator: ";"))
        csv.appendRow(cells, to: &out)
      }
      if group.label == comparison.groups.first?.label { writeErrors(comparison, csv: csv, to: &out) }
      for statistic in MetricSummary.Statistic.allCases {
        var cells = [
          comparison.grouping == .file ? group.label : "", "", statistic.rawValue,
          comparison.grouping == .place ? group.label : "", comparison.grouping == .year ? group.label : "",
        ]
        for summary in group.summaries { cells.append(summary.value(of: statistic)?.description ?? "") }
        cells.append("")
        csv.appendRow(cells, to: &out)
      }
    }
  }

  private func writeErrors(_ comparison: Comparison, csv: CSVWriter, to out: inout [UInt8]) {
    for error in comparison.errors {
      var cells = [error.path, "error", error.message]
      cells.append(contentsOf: repeatElement("", count: Self.header(metrics: comparison.metrics).count - cells.count))
      csv.appendRow(cells, to: &out)
    }
  }
}
