@testable import GongwenKit

/// Hand-built figures and rows for analysis tests, until the extractor fills `Document.figures`.
enum AnalysisSupport {
  /// A figure over the first occurrence of `surface` in `text` (after `from` bytes).
  static func figure(
    _ surface: String, in text: String, from: Int = 0, kind: Figure.Kind = .percent, metric: Metric?,
    value: String?, unit: String = "%", flags: Figure.Flags = []
  ) -> Figure {
    let bytes = Array(text.utf8)
    let needle = Array(surface.utf8)
    var start = from
    while start + needle.count <= bytes.count, !bytes[start..<start + needle.count].elementsEqual(needle) { start += 1 }
    let decoded = DecodedText(bytes: bytes, encoding: .utf8)
    return Figure(
      kind: kind, value: value.flatMap { ExactDecimal($0) }, unit: unit, subject: "", metric: metric, flags: flags,
      range: start..<start + needle.count, start: decoded.location(of: start),
      end: decoded.location(of: start + needle.count), text: surface)
  }

  /// A reported reading.
  static func reading(_ metric: Metric, _ value: String, unit: String = "%") -> MetricReading {
    MetricReading(
      metric: metric, status: .reported, value: ExactDecimal(value), unit: unit,
      start: SourceLocation(line: 1, column: 1, offset: 0))
  }

  /// A blank or placeholder reading.
  static func blank(_ metric: Metric, _ status: MetricReading.Status = .blank) -> MetricReading {
    MetricReading(metric: metric, status: status, value: nil, unit: "%", start: SourceLocation(line: 1, column: 1, offset: 0))
  }

  /// A row with the given readings.
  static func row(
    _ file: String, place: Mention<String>? = nil, year: Mention<Int>? = nil, _ readings: [MetricReading]
  ) -> ComparisonRow {
    ComparisonRow(
      file: file, document: 1, title: file, place: place, year: year,
      readings: Dictionary(uniqueKeysWithValues: readings.map { ($0.metric, $0) }))
  }
}
