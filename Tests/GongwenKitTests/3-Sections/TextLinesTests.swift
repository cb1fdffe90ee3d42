import Testing

@testable import GongwenKit

@Suite("TextLines: line content without its terminator, as the plain tests strip it")
struct TextLinesTests {
  /// Each line's content by the plain tests: LF, then CR, then NEL and U+2028/2029 (those two not on the last line).
  private func plain(_ bytes: [UInt8], _ starts: [Int]) -> [Range<Int>] {
    starts.indices.map { k in
      let start = starts[k]
      let last = k + 1 == starts.count
      var end = last ? bytes.count : starts[k + 1]
      if end > start, bytes[end - 1] == 0x0A { end -= 1 }
      if end > start, bytes[end - 1] == 0x0D { end -= 1 }
      if end - start >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0x85, !last { end -= 2 }
      if end - start >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, bytes[end - 1] == 0xA8 || bytes[end - 1] == 0xA9,
        !last
      {
        end -= 3
      }
      return start..<end
    }
  }

  @Test("every run of up to four pieces among text, blanks and the terminators")
  func everyTerminator() {
    let pieces = ["a", "选", "\r", "\n", "\r\n", "\u{85}", "\u{2028}", "\u{2029}", "\u{3000}", "\u{A0}", "¥", "ą", "…"]
      .map { Array($0.utf8) }
    var checked = 0
    func check(_ bytes: [UInt8]) {
      let text = DecodedText(bytes: bytes, encoding: .utf8)
      let lines = TextLines(text)
      #expect(lines.content == plain(bytes, text.lines.lineStarts), "\(bytes)")
      checked += 1
    }
    for a in pieces {
      for b in pieces {
        for c in pieces {
          check(a + b + c)
          for d in pieces { check(a + b + c + d) }
        }
      }
    }
    #expect(checked == 13 * 13 * 13 * 14)
  }
}
