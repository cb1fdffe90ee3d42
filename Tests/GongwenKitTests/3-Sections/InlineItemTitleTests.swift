import Testing

@testable import GongwenKit

@Suite("Inline item titles end at the next item")
struct InlineItemTitleTests {
  @Test("一是…，二是…，三是… with no 。 or ；: each title stops before the next marker, without its comma")
  func titlesStopAtNextItem() throws {
    let document = try #require(Fixtures.file("sections/inline-items-no-semicolon.txt").documents.first)
    let section = try #require(document.sections.first)
    #expect(section.items.map(\.marker) == ["一是", "二是", "三是"])
    #expect(section.items.map(\.title) == ["摸清底数", "严格程序", "强化监督"])
    #expect(section.items.map(\.location.column) == [1, 8, 15])
  }
}
