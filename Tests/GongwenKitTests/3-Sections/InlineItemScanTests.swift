import Testing

@testable import GongwenKit

@Suite("Inline item scan: markers after long clauses, full-width and ASCII punctuation")
struct InlineItemScanTests {
  @Test("一是…四是 after clauses longer than the eight-byte skip, at their scalar columns")
  func itemsAfterLongClauses() throws {
    let document = try #require(Fixtures.file("sections/items-after-long-clauses.txt").documents.first)
    let section = try #require(document.sections.first)
    #expect(section.items.map(\.marker) == ["一是", "二是", "三是", "四是"])
    #expect(section.items.map(\.ordinal) == [1, 2, 3, 4])
    #expect(section.items.map(\.location.line) == [4, 4, 5, 5])
    #expect(section.items.map(\.location.column) == [25, 38, 28, 35])
    #expect(section.items[3].title == "依法登记选民")
  }

  @Test("the skip test flags ASCII, E3 and EF bytes and passes runs of Han", arguments: [
    ("本镇高度", false),  // E6 9C AC E9 95 87 E9 AB (first eight bytes)
    ("工作,", true),
    ("工作。", true),
    ("工作，", true),
  ])
  func skipTest(_ text: String, _ mayHold: Bool) {
    var bytes = Array(text.utf8)
    bytes += [UInt8](repeating: 0xE5, count: max(0, 8 - bytes.count))
    let word = bytes.prefix(8).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    #expect(SectionParser.mayHoldBoundary(word) == mayHold)
  }
}
