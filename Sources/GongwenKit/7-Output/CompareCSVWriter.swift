/// Writes a comparison as CSV (docs/csv.md): `file,document,title,place,year`, a column per metric key in
/// `Metric` order, then `blank`; each group's summary rows follow its documents with `document` empty and
/// the statistic (n, blank, min, median, max, mean) in `title`. UTF-8 with a BOM unless told otherwise,
/// CRLF line ends, RFC 4180 quoting, and a `'` before text cells starting with = + - @ so spreadsheets do
/// not run them as formulas.
public struct CompareCSVWriter: Sendable {
  /// Start with a UTF-8 byte-order mark (for spreadsheet programs).
  public var byteOrderMark: Bool

  /// Creates a writer.
  public init(byteOrderMark: Bool = true) { self.byteOrderMark = byteOrderMark }

  /// The header columns.
  public static let header = ["file", "document", "title", "place", "year"] + Metric.allCases.map(\.rawValue) + ["blank"]

  /// Appends the whole comparison.
  public func write(_ comparison: Comparison, to out: inout [UInt8]) {
    if byteOrderMark { out.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    row(Self.header.map { Cell.number($0) }, to: &out)
    for group in comparison.groups {
      for r in group.rows {
        var cells: [Cell] = [
          .text(r.file), .number(String(r.document)), .text(r.title), .text(ComparisonText.place(r)),
          .text(ComparisonText.year(r)),
        ]
        for metric in Metric.allCases {
          let reading = r.readings[metric]
          cells.append(.number(reading?.status == .reported ? reading?.value?.description ?? "" : ""))
        }
        cells.append(.text(r.blankMetrics.map(\.rawValue).joined(separator: ";")))
        row(cells, to: &out)
      }
      for statistic in MetricSummary.Statistic.allCases {
        var cells: [Cell] = [
          .text(comparison.grouping == .file ? group.label : ""), .number(""), .text(statistic.rawValue),
          .text(comparison.grouping == .place ? group.label : ""), .text(comparison.grouping == .year ? group.label : ""),
        ]
        for summary in group.summaries { cells.append(.number(summary.value(of: statistic)?.description ?? "")) }
        cells.append(.number(""))
        row(cells, to: &out)
      }
    }
  }

  /// A cell: text (guarded against formulas) or a number and name we wrote ourselves.
  private enum Cell {
    case text(String), number(String)
  }

  // TODO(#7): use CSVWriter's quoting once the figures branch lands it.
  private func row(_ cells: [Cell], to out: inout [UInt8]) {
    for (k, cell) in cells.enumerated() {
      if k > 0 { out.append(0x2C) }
      switch cell {
      case .number(let s): quote(Array(s.utf8), to: &out)
      case .text(let s):
        var bytes = Array(s.utf8)
        if let first = bytes.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) { bytes.insert(0x27, at: 0) }
        quote(bytes, to: &out)
      }
    }
    out.append(contentsOf: [0x0D, 0x0A])
  }

  private func quote(_ bytes: [UInt8], to out: inout [UInt8]) {
    guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
      out.append(contentsOf: bytes)
      return
    }
    out.append(0x22)
    for b in bytes {
      if b == 0x22 { out.append(0x22) }
      out.append(b)
    }
    out.append(0x22)
  }
}
