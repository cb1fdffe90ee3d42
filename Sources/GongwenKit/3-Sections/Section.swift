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
    // On the UTF-8 bytes: every figure's section path is built from these, and scalar-view edits cost
    // a third of JSON writing.
    var marker = marker
    let end = marker.withUTF8 { u in
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
    // （一） and （1） end in no such mark: the marker itself, not a copy.
    guard end < marker.utf8.count else { return marker }
    return marker.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[..<end]), as: UTF8.self) }
  }
}
