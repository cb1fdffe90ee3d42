/// One document in a comparison: where it comes from, the place and year it names, and its reading of
/// each metric. Small enough to keep for thousands of documents while the files themselves are dropped.
public struct ComparisonRow: Sendable, Hashable {
  /// The input path as given.
  public let file: String
  /// 1-based position of the document within its file.
  public let document: Int
  /// The title line as written.
  public let title: String
  /// First line of the document in its file.
  public let firstLine: Int
  /// The place the title (or failing that, the opening line) names; nil when none.
  public let place: Mention<String>?
  /// The year the title (or failing that, the opening line) names; nil when none.
  public let year: Mention<Int>?
  /// Simplified, traditional or mixed.
  public let script: ScriptFolding.Script
  /// The readings, by metric; a metric the document never mentions has none.
  public let readings: [Metric: MetricReading]
  /// What the checks found in the document, in text order.
  public let findings: [Finding]

  /// Creates a row.
  public init(
    file: String, document: Int, title: String, firstLine: Int = 1, place: Mention<String>?, year: Mention<Int>?,
    script: ScriptFolding.Script = .simplified, readings: [Metric: MetricReading], findings: [Finding] = []
  ) {
    self.file = file
    self.document = document
    self.title = title
    self.firstLine = firstLine
    self.place = place
    self.year = year
    self.script = script
    self.readings = readings
    self.findings = findings
  }

  /// The metrics the document left blank or masked, in `Metric` order.
  public var blankMetrics: [Metric] {
    Metric.allCases.filter { readings[$0]?.isBlank == true }
  }
}
