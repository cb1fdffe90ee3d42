/// `blank-number` (warning): a measure word, unit or percent sign whose number is missing, as when a
/// template was published without its figures filled in: 共有名选民, 占%, 岁以上名, 参选率为%,
/// 划分为个选区, 比上届少。个百分点. Dates with no digits (月日) are `placeholder-date`.
///
///     Before: 全区共有名选民参加投票选举
///     After:  全区共有3214名选民参加投票选举
struct BlankNumberRule: Rule {
  static let id = "blank-number"
  static let severity = Finding.Severity.warning
  static let summary = "A measure word, unit or % with its number missing: 共有名选民, 占%."

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for figure in context.figures where figure.flags.contains(.blank) && figure.kind != .date {
      let what = figure.subject.isEmpty ? "the \(figure.kind.rawValue)" : figure.subject
      findings.append(finding("\(what) has no number (\(figure.text))", at: figure))
    }
  }
}
