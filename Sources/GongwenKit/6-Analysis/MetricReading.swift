/// What one document reports for one metric: a value, or a blank or placeholder where the value should be,
/// with the change against the previous term when the text states one.
public struct MetricReading: Sendable, Hashable {
  /// Whether the document gives the number.
  public enum Status: String, Sendable, Hashable {
    /// A number is given.
    case reported
    /// The number is missing: 参选率达%.
    case blank
    /// Letters or symbols stand for the number: 参选率x%.
    case placeholder
  }

  /// A stated change against the previous term: 比上届提高1.2个百分点.
  public struct Change: Sendable, Hashable {
    /// Reported, blank (比上届提高个百分点) or placeholder (比上届提高x个百分点).
    public let status: Status
    /// The change as written, signed by the extractor (降低 negative); nil when blank or a placeholder.
    public let value: ExactDecimal?
    /// `个百分点`, `%`, `人`, … as written.
    public let unit: String
    /// Where the change starts.
    public let start: SourceLocation

    /// Creates a change.
    public init(status: Status = .reported, value: ExactDecimal?, unit: String, start: SourceLocation) {
      self.status = value == nil && status == .reported ? .blank : status
      self.value = value
      self.unit = unit
      self.start = start
    }
  }

  /// The metric read.
  public let metric: Metric
  /// Reported, blank or placeholder.
  public let status: Status
  /// The number; nil unless `status` is `.reported`.
  public let value: ExactDecimal?
  /// `%`, `人`, `岁`, … as written.
  public let unit: String
  /// Where the figure read starts.
  public let start: SourceLocation
  /// The stated change against the previous term, when the text gives one.
  public let change: Change?

  /// Creates a reading.
  public init(
    metric: Metric, status: Status, value: ExactDecimal?, unit: String, start: SourceLocation, change: Change? = nil
  ) {
    self.metric = metric
    self.status = status
    self.value = value
    self.unit = unit
    self.start = start
    self.change = change
  }

  /// Whether the document left the number out or masked it.
  public var isBlank: Bool { status != .reported }
}
