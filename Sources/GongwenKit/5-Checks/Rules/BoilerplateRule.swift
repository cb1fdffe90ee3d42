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
    // One call per block: an array of the two blocks cost more than the rest of the rule in most files.
    if let front = context.front { check(front, "front matter", in: context, into: &findings) }
    if let trailer = context.trailer { check(trailer, "trailing text", in: context, into: &findings) }
  }

  private func check(_ block: InputFile.Block, _ name: String, in context: RuleContext, into findings: inout [Finding]) {
    let text = context.text
    findings.append(
      Finding(
        rule: Self.id, severity: Self.severity,
        message: "web-page \(name) on lines \(block.firstLine)–\(block.lastLine) kept apart from the documents",
        start: text.location(of: block.range.lowerBound), end: text.location(of: block.range.upperBound),
        text: Self.shortened(block.text)))
  }

  /// The first 40 scalars of `text` and "…", or `text` when it is no longer; counted on UTF-8 bytes, which
  /// stop at the 41st scalar (a front matter may be long).
  static func shortened(_ text: String) -> String {
    var utf8 = text
    let cut = utf8.withUTF8 { p -> String? in
      var scalars = 0
      for i in p.indices where p[i] & 0xC0 != 0x80 {
        if scalars == 40 { return String(decoding: UnsafeBufferPointer(rebasing: p[..<i]), as: UTF8.self) + "…" }
        scalars += 1
      }
      return nil
    }
    return cut ?? text
  }
}
