/// Writes a comparison as one self-contained HTML page: inline CSS and SVG, no script, no external font
/// or URL, so it opens offline. For each metric a bar chart across documents (blanks hatched and labelled),
/// the summary table, then each document's findings with line numbers. Every piece of document text is
/// escaped. Laid out for a 1280 px wide window.
public struct HTMLReportWriter: Sendable {
  /// Creates a writer.
  public init() {}

  private static let chartWidth = 1200
  private static let labelWidth = 380
  private static let barArea = 640
  private static let rowHeight = 20

  /// Appends the report.
  public func write(_ comparison: Comparison, to out: inout [UInt8]) {
    var h = HTML()
    let metrics = comparison.mentionedMetrics
    let files = Set(comparison.rows.map(\.file)).count
    h.raw("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
    h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    h.raw("<title>gongwen compare</title>\n<style>\n\(Self.style)</style>\n</head>\n<body>\n")
    h.raw("<h1>gongwen compare</h1>\n<p class=\"lead\">")
    h.text("\(comparison.rows.count) document\(comparison.rows.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")")
    if let grouping = comparison.grouping { h.text(", grouped by \(grouping.rawValue)") }
    h.text(". Blank and masked values are hatched in the charts and never enter a statistic.")
    h.raw("</p>\n")
    if !metrics.isEmpty {
      h.raw("<nav>")
      for metric in metrics { h.raw("<a href=\"#m-\(metric.rawValue)\">\(metric.rawValue)</a> ") }
      h.raw("<a href=\"#documents\">documents</a> <a href=\"#findings\">findings</a></nav>\n")
    }
    documentsTable(comparison, metrics: metrics, into: &h)
    for metric in metrics { metricSection(metric, of: comparison, into: &h) }
    findings(comparison, into: &h)
    h.raw("</body>\n</html>\n")
    out.append(contentsOf: h.bytes)
  }

  // MARK: - Sections

  private func documentsTable(_ comparison: Comparison, metrics: [Metric], into h: inout HTML) {
    h.raw("<section id=\"documents\">\n<h2>Documents</h2>\n<div class=\"scroll\"><table class=\"documents\">\n<tr><th>#</th><th>file</th><th>doc</th><th>title</th><th>place</th><th>year</th>")
    for metric in metrics { h.raw("<th>\(metric.rawValue)</th>") }
    h.raw("</tr>\n")
    for (k, row) in comparison.rows.enumerated() {
      h.raw("<tr><td class=\"num\">\(k + 1)</td><td class=\"file\">")
      h.text(row.file)
      h.raw("</td><td class=\"num\">\(row.document)</td><td class=\"title\">")
      h.text(row.title)
      h.raw("</td>")
      mentionCell(ComparisonText.place(row), into: &h)
      mentionCell(ComparisonText.year(row), into: &h)
      for metric in metrics {
        guard let reading = row.readings[metric] else { h.raw("<td class=\"none\">–</td>"); continue }
        h.raw(reading.isBlank ? "<td class=\"blank\">" : "<td class=\"num\">")
        h.text(ComparisonText.reading(reading))
        if let change = reading.change {
          h.raw(" <span class=\"change\">")
          h.text(ComparisonText.change(change))
          h.raw("</span>")
        }
        h.raw("</td>")
      }
      h.raw("</tr>\n")
    }
    h.raw("</table></div>\n</section>\n")
  }

  private func mentionCell(_ text: String, into h: inout HTML) {
    h.raw(text == ComparisonText.placeholder ? "<td class=\"blank\">" : "<td>")
    h.text(text)
    h.raw("</td>")
  }

  private func metricSection(_ metric: Metric, of comparison: Comparison, into h: inout HTML) {
    h.raw("<section id=\"m-\(metric.rawValue)\">\n<h2>\(metric.rawValue)</h2>\n")
    chart(metric, rows: comparison.rows, into: &h)
    h.raw("<table class=\"summary\">\n<tr>")
    if let grouping = comparison.grouping { h.raw("<th>\(grouping.rawValue)</th>") }
    for statistic in MetricSummary.Statistic.allCases { h.raw("<th>\(statistic.rawValue)</th>") }
    h.raw("</tr>\n")
    for group in comparison.groups {
      guard let summary = group.summary(of: metric) else { continue }
      h.raw("<tr>")
      if comparison.grouping != nil {
        h.raw("<td>")
        h.text(group.label)
        h.raw("</td>")
      }
      for statistic in MetricSummary.Statistic.allCases {
        h.raw("<td class=\"num\">")
        h.text(summary.value(of: statistic)?.description ?? "–")
        h.raw("</td>")
      }
      h.raw("</tr>\n")
    }
    h.raw("</table>\n</section>\n")
  }

  /// Horizontal bars, one per document mentioning the metric; a blank gets a hatched bar and its word.
  private func chart(_ metric: Metric, rows: [ComparisonRow], into h: inout HTML) {
    let shown = rows.enumerated().compactMap { k, row in row.readings[metric].map { (k + 1, row, $0) } }
    let largest = shown.compactMap { $0.2.value?.doubleValue }.max() ?? 0
    let scale = largest > 0 ? Double(Self.barArea) / largest : 0
    let height = shown.count * Self.rowHeight + 8
    let hatch = "hatch-\(metric.rawValue)"
    h.raw("<svg class=\"chart\" role=\"img\" width=\"\(Self.chartWidth)\" height=\"\(height)\" viewBox=\"0 0 \(Self.chartWidth) \(height)\">\n")
    h.raw("<defs><pattern id=\"\(hatch)\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
    h.raw("<rect width=\"8\" height=\"8\" fill=\"#fbe9e7\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#c0392b\" stroke-width=\"3\"/></pattern></defs>\n")
    // The median over all documents, as a dashed line behind the bars.
    if let median = MetricSummary(metric: metric, rows: rows).median, scale > 0 {
      let x = Self.labelWidth + Int((max(0, median.doubleValue) * scale).rounded())
      h.raw("<line class=\"median\" x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(height)\"><title>median \(median)</title></line>\n")
    }
    for (n, (number, row, reading)) in shown.enumerated() {
      let y = 4 + n * Self.rowHeight
      // The title usually names the place; name it first when it does not.
      let place = row.place?.value.flatMap { Self.title(row.title, names: $0) ? nil : $0 } ?? ""
      let label = "#\(number) " + (place.isEmpty ? "" : place + " ") + row.title
      h.raw("<text x=\"\(Self.labelWidth - 8)\" y=\"\(y + 14)\" text-anchor=\"end\">")
      h.text(DisplayWidth.truncated(label, to: 50))
      h.raw("<title>")
      h.text("\(row.file) #\(row.document): \(row.title)")
      h.raw("</title></text>\n")
      let x = Self.labelWidth
      if let value = reading.value, !reading.isBlank {
        let width = max(1, Int((max(0, value.doubleValue) * scale).rounded()))
        h.raw("<rect x=\"\(x)\" y=\"\(y + 2)\" width=\"\(width)\" height=\"\(Self.rowHeight - 6)\" fill=\"#2e86c1\"/>")
        h.raw("<text x=\"\(x + width + 6)\" y=\"\(y + 14)\">")
        h.text(ComparisonText.reading(reading))
        if let change = reading.change { h.text(" (" + ComparisonText.change(change) + ")") }
        h.raw("</text>\n")
      } else {
        h.raw("<rect x=\"\(x)\" y=\"\(y + 2)\" width=\"\(Self.barArea / 4)\" height=\"\(Self.rowHeight - 6)\" fill=\"url(#\(hatch))\" stroke=\"#c0392b\"/>")
        h.raw("<text class=\"blank\" x=\"\(x + Self.barArea / 4 + 6)\" y=\"\(y + 14)\">")
        h.text(ComparisonText.reading(reading))
        h.raw("</text>\n")
      }
    }
    h.raw("</svg>\n")
    let silent = rows.count - shown.count
    if silent > 0 {
      h.raw("<p class=\"note\">\(silent) document\(silent == 1 ? " does" : "s do") not mention \(metric.rawValue).</p>\n")
    }
  }

  /// Whether `title` holds `place`, compared as UTF-8 bytes.
  private static func title(_ title: String, names place: String) -> Bool {
    let haystack = Array(title.utf8)
    let needle = Array(place.utf8)
    guard !needle.isEmpty, needle.count <= haystack.count else { return false }
    return (0...(haystack.count - needle.count)).contains { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
  }

  private func findings(_ comparison: Comparison, into h: inout HTML) {
    h.raw("<section id=\"findings\">\n<h2>Findings</h2>\n")
    for (k, row) in comparison.rows.enumerated() {
      h.raw("<h3>#\(k + 1) ")
      h.text("\(row.file) · document \(row.document) · \(row.title)")
      h.raw("</h3>\n")
      guard !row.findings.isEmpty else { h.raw("<p class=\"note\">No findings.</p>\n"); continue }
      h.raw("<table class=\"findings\">\n<tr><th>line</th><th>severity</th><th>rule</th><th>message</th></tr>\n")
      for finding in row.findings {
        h.raw("<tr class=\"\(finding.severity.rawValue)\"><td class=\"num\">\(finding.start.line)</td><td>\(finding.severity.rawValue)</td><td>")
        h.text(finding.rule)
        h.raw("</td><td>")
        h.text(finding.message)
        h.raw("</td></tr>\n")
      }
      h.raw("</table>\n")
    }
    if !comparison.errors.isEmpty {
      h.raw("<h3>Inputs that could not be read</h3>\n<table class=\"findings\">\n<tr><th>file</th><th>reason</th></tr>\n")
      for error in comparison.errors {
        h.raw("<tr class=\"error\"><td>")
        h.text(error.path)
        h.raw("</td><td>")
        h.text(error.message)
        h.raw("</td></tr>\n")
      }
      h.raw("</table>\n")
    }
    h.raw("</section>\n")
  }

  private static let style = """
    body { font-family: system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
      max-width: 1240px; margin: 0 auto; padding: 16px 20px; color: #1c2833; font-size: 14px; }
    h1 { font-size: 22px; margin: 8px 0; } h2 { font-size: 18px; border-bottom: 1px solid #d5d8dc; padding-bottom: 4px; margin-top: 28px; }
    h3 { font-size: 14px; margin: 14px 0 4px; }
    nav a { margin-right: 10px; } .lead, .note { color: #566573; }
    table { border-collapse: collapse; margin: 6px 0; } th, td { border: 1px solid #d5d8dc; padding: 3px 7px; vertical-align: top; }
    th { background: #f4f6f7; text-align: left; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.blank, text.blank { color: #c0392b; fill: #c0392b; font-style: italic; } td.none { color: #aab7b8; text-align: center; }
    .change { color: #566573; font-size: 12px; } .scroll { overflow-x: auto; }
    table.documents td, table.documents th { white-space: nowrap; }
    table.documents td.title { white-space: normal; min-width: 20em; }
    table.documents td.file { white-space: normal; word-break: break-all; min-width: 10em; max-width: 16em; }
    svg.chart { display: block; max-width: 100%; height: auto; font-size: 12px; } svg.chart text { fill: #1c2833; }
    svg.chart text.blank { fill: #c0392b; } svg.chart line.median { stroke: #1c2833; stroke-dasharray: 4 3; }
    tr.error td { background: #fdedec; } tr.warning td { background: #fef9e7; }

    """
}

/// HTML built into one byte buffer: `raw` for our own markup, `text` for everything from a document.
private struct HTML {
  var bytes: [UInt8] = []

  init() { bytes.reserveCapacity(1 << 16) }

  mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

  /// Escapes & < > " ' so text is safe in content and in quoted attributes.
  mutating func text(_ s: String) {
    for b in s.utf8 {
      switch b {
      case 0x26: bytes.append(contentsOf: "&amp;".utf8)
      case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
      case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
      case 0x22: bytes.append(contentsOf: "&quot;".utf8)
      case 0x27: bytes.append(contentsOf: "&#39;".utf8)
      default: bytes.append(b)
      }
    }
  }
}
