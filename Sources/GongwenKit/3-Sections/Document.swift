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
    var path = ""
    var level = sections
    while true {
      // Siblings are in text order: binary search for the last one starting at or before `offset`.
      var low = 0
      var high = level.count
      while low < high {
        let mid = (low + high) / 2
        if level[mid].range.lowerBound <= offset { low = mid + 1 } else { high = mid }
      }
      guard low > 0, level[low - 1].range.contains(offset) else { break }
      if !path.isEmpty { path.append("/") }
      path.append(level[low - 1].pathComponent)
      level = level[low - 1].children
    }
    return path
  }

  /// Every section, depth first.
  public var allSections: [Section] {
    var out: [Section] = []
    func walk(_ s: [Section]) { for x in s { out.append(x); walk(x.children) } }
    walk(sections)
    return out
  }
}
