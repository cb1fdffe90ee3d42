import Testing

@testable import GongwenKit

@Suite("Section paths: markers without their closing punctuation, joined by /")
struct SectionPathTests {
  @Test("closing 、 . ． ， , are dropped; brackets stay", arguments: [
    ("一、", "一"), ("1.", "1"), ("１．", "１"), ("3，", "3"), ("2,", "2"), ("（一）", "（一）"), ("(1)", "(1)"),
    ("第一部分", "第一部分"), ("十二、", "十二"),
  ])
  func pathComponent(_ marker: String, _ component: String) {
    let section = Section(
      level: 1, marker: marker, ordinal: 1, group: 1, title: "", location: SourceLocation(line: 1, column: 1, offset: 0),
      range: 0..<1, items: [], children: [])
    #expect(section.pathComponent == component)
  }

  @Test("the path of an offset inside （一） under 二、 in the half-width heading fixture")
  func pathOfOffset() throws {
    let document = try #require(Fixtures.file("sections/headings-halfwidth.txt").documents.first)
    let registration = try #require(document.sections.first?.children.first)
    let districts = try #require(registration.children.first?.children.last)
    #expect(document.sectionPath(at: districts.range.lowerBound) == "一/(一)/1/(2)")
    #expect(document.sectionPath(at: 0) == "")
  }
}
