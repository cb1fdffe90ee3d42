/// Names that JSON records write as quoted literals, straight from the binary: no String is made or escaped
/// for each figure. Each must equal the quoted raw value (JSONNameTests checks every case).
enum JSONName {
  /// `"percent"`, `"age-band"`, …: `Figure.Kind.rawValue` quoted.
  @inline(__always)
  static func of(_ kind: Figure.Kind) -> StaticString {
    switch kind {
    case .percent: "\"percent\""
    case .count: "\"count\""
    case .ageBand: "\"age-band\""
    case .average: "\"average\""
    case .change: "\"change\""
    case .date: "\"date\""
    case .age: "\"age\""
    }
  }

  /// `"turnout"`, `"women-share"`, …: `Metric.rawValue` quoted; `""` for none.
  @inline(__always)
  static func of(_ metric: Metric?) -> StaticString {
    switch metric {
    case nil: "\"\""
    case .turnout: "\"turnout\""
    case .attendance: "\"attendance\""
    case .directElectionRate: "\"direct-election-rate\""
    case .renewalRate: "\"renewal-rate\""
    case .successRate: "\"success-rate\""
    case .voters: "\"voters\""
    case .voted: "\"voted\""
    case .elected: "\"elected\""
    case .womenShare: "\"women-share\""
    case .partyMemberShare: "\"party-member-share\""
    case .collegeShare: "\"college-share\""
    case .minorityShare: "\"minority-share\""
    case .reElectedShare: "\"re-elected-share\""
    case .averageAge: "\"average-age\""
    }
  }

  /// `"note"`, `"warning"`, `"error"`: `Finding.Severity.rawValue` quoted.
  @inline(__always)
  static func of(_ severity: Finding.Severity) -> StaticString {
    switch severity {
    case .note: "\"note\""
    case .warning: "\"warning\""
    case .error: "\"error\""
    }
  }

  /// The longest name above, quotes included.
  static let bound = 32
}
