import Testing

@testable import GongwenKit

@Suite("SectionPathCursor: Document.sectionPath(at:) in one forward pass")
struct SectionPathCursorTests {
  @Test("every offset of the sample, in order, has the path Document.sectionPath(at:) gives")
  func forward() throws {
    let file = try #require(Fixtures.sample)
    var checked = 0
    for document in file.documents {
      var cursor = SectionPathCursor(document)
      for offset in document.range {
        #expect(cursor.path(at: offset) == document.sectionPath(at: offset), "offset \(offset)")
        checked += 1
      }
    }
    #expect(checked > 1000)
  }

  @Test("offsets that go back, and repeat, still get their own paths")
  func backward() throws {
    let document = try #require(Fixtures.file("sections/headings-halfwidth.txt").documents.first)
    var cursor = SectionPathCursor(document)
    let offsets = Array(document.range.reversed()) + [0, 0] + Array(document.range.striding(by: 7))
    for offset in offsets {
      #expect(cursor.path(at: offset) == document.sectionPath(at: offset), "offset \(offset)")
    }
    let deepest = try #require(document.sections.first?.children.first?.children.first?.children.last)
    #expect(cursor.path(at: deepest.range.lowerBound) == "一/(一)/1/(2)")
  }

  @Test("the cursor trims each marker as Section.pathComponent does", arguments: [
    "一、", "1.", "１．", "3，", "2,", "（一）", "(1)", "第一部分", "十二、", "1.,", "一、、", "、", ".", "", "ａ，．、",
    "a long marker past fifteen bytes、",
  ])
  func component(_ marker: String) {
    let section = Section(
      level: 1, marker: marker, ordinal: 1, group: 1, title: "", location: SourceLocation(line: 1, column: 1, offset: 0),
      range: 0..<1, items: [], children: [])
    var cursor = SectionPathCursor(sections: [section])
    #expect(cursor.path(at: 0) == section.pathComponent)
  }
}

extension Range where Bound == Int {
  fileprivate func striding(by step: Int) -> StrideTo<Int> { Swift.stride(from: lowerBound, to: upperBound, by: step) }
}
