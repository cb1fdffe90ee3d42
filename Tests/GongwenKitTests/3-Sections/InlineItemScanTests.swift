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

  @Test("an item starts at the line start or right after a clause mark, not inside a word")
  func itemStartsNeedABoundary() throws {
    let file = try Fixtures.parse("工作总结\n一、概况\n一是选民登记，二是资格审查;三是正式选举。统一是原则，五是延续\n")
    let section = try #require(file.documents.first?.sections.first)
    #expect(section.items.map(\.marker) == ["一是", "二是", "三是", "五是"])
    #expect(section.items.map(\.ordinal) == [1, 2, 3, 5])
    #expect(section.items.map(\.location.column) == [1, 8, 15, 28])
  }

  @Test("the Han scan finds the scalars after a clause mark that may start an item, and a traditional form")
  func hanScan() {
    let bytes = Array("選一a其，十最;首。x".utf8)
    let scan = bytes.withUnsafeBufferPointer { SectionParser.scanHan($0, from: 0, to: bytes.count) }
    #expect(scan.holdsTraditional)
    #expect(scan.itemStarts == [13, 20])
    let simplified = Array("选一".utf8)
    #expect(!simplified.withUnsafeBufferPointer { SectionParser.scanHan($0, from: 0, to: simplified.count) }.holdsTraditional)
  }

  @Test("a scan that ends before a line break (no bound test per Han scalar) sees nothing after it, as one at the end")
  func hanScanStopsAtLineBreak() {
    // Han runs reach the end, then a traditional form and item starts lie after the break.
    for document in ["选举，其一，首先", "选，十", "一", "，二", "甲a", ""] {
      let head = Array(document.utf8)
      let whole = head + Array("\n選舉，其二;首\r\n".utf8)
      let inPlace = whole.withUnsafeBufferPointer { SectionParser.scanHan($0, from: 0, to: head.count) }
      let alone = head.withUnsafeBufferPointer { SectionParser.scanHan($0, from: 0, to: head.count) }
      #expect(!inPlace.holdsTraditional && !alone.holdsTraditional, "\(document)")
      #expect(inPlace.itemStarts == alone.itemStarts, "\(document)")
      #expect(inPlace.itemStarts.allSatisfy { $0 < head.count })
    }
    let traditional = Array("选選\n\n".utf8)
    #expect(traditional.withUnsafeBufferPointer { SectionParser.scanHan($0, from: 0, to: 6) }.holdsTraditional)
    #expect(!traditional.withUnsafeBufferPointer { SectionParser.scanHan($0, from: 0, to: 3) }.holdsTraditional)
  }
}
