/// `placeholder-date` (warning): a date with letters where its digits belong, or none at all: 20xx年,
/// xxxx年, XX月XX日, x月xx日, x月中旬, 月日, and a title's year left out (《**区年镇级…方案》).
///
///     Before: x月xx日，我区召开居委会换届选举工作动员大会
///     After:  3月18日，我区召开居委会换届选举工作动员大会
struct PlaceholderDateRule: Rule {
  static let id = "placeholder-date"
  static let severity = Finding.Severity.warning
  static let summary = "A date with placeholders or no digits: 20xx年, xxxx年, XX月XX日, x月xx日, 月日, 《**区年…》."

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for match in context.placeholders where match.kind == .date {
      let text = context.text.string(match.range)
      let said = message("date ", text, text == "月日" ? " has no digits" : " has placeholders for its digits")
      findings.append(finding(said, range: match.range, text: text, in: context))
    }
    // A year with no number: a blank date figure of unit 年 (the extractor finds these only in titles).
    let figures = context.figures
    for k in figures.indices where figures[k].kind == .date && figures[k].unit == "年" && figures[k].flags.contains(.blank) {
      let quoted = BlankNumberRule.quote(k, of: figures, in: context.text.bytes)
      findings.append(finding(message("date ", quoted, " has no digits"), figure: k, of: figures))
    }
  }
}
