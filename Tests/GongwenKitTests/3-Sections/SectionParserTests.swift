import Testing

@testable import GongwenKit

@Suite("SectionParser: GB/T 9704 heading levels and inline items")
struct SectionParserTests {
  @Test("half-width markers: 一、 (一) 1. (1) nest by level")
  func halfWidth() throws {
    let document = try #require(Fixtures.file("sections/headings-halfwidth.txt").documents.first)
    let one = try #require(document.sections.first)
    #expect(document.sections.map(\.marker) == ["一、", "二、"])
    #expect(one.children.map(\.marker) == ["(一)", "(二)"])
    let registration = one.children[0]
    #expect(registration.level == 2 && registration.title == "选民登记" && registration.location.line == 5)
    #expect(registration.children.map(\.marker) == ["1.", "2."])
    let districts = registration.children[0]
    #expect(districts.level == 3 && districts.title == "选区划分" && districts.ordinal == 1)
    #expect(districts.children.map(\.title) == ["城镇选区", "农村选区"])
    #expect(districts.children.map(\.level) == [4, 4])
    #expect(districts.children[1].location.line == 13 && districts.children[1].location.column == 1)
  }

  @Test("full-width markers: （一） １． （１） match alike, markers kept as written")
  func fullWidth() throws {
    let document = try #require(Fixtures.file("sections/headings-fullwidth.txt").documents.first)
    let registration = try #require(document.sections.first?.children.first)
    #expect(registration.marker == "（一）" && registration.level == 2)
    let districts = try #require(registration.children.first)
    #expect(districts.marker == "１．" && districts.level == 3 && districts.ordinal == 1)
    #expect(districts.children.map(\.marker) == ["（１）", "（２）"])
    #expect(districts.children.map(\.ordinal) == [1, 2])
  }

  @Test("a numbering that starts again at one opens a new sibling group, never a child")
  func restartedNumbering() throws {
    let document = try #require(Fixtures.file("sections/restarted-numbering.txt").documents.first)
    #expect(document.sections.map(\.marker) == ["一、", "二、", "三、", "一、", "二、"])
    #expect(document.sections.map(\.group) == [1, 1, 1, 2, 2])
    #expect(document.sections.allSatisfy { $0.children.isEmpty && $0.level == 1 })
    #expect(document.sections[3].location.line == 11)
  }

  @Test("inline 一是…二是…三是… and 首先/其次/最后 become items of their section")
  func inlineItems() throws {
    let document = try #require(Fixtures.file("sections/inline-items.txt").documents.first)
    let section = try #require(document.sections.first)
    #expect(section.items.map(\.marker) == ["一是", "二是", "三是", "首先", "其次", "最后"])
    #expect(section.items.map(\.ordinal) == [1, 2, 3, 1, 2, 3])
    #expect(section.items[0].title == "摸清底数，逐户登记")
    #expect(section.items[2].title == "强化监督")
    #expect(section.items[0].location.line == 5 && section.items[0].location.column == 9)
    #expect(section.items[3].location.line == 7 && section.items[3].location.column == 1)
  }

  @Test("第一部分 and 第二、 are level 1; 1.5万 and 2023.5 are not headings")
  func partHeadings() throws {
    let document = try #require(Fixtures.file("sections/part-headings.txt").documents.first)
    #expect(document.sections.map(\.marker) == ["第一部分", "第二、"])
    #expect(document.sections.map(\.title) == ["工作回顾", "存在问题"])
    #expect(document.sections.map(\.ordinal) == [1, 2])
  }

  @Test("CRLF line endings and ideographic indentation: positions as with LF")
  func crlfPositions() throws {
    let document = try #require(Fixtures.file("sections/crlf-headings.txt").documents.first)
    let one = try #require(document.sections.first)
    #expect(one.location.line == 3 && one.location.column == 1)
    let child = try #require(one.children.first)
    #expect(child.title == "选民登记" && child.location.line == 5 && child.location.column == 3)
    #expect(child.items.first?.location.line == 7 && child.items.first?.location.column == 3)
  }

  @Test("section paths name the markers without closing punctuation")
  func sectionPath() throws {
    let file = try Fixtures.file("sections/headings-halfwidth.txt")
    let document = try #require(file.documents.first)
    let text = file.text
    let offset = try #require(text.lines.lineStarts.dropFirst(12).first)  // line 13: (2)农村选区
    #expect(document.sectionPath(at: offset) == "一/(一)/1/(2)")
    #expect(document.sectionPath(at: 0) == "")
  }
}
