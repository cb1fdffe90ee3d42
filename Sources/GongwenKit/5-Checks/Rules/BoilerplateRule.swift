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
    // Pieces joined once: interpolation appended them one by one.
    let said = message(
      "web-page ", name, " on lines ", String(block.firstLine), "–", String(block.lastLine), " kept apart from the documents")
    findings.append(
      Finding(
        rule: Self.id, severity: Self.severity, message: said, start: text.location(of: block.range.lowerBound),
        end: text.location(of: block.range.upperBound), text: Self.shortened(block)))
  }

  /// The first 40 scalars of the block's text and "…", or its whole text when it is no longer; counted on
  /// its bytes, which stop at the 41st scalar, and only what is shown made a String (a front matter may
  /// be long).
  static func shortened(_ block: InputFile.Block) -> String {
    block.source.withBytes(in: block.range) { p in
      var scalars = 0
      for i in p.indices where p[i] & 0xC0 != 0x80 {
        guard scalars == 40 else {
          scalars += 1
          continue
        }
        return String(unsafeUninitializedCapacity: i + 3) { buffer in
          guard let to = buffer.baseAddress, let from = p.baseAddress else { return 0 }
          to.initialize(from: from, count: i)
          // … is E2 80 A6.
          (buffer[i], buffer[i + 1], buffer[i + 2]) = (0xE2, 0x80, 0xA6)
          return i + 3
        }
      }
      return String(decoding: p, as: UTF8.self)
    }
  }
}
