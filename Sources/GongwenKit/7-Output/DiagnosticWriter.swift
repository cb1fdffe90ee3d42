/// Writes findings the way compilers do, one per line, so editors and `grep` jump to them:
///
///     2021/东城区.txt:12:7: warning: 参选率 has no number (占%) [blank-number]
///
/// Colors (bold path, red error, magenta warning, cyan note) only when `colored` is set: the caller
/// decides from the terminal, `NO_COLOR`, `TERM=dumb` and `--color`.
public struct DiagnosticWriter: Sendable {
  /// Whether to add ANSI colors.
  public var colored: Bool

  /// Creates a writer.
  public init(colored: Bool = false) { self.colored = colored }

  /// Appends one line for `finding` in the file at `path` (as the user typed it).
  public func write(_ finding: Finding, path: String, to out: inout [UInt8]) {
    if colored { out.append(contentsOf: "\u{1B}[1m".utf8) }
    out.append(contentsOf: "\(path):\(finding.start.line):\(finding.start.column): ".utf8)
    if colored {
      let color =
        switch finding.severity {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;35m"
        case .note: "\u{1B}[1;36m"
        }
      out.append(contentsOf: "\u{1B}[0m\(color)\(finding.severity.rawValue):\u{1B}[0m ".utf8)
    } else {
      out.append(contentsOf: "\(finding.severity.rawValue): ".utf8)
    }
    out.append(contentsOf: finding.message.utf8)
    out.append(contentsOf: " [\(finding.rule)]\n".utf8)
  }

  /// Appends one line for an input that could not be read: `scan.png: error: not text (PNG image) [input-error]`.
  public func write(_ error: InputError, to out: inout [UInt8]) {
    if colored { out.append(contentsOf: "\u{1B}[1m".utf8) }
    out.append(contentsOf: error.path.utf8)
    if let location = error.location { out.append(contentsOf: ":\(location.line):\(location.column)".utf8) }
    out.append(contentsOf: (colored ? ": \u{1B}[0m\u{1B}[1;31merror:\u{1B}[0m " : ": error: ").utf8)
    out.append(contentsOf: error.message.utf8)
    out.append(contentsOf: " [\(RuleDescriptor.inputError.id)]\n".utf8)
  }

  /// The closing summary: `2 errors, 93 warnings, 1 note in 1 file`.
  public static func summary(errors: Int, warnings: Int, notes: Int, files: Int) -> String {
    func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
    var parts = [count(errors, "error"), count(warnings, "warning")]
    if notes > 0 { parts.append(count(notes, "note")) }
    return parts.joined(separator: ", ") + " in " + count(files, "file")
  }
}
