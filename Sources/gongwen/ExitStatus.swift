/// Exit statuses, grep's and diff's convention: the highest that applies wins.
enum ExitStatus: Int32, Comparable {
  /// Every input parsed, nothing reported.
  case success = 0
  /// The run completed and reported findings (`check`).
  case findings = 1
  /// A usage error, or an input that could not be read or decoded.
  case failure = 2

  static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}
