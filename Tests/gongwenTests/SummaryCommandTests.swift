import Foundation
import Testing

@testable import gongwen

@Suite("gongwen with no arguments: a readable summary of the shipped sample")
struct SummaryCommandTests {
  @Test("the embedded sample is byte for byte the fixture")
  func embeddedSample() throws {
    let fixture = Array(try Data(contentsOf: URL(fileURLWithPath: CLI.fixture("sample/000_2d09065b1503b549.txt"))))
    #expect(Sample.bytes == fixture)
  }

  @Test("five documents with their outlines, key figures and findings, exit 0")
  func summary() throws {
    let run = CLI.run([])
    #expect(run.status == 0)
    let lines = run.outText.split(separator: "\n").map(String.init)
    #expect(lines.first == "000_2d09065b1503b549.txt: utf-8, 41773 bytes, 5 documents")
    #expect(lines.contains("front matter: lines 1–5 (kept apart)"))
    let titles = lines.filter { $0.first?.isNumber == true && $0.contains(". 换届") }
    #expect(titles.count == 5)
    #expect(titles.first == "1. 换届选举工作总结【第一篇】")
    #expect(lines.contains("      (一)选举整体情况  (line 205)"))
    #expect(lines.contains { $0.hasPrefix("   key figures: ") && $0.contains("attendance 90% (line 87)") })
  }
}
