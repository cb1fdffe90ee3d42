/// An inline enumeration item in a paragraph: 一是…, 二是…, 首先…, 其次…, 最后….
public struct InlineItem: Sendable, Hashable {
  /// The marker as written: `一是`, `首先`.
  public let marker: String
  /// 1 for 一是 and 首先, 2 for 二是 and 其次; 最后 and 再次 follow the item before them.
  public let ordinal: Int
  /// The item's text after its marker, to the first 。；; or the end of the line.
  public let title: String
  /// Where the marker starts.
  public let location: SourceLocation
}
