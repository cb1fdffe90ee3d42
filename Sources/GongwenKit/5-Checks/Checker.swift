/// Runs the rules over a parsed file and places each finding in the document it belongs to.
struct Checker: Sendable {
  /// Every rule, in documentation order.
  static let allRules: [any Rule] = [
    BlankNumberRule(), PlaceholderNumberRule(), PlaceholderNameRule(), PlaceholderDateRule(), LostDecimalRule(),
    InvalidBytesRule(), SumMismatchRule(), PercentMismatchRule(), PercentTotalRule(), BoilerplateRule(),
  ]

  /// The rules to run.
  var rules: [any Rule] = Checker.allRules

  /// Every finding in `file`, in text order.
  func findings(in file: InputFile) -> [Finding] {
    findings(in: RuleContext(file))
  }

  /// Every finding in `context`, in text order (rules in documentation order at the same offset).
  func findings(in context: RuleContext) -> [Finding] {
    var out: [Finding] = []
    for rule in rules { rule.check(context, into: &out) }
    // A stable sort keeps rule order for findings at the same offset.
    return out.enumerated().sorted {
      ($0.element.start.offset, $0.offset) < ($1.element.start.offset, $1.offset)
    }.map(\.element)
  }

  /// `documents` with each finding (in text order, as `findings(in:)` returns them) added to the document
  /// holding it (front matter to the first, debris to the last).
  static func distribute(_ findings: [Finding], over documents: [Document]) -> [Document] {
    var documents = documents
    guard !documents.isEmpty else { return documents }
    // Findings and documents are both in text order: one merge pass.
    var index = 0
    for finding in findings {
      let offset = finding.start.offset
      while index + 1 < documents.count && documents[index + 1].range.lowerBound <= offset { index += 1 }
      documents[index].findings.append(finding)
    }
    return documents
  }
}
