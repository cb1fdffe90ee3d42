/// One summary within a file: its title, heading tree, figures and findings.
public struct Document: Sendable, Hashable {
  /// 1-based position within the file.
  public let index: Int
  /// The title line as written (without a 【第N篇】 marker standing alone on its line).
  public let title: String
  /// UTF-8 offsets of the document's text, from its first line to the end of its last.
  public let range: Range<Int>
  /// First line (the title or its 篇 marker).
  public let firstLine: Int
  /// Last line with text.
  public let lastLine: Int
  /// Simplified, traditional or mixed, from the Han characters used.
  public let script: ScriptFolding.Script
  /// Top-level sections, in order.
  public let sections: [Section]
  /// Inline items before the first heading.
  public let items: [InlineItem]
  /// Statistics found in the document, in text order.
  public var figures: [Figure]
  /// What the checks found, in text order.
  public var findings: [Finding]

  /// The heading path at `offset`: `二/（一）/1`; empty outside any section.
  public func sectionPath(at offset: Int) -> String {
    var parts: [String] = []
    var level = sections
    while let section = level.last(where: { $0.range.lowerBound <= offset }), section.range.contains(offset) {
      parts.append(section.pathComponent)
      level = section.children
    }
    return parts.joined(separator: "/")
  }

  /// Every section, depth first.
  public var allSections: [Section] {
    var out: [Section] = []
    func walk(_ s: [Section]) { for x in s { out.append(x); walk(x.children) } }
    walk(sections)
    return out
  }
}
