/// `placeholder-name` (warning): a place, office or person masked when the text was published: **区,
/// *镇, xx街道, XX街, X镇, ××县, 某某, and a lone * where a name stood (企业厂长*). Full-width and
/// traditional forms count too (ＸＸ區).
///
///     Before: 漳州市**区镇级人大换届选举
///     After:  漳州市芗城区镇级人大换届选举
struct PlaceholderNameRule: Rule {
  static let id = "placeholder-name"
  static let severity = Finding.Severity.warning
  static let summary = "A masked name: **区, *镇, xx街道, XX街, X镇, ××县, 某某."

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for match in context.placeholders where match.kind == .name {
      let text = context.text.string(match.range)
      findings.append(finding(message("masked name ", text), range: match.range, text: text, in: context))
    }
  }
}
