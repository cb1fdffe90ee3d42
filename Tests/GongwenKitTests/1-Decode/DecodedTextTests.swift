import Testing

@testable import GongwenKit

@Suite("DecodedText: lines and scalar columns whatever the line endings")
struct DecodedTextTests {
  @Test(
    "LF, CR, CRLF, NEL, U+2028 and U+2029 each end one line",
    arguments: ["\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}"])
  func lineEnding(_ end: String) throws {
    let text = DecodedText(bytes: Array("选举\(end)参选率95.7%\(end)\(end)总结".utf8), encoding: .utf8)
    #expect(text.lines.lineCount == 4)
    let offset = try #require(firstOffset(of: "95.7", in: text.bytes))
    #expect(text.location(of: offset).line == 2)
    #expect(text.location(of: offset).column == 4)
    let last = try #require(firstOffset(of: "总结", in: text.bytes))
    #expect(text.location(of: last).line == 4 && text.location(of: last).column == 1)
  }

  @Test("mixed endings: CR LF apart count twice, CRLF once")
  func mixed() {
    let text = DecodedText(bytes: Array("a\r\nb\n\rc\rd\u{2028}e".utf8), encoding: .utf8)
    #expect(text.lines.lineStarts == [0, 3, 5, 6, 8, 12])
  }

  @Test("a figure's column in the CRLF fixture equals the LF one")
  func crlfColumns() throws {
    let crlf = try Fixtures.file("decode/crlf.txt").text
    let lf = try Fixtures.file("decode/utf8-bom.txt").text
    for needle in ["5210", "4987", "95.7", "选民登记"] {
      let a = try #require(firstOffset(of: needle, in: crlf.bytes))
      let b = try #require(firstOffset(of: needle, in: lf.bytes))
      #expect(crlf.location(of: a).line == lf.location(of: b).line, "\(needle)")
      #expect(crlf.location(of: a).column == lf.location(of: b).column, "\(needle)")
    }
    let offset = try #require(firstOffset(of: "95.7", in: crlf.bytes))
    #expect(crlf.location(of: offset) == SourceLocation(line: 3, column: 26, offset: offset))
  }

  @Test("line breaks inside long runs without any (the eight-byte skip) are all found")
  func longRuns() {
    let line = String(repeating: "选举工作", count: 50) + "abcdefghij"
    let text = DecodedText(bytes: Array((line + "\r\n" + line + "\u{85}" + line).utf8), encoding: .utf8)
    let length = line.utf8.count
    #expect(text.lines.lineStarts == [0, length + 2, 2 * length + 4])
  }

  @Test("columns on a very long line come from checkpoints and stay exact")
  func longLineColumns() throws {
    // Each unit is 14 bytes and 8 scalars: 选举 95.7% ，
    let text = DecodedText(bytes: Array((String(repeating: "选举95.7%，", count: 3000) + "\n参选率\n").utf8), encoding: .utf8)
    #expect(text.lines.checkpointOffsets.count == 40)
    for k in [0, 1, 292, 293, 294, 1000, 2999] {
      let offset = 14 * k + 6
      #expect(text.location(of: offset) == SourceLocation(line: 1, column: 8 * k + 3, offset: offset), "unit \(k)")
    }
    let next = try #require(firstOffset(of: "参选率", in: text.bytes))
    #expect(text.location(of: next) == SourceLocation(line: 2, column: 1, offset: next))
    #expect(text.location(of: next + 3).column == 2)
  }
}
