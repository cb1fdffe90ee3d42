/// Writes a comparison as text tables for the terminal: per group, a row per document with a column per
/// metric the documents mention, then a summary table with a row per metric. Columns are aligned in
/// terminal cells, Chinese characters counting two.
///
///     file      doc  title                 place     year  turnout
///     东城.txt    1  青泉街道2019年人大代…  青泉街道  2019  98.5% (+1.2个百分点)
public struct CompareTableWriter: Sendable {
  /// Titles are cut to this many cells.
  public var titleWidth: Int

  /// Creates a writer.
  public init(titleWidth: Int = 28) { self.titleWidth = titleWidth }

  /// The tables of `comparison` as UTF-8 text.
  public func write(_ comparison: Comparison, to out: inout [UInt8]) {
    let metrics = comparison.mentionedMetrics
    for (k, group) in comparison.groups.enumerated() {
      if k > 0 { out.append(0x0A) }
      if let grouping = comparison.grouping {
        let count = group.rows.count
        line("\(grouping.rawValue): \(group.label) (\(count) document\(count == 1 ? "" : "s"))", to: &out)
      }
      var rows: [[String]] = [["file", "doc", "title", "place", "year"] + metrics.map(\.rawValue)]
      for row in group.rows {
        var cells = [
          row.file, String(row.document), DisplayWidth.truncated(row.title, to: titleWidth), ComparisonText.place(row),
          ComparisonText.year(row),
        ]
        for metric in metrics {
          guard let reading = row.readings[metric] else { cells.append("-"); continue }
          var cell = ComparisonText.reading(reading)
          if let change = reading.change { cell += " (" + ComparisonText.change(change) + ")" }
          cells.append(cell)
        }
        rows.append(cells)
      }
      table(rows, rightAligned: [1], to: &out)
      out.append(0x0A)
      var summary: [[String]] = [["metric"] + MetricSummary.Statistic.allCases.map(\.rawValue)]
      for metric in metrics {
        guard let s = group.summary(of: metric) else { continue }
        summary.append([metric.rawValue] + MetricSummary.Statistic.allCases.map { s.value(of: $0)?.description ?? "" })
      }
      if metrics.isEmpty {
        line("no document reports a metric", to: &out)
      } else {
        table(summary, rightAligned: Set(1...MetricSummary.Statistic.allCases.count), to: &out)
      }
    }
    for error in comparison.errors {
      line("error: \(error.path): \(error.message)", to: &out)
    }
  }

  private func table(_ rows: [[String]], rightAligned: Set<Int>, to out: inout [UInt8]) {
    guard let columns = rows.first?.count else { return }
    var widths = [Int](repeating: 0, count: columns)
    for row in rows { for (c, cell) in row.enumerated() { widths[c] = max(widths[c], DisplayWidth.of(cell)) } }
    for row in rows {
      for (c, cell) in row.enumerated() {
        if c > 0 { out.append(contentsOf: [0x20, 0x20]) }
        let pad = widths[c] - DisplayWidth.of(cell)
        let right = rightAligned.contains(c)
        if right { out.append(contentsOf: repeatElement(0x20, count: pad)) }
        out.append(contentsOf: cell.utf8)
        // No trailing spaces after the last column.
        if !right && c < columns - 1 { out.append(contentsOf: repeatElement(0x20, count: pad)) }
      }
      while out.last == 0x20 { out.removeLast() }  // empty cells at the end of a row
      out.append(0x0A)
    }
  }

  private func line(_ text: String, to out: inout [UInt8]) {
    out.append(contentsOf: text.utf8)
    out.append(0x0A)
  }
}
