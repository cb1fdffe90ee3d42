import Testing

@testable import GongwenKit

@Suite("DocumentSplitter: documents, front matter and trailer")
struct DocumentSplitterTests {
  @Test("【第N篇】 markers split documents; a bare marker line takes the next line as title")
  func pieceMarkers() throws {
    let file = try Fixtures.file("sections/multi-document.txt")
    #expect(file.documents.count == 2)
    #expect(file.documents.map(\.firstLine) == [7, 14])
    #expect(file.documents[0].title == "青禾镇村委会换届选举工作总结")
    #expect(file.documents[1].title == "【第2篇】石桥乡人大代表选举工作总结")
    #expect(file.documents[0].lastLine == 12)
    #expect(file.documents[1].sections.map(\.title) == ["主要做法", "几点体会"])
  }

  @Test("the 篇 marker of a line: 【第N篇】 anywhere, 第N篇 or 篇N ending it, never in a sentence", arguments: [
    ("【第12篇】选举工作总结", "【第12篇】"),
    ("选举工作总结【第三篇】", "【第三篇】"),
    ("选举工作总结 第１２篇", "第１２篇"),
    ("选举工作总结 篇7", "篇7"),
    ("第2篇 篇幅有限", nil),
    ("本篇第3篇。", nil),
    ("第篇】", nil),
    ("篇一 与 篇二十", "篇二十"),
  ] as [(String, String?)])
  func pieceMarker(_ text: String, _ marker: String?) {
    let bytes = Array(text.utf8)
    let range = bytes.withUnsafeBufferPointer { DocumentSplitter.pieceMarker(in: 0..<bytes.count, p: $0) }
    #expect(range.map { String(decoding: bytes[$0], as: UTF8.self) } == marker)
  }

  @Test("front matter and trailing debris are kept apart, never documents")
  func frontAndTrailer() throws {
    let file = try Fixtures.file("sections/multi-document.txt")
    let front = try #require(file.front)
    #expect(front.firstLine == 1 && front.lastLine == 5)
    let trailer = try #require(file.trailer)
    #expect(trailer.firstLine == 20 && trailer.lastLine == 21 && trailer.text == "【返回目录】\n12 345")
    #expect(file.documents[1].lastLine == 18)
    let notes = file.documents.flatMap(\.findings).filter { $0.rule == "boilerplate" }
    #expect(notes.map(\.start.line) == [1, 20])
  }

  @Test("a repeated title line starts another document")
  func repeatedTitle() throws {
    let file = try Fixtures.file("sections/repeated-title.txt")
    #expect(file.documents.map(\.firstLine) == [1, 7])
    #expect(file.documents.map(\.title) == ["柳塘镇换届选举工作总结", "柳塘镇换届选举工作总结"])
    #expect(file.front == nil && file.trailer == nil)
  }

  @Test("a file without markers is one document titled by its first line")
  func singleDocument() throws {
    let file = try Fixtures.file("sections/headings-halfwidth.txt")
    #expect(file.documents.count == 1)
    #expect(file.documents[0].title == "青禾镇换届选举工作总结" && file.documents[0].firstLine == 1)
    #expect(file.documents[0].lastLine == 19)
  }

  @Test("empty text still yields one empty document")
  func emptyText() throws {
    let file = try Fixtures.parse("")
    #expect(file.documents.count == 1 && file.documents[0].sections.isEmpty)
  }
}

@Suite("Document titles")
struct DocumentTitleTests {
  @Test("a title line longer than 200 scalars is cut at 200")
  func longTitle() throws {
    let line = String(repeating: "选举", count: 150) + "。"
    let file = try Fixtures.parse(line + "\n正文。\n")
    let title = try #require(file.documents.first?.title)
    #expect(title.unicodeScalars.count == 200 && title == String(repeating: "选举", count: 100))
  }
}
