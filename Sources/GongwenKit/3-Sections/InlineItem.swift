/// An inline enumeration item in a paragraph: 一是…, 二是…, 首先…, 其次…, 最后….
///
/// The marker and title are byte ranges into the file's decoded text, made into `String`s only when read: an
/// item keeps its file's decoded text (`DecodedText.bytes`) alive. Equal and hashed by content.
public struct InlineItem: Sendable, Hashable {
  /// The marker as written: `一是`, `首先`.
  public var marker: String { source.utf8String(markerRange) }
  /// 1 for 一是 and 首先, 2 for 二是 and 其次; 最后 and 再次 follow the item before them.
  public let ordinal: Int
  /// The item's text after its marker, to the first 。；; or the end of the line.
  public var title: String { source.utf8String(titleRange) }
  /// Where the marker starts.
  public let location: SourceLocation
  /// The decoded text the ranges point into (for an item made from strings, its marker and title alone).
  let source: [UInt8]
  /// The marker's bytes in `source`.
  let markerRange: Range<Int>
  /// The title's bytes in `source`.
  let titleRange: Range<Int>

  /// An item from strings (tests, library users); it reads back exactly as one the parser makes.
  init(marker: String, ordinal: Int, title: String, location: SourceLocation) {
    let (bytes, ranges) = [UInt8].joiningUTF8(marker, title)
    self.init(marker: ranges[0], ordinal: ordinal, title: ranges[1], location: location, source: bytes)
  }

  /// An item whose marker and title are `marker` and `title` of `source` (the parser's).
  init(marker: Range<Int>, ordinal: Int, title: Range<Int>, location: SourceLocation, source: [UInt8]) {
    self.markerRange = marker
    self.ordinal = ordinal
    self.titleRange = title
    self.location = location
    self.source = source
  }

  /// Same fields, marker and title compared by their bytes.
  public static func == (a: InlineItem, b: InlineItem) -> Bool {
    a.ordinal == b.ordinal && a.location == b.location && a.source.sameBytes(a.markerRange, as: b.source, b.markerRange)
      && a.source.sameBytes(a.titleRange, as: b.source, b.titleRange)
  }

  /// The fields `==` compares, marker and title by their bytes.
  public func hash(into hasher: inout Hasher) {
    source.hashBytes(markerRange, into: &hasher)
    hasher.combine(ordinal)
    source.hashBytes(titleRange, into: &hasher)
    hasher.combine(location)
  }
}
