/// A heading and what stands under it, by the GB/T 9704 levels: 一、 (1), （一） (2), 1. (3), （1） (4).
public struct Section: Sendable, Hashable {
  /// 1 to 4, from the marker's form.
  public let level: Int
  /// The marker as written: `一、`, `（一）`, `(一)`, `1.`, `１．`, `（1）`, `第一部分`.
  public let marker: String
  /// The marker's number: 一 → 1, （三） → 3.
  public let ordinal: Int
  /// Numbering runs among siblings at this level: 1, then 2 after a numbering that starts again at one.
  public let group: Int
  /// The heading text after its marker, to the first 。 or the end of the line.
  public let title: String
  /// Where the marker starts.
  public let location: SourceLocation
  /// UTF-8 offsets from the heading's line start to the end of the section.
  public let range: Range<Int>
  /// Inline enumeration items in the section's own paragraphs (not in its children).
  public let items: [InlineItem]
  /// Subsections.
  public let children: [Section]

  /// The marker without closing punctuation, for paths: `一、` → `一`, `1.` → `1`, `（一）` stays.
  public var pathComponent: String {
    var s = marker
    while let last = s.unicodeScalars.last, "、.．，,".unicodeScalars.contains(last) {
      s.unicodeScalars.removeLast()
    }
    return s
  }
}
