/// A heading and what stands under it, by the GB/T 9704 levels: 一、 (1), （一） (2), 1. (3), （1） (4).
///
/// The marker and title are byte ranges into the file's decoded text, made into `String`s only when read: a
/// section keeps its file's decoded text (`DecodedText.bytes`) alive. Equal and hashed by content (the bytes of
/// marker and title, never the rest of the text).
public struct Section: Sendable, Hashable {
  /// 1 to 4, from the marker's form.
  public let level: Int
  /// The marker as written: `一、`, `（一）`, `(一)`, `1.`, `１．`, `（1）`, `第一部分`.
  public var marker: String { source.utf8String(markerRange) }
  /// The marker's number: 一 → 1, （三） → 3.
  public let ordinal: Int
  /// Numbering runs among siblings at this level: 1, then 2 after a numbering that starts again at one.
  public let group: Int
  /// The heading text after its marker, to the first 。 or the end of the line.
  public var title: String { source.utf8String(titleRange) }
  /// Where the marker starts.
  public let location: SourceLocation
  /// UTF-8 offsets from the heading's line start to the end of the section.
  public let range: Range<Int>
  /// Inline enumeration items in the section's own paragraphs (not in its children).
  public let items: [InlineItem]
  /// Subsections.
  public let children: [Section]
  /// The decoded text the ranges point into (for a section made from strings, its marker and title alone).
  let source: [UInt8]
  /// The marker's bytes in `source`.
  let markerRange: Range<Int>
  /// The title's bytes in `source`.
  let titleRange: Range<Int>

  /// A section from strings (tests, library users); it reads back exactly as one the parser makes.
  init(
    level: Int, marker: String, ordinal: Int, group: Int, title: String, location: SourceLocation, range: Range<Int>,
    items: [InlineItem], children: [Section]
  ) {
    let (bytes, ranges) = [UInt8].joiningUTF8(marker, title)
    self.init(
      level: level, marker: ranges[0], ordinal: ordinal, group: group, title: ranges[1], location: location, range: range,
      items: items, children: children, source: bytes)
  }

  /// A section whose marker and title are `marker` and `title` of `source` (the parser's).
  init(
    level: Int, marker: Range<Int>, ordinal: Int, group: Int, title: Range<Int>, location: SourceLocation,
    range: Range<Int>, items: [InlineItem], children: [Section], source: [UInt8]
  ) {
    self.level = level
    self.markerRange = marker
    self.ordinal = ordinal
    self.group = group
    self.titleRange = title
    self.location = location
    self.range = range
    self.items = items
    self.children = children
    self.source = source
  }

  /// The marker without closing punctuation, for paths: `一、` → `一`, `1.` → `1`, `（一）` stays.
  public var pathComponent: String { withPathComponent { String(decoding: $0, as: UTF8.self) } }

  /// `body` over the UTF-8 of `pathComponent`, read in place.
  func withPathComponent<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    source.withBytes(in: markerRange) { body(UnsafeBufferPointer(rebasing: $0[..<Self.componentEnd(of: $0)])) }
  }

  /// How many bytes of `marker` make its path component: all but its closing `.` `,` `、` `．` `，`. Every
  /// figure's section path is built from these.
  @inline(__always)
  static func componentEnd(of marker: UnsafeBufferPointer<UInt8>) -> Int {
    let u = marker
    var end = u.count
    while end > 0 {
      let last = u[end - 1]
      if last == 0x2E || last == 0x2C {  // . ,
        end -= 1
      } else if end >= 3, u[end - 3] == 0xE3, u[end - 2] == 0x80, last == 0x81 {  // 、
        end -= 3
      } else if end >= 3, u[end - 3] == 0xEF, u[end - 2] == 0xBC, last == 0x8E || last == 0x8C {  // ． ，
        end -= 3
      } else {
        break
      }
    }
    return end
  }

  /// Same fields, marker and title compared by their bytes.
  public static func == (a: Section, b: Section) -> Bool {
    a.level == b.level && a.ordinal == b.ordinal && a.group == b.group && a.location == b.location
      && a.range == b.range && a.source.sameBytes(a.markerRange, as: b.source, b.markerRange)
      && a.source.sameBytes(a.titleRange, as: b.source, b.titleRange) && a.items == b.items && a.children == b.children
  }

  /// The fields `==` compares, marker and title by their bytes.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(level)
    source.hashBytes(markerRange, into: &hasher)
    hasher.combine(ordinal)
    hasher.combine(group)
    source.hashBytes(titleRange, into: &hasher)
    hasher.combine(location)
    hasher.combine(range)
    hasher.combine(items)
    hasher.combine(children)
  }
}
