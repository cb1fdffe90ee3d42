/// `boilerplate` (note): web-page front matter (site name, 网友 分享 时间, 【导言】…) before the first
/// document, or debris after the last, kept apart from the documents so that no figure or heading comes
/// from it. Nothing to repair; the note says which lines were set aside.
///
///     Before: 网友 分享 时间: … 换届选举工作总结【第一篇】
///     Finding: web-page front matter on lines 1–5 kept apart from the documents
struct BoilerplateRule: Rule {
  static let id = "boilerplate"
  static let severity = Finding.Severity.note
  static let summary = "Scraped web-page front matter or trailer kept apart from the documents."

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    for (block, name) in [(context.front, "front matter"), (context.trailer, "trailing text")] {
      guard let block else { continue }
      let text = context.text
      findings.append(
        Finding(
          rule: Self.id, severity: Self.severity,
          message: "web-page \(name) on lines \(block.firstLine)–\(block.lastLine) kept apart from the documents",
          start: text.location(of: block.range.lowerBound), end: text.location(of: block.range.upperBound),
          text: block.text.unicodeScalars.count > 40 ? String(String.UnicodeScalarView(block.text.unicodeScalars.prefix(40))) + "…" : block.text))
    }
  }
}
