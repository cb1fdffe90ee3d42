import Testing

@testable import GongwenKit

@Suite("Marker strings: a table lookup gives the string the bytes would make")
struct MarkerStringsTests {
  /// `MarkerStrings.string` and the plain constructor on `text[range]`, with `padding` bytes after the text.
  private func both(_ text: [UInt8], _ range: Range<Int>, padding: Int) -> (String, String) {
    let bytes = text + [UInt8](repeating: 0x41, count: padding)
    return bytes.withUnsafeBufferPointer { p in (MarkerStrings.string(range, p), SectionParser.string(range, p)) }
  }

  @Test("every marker in the table, with and without room for the 16-byte read after it")
  func everyMarker() {
    for marker in MarkerStrings.markers {
      let bytes = Array("前".utf8) + Array(marker.utf8)
      let range = 3..<bytes.count
      for padding in [0, 1, 15, 16] {
        let (fast, plain) = both(bytes, range, padding: padding)
        #expect(fast == plain, "\(marker) padding \(padding)")
        #expect(fast == marker)
      }
    }
  }

  @Test("bytes that are no marker, of every length up to 17, and a marker cut short")
  func otherBytes() {
    let text = Array("第二十一部分（十）甲乙丙".utf8)
    for count in 0...17 {
      for start in [0, 1, 3] where start + count <= text.count {
        let (fast, plain) = both(text, start..<(start + count), padding: 16)
        #expect(fast == plain, "\(start) \(count)")
      }
    }
    // 一、 without its last byte, and 1. before a digit: bytes the table does not hold.
    let cut = Array("一、".utf8)
    #expect(both(cut, 0..<5, padding: 16).0 == both(cut, 0..<5, padding: 16).1)
    #expect(both(Array("12.3".utf8), 1..<3, padding: 16).0 == "2.")
  }
}
