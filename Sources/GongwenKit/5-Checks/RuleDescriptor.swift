/// What a rule is, for writers and the command line: its id, severity and one-line summary.
public struct RuleDescriptor: Sendable, Hashable {
  /// The stable id: `blank-number`, `sum-mismatch`, ….
  public let id: String
  /// The severity of its findings.
  public let severity: Finding.Severity
  /// One line on what it flags.
  public let summary: String

  /// Every rule, in documentation order.
  public static let all: [RuleDescriptor] = Checker.allRules.map {
    RuleDescriptor(id: type(of: $0).id, severity: type(of: $0).severity, summary: type(of: $0).summary)
  }

  /// Not a check: an input that could not be read or decoded, reported among the findings so that no file
  /// goes missing from `check`'s output (its exit status is 2).
  public static let inputError = RuleDescriptor(
    id: "input-error", severity: .error, summary: "An input could not be read or decoded (missing, not a regular file, not text).")
}
