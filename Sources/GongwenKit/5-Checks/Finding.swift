/// What a check found: a rule id, a severity, a plain message and a position. Data, never thrown.
public struct Finding: Sendable, Hashable {
  /// How serious a finding is; ordered note < warning < error.
  public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    case note, warning, error
    var rank: Int { switch self { case .note: 0; case .warning: 1; case .error: 2 } }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  /// The stable rule id: `blank-number`, `lost-decimal`, `invalid-bytes`, ….
  public let rule: String
  /// Error, warning or note.
  public let severity: Severity
  /// Plain words that quote the figures.
  public let message: String
  /// Where the finding starts.
  public let start: SourceLocation
  /// Where it ends (exclusive).
  public let end: SourceLocation
  /// The text it points at, as written.
  public let text: String
  /// The repaired text, where there is one (`90.8%` for `90?8%`).
  public let suggestion: String?
  /// Byte offset in the original file, for byte-level findings (`invalid-bytes`).
  public let byteOffset: Int?

  /// Creates a finding.
  public init(
    rule: String, severity: Severity, message: String, start: SourceLocation, end: SourceLocation, text: String,
    suggestion: String? = nil, byteOffset: Int? = nil
  ) {
    self.rule = rule
    self.severity = severity
    self.message = message
    self.start = start
    self.end = end
    self.text = text
    self.suggestion = suggestion
    self.byteOffset = byteOffset
  }
}
