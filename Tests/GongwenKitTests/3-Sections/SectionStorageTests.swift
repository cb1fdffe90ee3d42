import Testing

@testable import GongwenKit

@Suite("Sections and items keep byte ranges: made from strings or by the parser, they read and compare alike")
struct SectionStorageTests {
  /// The first section of the inline-item fixture, as the parser makes it (ranges into the file's text).
  private func parsed() throws -> Section {
    try #require(Fixtures.file("sections/inline-items.txt").documents.first?.sections.first)
  }

  /// `item` rebuilt from its public properties: its own storage, marker and title only.
  private func copy(_ item: InlineItem, title: String? = nil) -> InlineItem {
    InlineItem(marker: item.marker, ordinal: item.ordinal, title: title ?? item.title, location: item.location)
  }

  /// `section` rebuilt from its public properties, items and children too.
  private func copy(_ section: Section, title: String? = nil) -> Section {
    Section(
      level: section.level, marker: section.marker, ordinal: section.ordinal, group: section.group,
      title: title ?? section.title, location: section.location, range: section.range,
      items: section.items.map { copy($0) }, children: section.children.map { copy($0) })
  }

  @Test("a section and its items made from strings equal the parser's and hash alike")
  func equalToParsed() throws {
    let section = try parsed()
    try #require(section.items.count == 6)
    let made = copy(section)
    #expect(made.source.count < section.source.count)  // its own storage, not the file's text
    #expect(made == section)
    #expect(made.hashValue == section.hashValue)
    for (a, b) in zip(made.items, section.items) {
      #expect(a == b)
      #expect(a.hashValue == b.hashValue)
    }
    #expect(Set([made, section]).count == 1)
  }

  @Test("properties read back exactly as written, whichever way the record was made")
  func readBack() throws {
    let section = try parsed()
    #expect(section.marker == "一、" && section.title == "主要做法" && section.pathComponent == "一")
    #expect(section.items[0].marker == "一是" && section.items[0].title == "摸清底数，逐户登记")
    #expect(section.items[5].marker == "最后" && section.items[5].title == "，组织投票")
    let made = Section(
      level: 2, marker: "（十二）", ordinal: 12, group: 1, title: "选民登记", location: SourceLocation(line: 3, column: 1, offset: 9),
      range: 9..<40, items: [InlineItem(marker: "其次", ordinal: 2, title: "", location: SourceLocation(line: 4, column: 2, offset: 20))],
      children: [])
    #expect(made.marker == "（十二）" && made.title == "选民登记" && made.pathComponent == "（十二）")
    #expect(made.items[0].marker == "其次" && made.items[0].title == "")
  }

  @Test("a title, an item's title or a marker that differs by one character makes records unequal")
  func unequal() throws {
    let section = try parsed()
    #expect(copy(section, title: "主要作法") != section)
    #expect(copy(section.items[1], title: "严格程序，公开透明。") != section.items[1])
    let items = section.items.enumerated().map { $0.offset == 2 ? copy($0.element, title: "强化监管") : $0.element }
    let changed = Section(
      level: section.level, marker: section.marker, ordinal: section.ordinal, group: section.group, title: section.title,
      location: section.location, range: section.range, items: items, children: section.children)
    #expect(changed != section)
    let marker = Section(
      level: section.level, marker: "一.", ordinal: section.ordinal, group: section.group, title: section.title,
      location: section.location, range: section.range, items: section.items, children: section.children)
    #expect(marker != section)
    // Marker and title run together alike ("一、主" + "要做法") but are different fields.
    let shifted = Section(
      level: section.level, marker: "一、主", ordinal: section.ordinal, group: section.group, title: "要做法",
      location: section.location, range: section.range, items: section.items, children: section.children)
    #expect(shifted != section)
  }
}
