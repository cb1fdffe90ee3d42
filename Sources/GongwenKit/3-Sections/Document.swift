/// One summary within a file: its title, heading tree, figures and findings.
///
/// The title is a byte range into the file's decoded text, made into a `String` only when read: a document
/// keeps its file's decoded text (`DecodedText.bytes`) alive. Equal and hashed by content.
public struct Document: Sendable, Hashable {
  /// 1-based position within the file.
  public let index: Int
  /// The title line as written (without a 【第N篇】 marker standing alone on its line).
  public var title: String { source.utf8String(titleRange) }
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
  /// The decoded text `titleRange` points into.
  let source: [UInt8]
  /// The title's bytes in `source`.
  let titleRange: Range<Int>

  /// A document without figures or findings yet, its title `title` of `source` (the file's decoded text).
  init(
    index: Int, title: Range<Int>, range: Range<Int>, firstLine: Int, lastLine: Int, script: ScriptFolding.Script,
    sections: [Section], items: [InlineItem], source: [UInt8]
  ) {
    self.index = index
    self.titleRange = title
    self.range = range
    self.firstLine = firstLine
    self.lastLine = lastLine
    self.script = script
    self.sections = sections
    self.items = items
    self.figures = []
    self.findings = []
    self.source = source
  }

  /// Same fields, the title compared by its bytes.
  public static func == (a: Document, b: Document) -> Bool {
    a.index == b.index && a.range == b.range && a.firstLine == b.firstLine && a.lastLine == b.lastLine
      && a.script == b.script && a.source.sameBytes(a.titleRange, as: b.source, b.titleRange)
      && a.sections == b.sections && a.items == b.items && a.figures == b.figures && a.findings == b.findings
  }

  /// The fields `==` compares, the title by its bytes.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(index)
    source.hashBytes(titleRange, into: &hasher)
    hasher.combine(range)
    hasher.combine(firstLine)
    hasher.combine(lastLine)
    hasher.combine(script)
    hasher.combine(sections)
    hasher.combine(items)
    hasher.combine(figures)
    hasher.combine(findings)
  }

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
