import Testing

@testable import GongwenKit

@Suite("The user's sample: documents and heading trees")
struct SampleStructureTests {
  @Test("five documents with titles on lines 7, 51, 97, 135 and 199")
  func fiveDocuments() throws {
    let file = try #require(Fixtures.sample)
    #expect(file.documents.count == 5)
    #expect(file.documents.map(\.firstLine) == [7, 51, 97, 135, 199])
    #expect(file.documents[0].title == "换届选举工作总结【第一篇】")
    #expect(file.front?.firstLine == 1 && file.front?.lastLine == 5)
    #expect(file.trailer?.firstLine == 243 && file.trailer?.lastLine == 244)
  }

  @Test("document 5: 一、 with (一)(二), 二、 with (一)–(四), 三、 with (一)–(三)")
  func documentFiveTree() throws {
    let file = try #require(Fixtures.sample)
    let tree = file.documents[4].sections
    #expect(tree.map(\.marker) == ["一、", "二、", "三、"])
    #expect(tree.map(\.location.line) == [203, 217, 235])
    #expect(tree.map { $0.children.count } == [2, 4, 3])
    #expect(tree[0].children.map(\.title) == ["选举整体情况", "成员结构情况"])
    #expect(tree[1].children.map(\.ordinal) == [1, 2, 3, 4])
    #expect(tree.allSatisfy { $0.level == 1 } && tree[2].children.allSatisfy { $0.level == 2 })
  }

  @Test("document 4: 1、–4、 under 二、 and again under 三、")
  func documentFourTree() throws {
    let file = try #require(Fixtures.sample)
    let tree = file.documents[3].sections
    #expect(tree.map(\.title) == ["总体概况", "主要做法", "关于换届选举工作的几点体会", "存在的不足及改进措施"])
    #expect(tree[1].children.map(\.marker) == ["1、", "2、", "3、", "4、"])
    #expect(tree[2].children.map(\.marker) == ["1、", "2、", "3、", "4、"])
    #expect(tree[2].children[0].location.line == 175 && tree[2].children[0].level == 3)
  }
}
