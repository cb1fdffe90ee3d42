import Testing

@testable import GongwenKit

@Suite("FigureExtractor: figure columns counted on from the start, and traditional text, in one walk")
struct FigureLocatorTests {
  /// The test the walk replaced: a Han lead (E4…E9) with two bytes after it in the text is looked up, and
  /// the next two bytes skipped.
  func plainTraditional(_ range: Range<Int>, in p: [UInt8]) -> Bool {
    var i = range.lowerBound
    while i < range.upperBound {
      let b = p[i]
      if b >= 0xE4 && b <= 0xE9 && i + 2 < p.count {
        let v = (UInt32(b) & 0x0F) << 12 | (UInt32(p[i + 1]) & 0x3F) << 6 | (UInt32(p[i + 2]) & 0x3F)
        if ScriptFolding.isTraditional(v) { return true }
        i += 3
      } else {
        i += 1
      }
    }
    return false
  }

  /// Every range of mixed texts (ASCII, Han simplified and traditional, two- and four-byte characters) and of
  /// byte soup that is not UTF-8: the scalar count is the number of non-continuation bytes, the traditional
  /// answer the plain one's, and no answer when not asked.
  @Test("every range, valid UTF-8 or not")
  func everyRange() {
    let pieces = ["选", "歲", "個", "3", "%", "é", "𠀀", "，", "\n", "a", "區"]
    var seed: UInt64 = 0x2545_F491_4F6C_DD1D
    var texts: [[UInt8]] = []
    for length in 0..<24 {
      var text = ""
      for _ in 0..<length {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text += pieces[Int(seed >> 33) % pieces.count]
      }
      texts.append(Array(text.utf8))
      // The same bytes cut and shuffled: leads without their continuation bytes, and stray ones.
      texts.append(Array(text.utf8).enumerated().map { k, b in k % 5 == 3 ? 0xE5 : k % 7 == 2 ? 0x8C : b })
    }
    var mismatches = 0
    for bytes in texts {
      bytes.withUnsafeBufferPointer { p in
        ScriptFolding.hanTable.withUnsafeBufferPointer { han in
          for lo in 0...bytes.count {
            for hi in lo...bytes.count {
              let expected = bytes[lo..<hi].filter { $0 & 0xC0 != 0x80 }.count
              let asked = FigureExtractor.scalarsAndTraditional(lo..<hi, in: p, han: han, lookUp: true)
              let notAsked = FigureExtractor.scalarsAndTraditional(lo..<hi, in: p, han: han, lookUp: false)
              if asked.scalars != expected || asked.traditional != plainTraditional(lo..<hi, in: bytes) { mismatches += 1 }
              if notAsked.scalars != expected || notAsked.traditional { mismatches += 1 }
            }
          }
        }
      }
    }
    #expect(mismatches == 0)
  }

  /// Figures on lines ended by LF, CR, CRLF and U+2028, after ASCII, Han and four-byte characters, and one
  /// whose text spans a line end: every start and end is where `DecodedText.location(of:)` puts it.
  @Test("starts and ends against DecodedText.location(of:)", arguments: ["\n", "\r", "\r\n", "\u{2028}"])
  func againstDecodedText(_ lineEnd: String) throws {
    let lines = [
      "全镇选民12345人，参选率98.5%。", "abc 𠀀𠀁 共有代表56名，其中妇女21名，占37.5%。", "選民歲數平均45.2歲，x%。",
      "𠀀", "", "年龄在35岁以下的3人，36--45岁的12人。", "代表71", "名，占100%",
    ]
    let file = try InputFile(parsing: Array(lines.joined(separator: lineEnd).utf8), path: "t.txt")
    let figures = file.documents.flatMap(\.figures)
    #expect(figures.count >= 10)
    for f in figures {
      #expect(f.start == file.text.location(of: f.range.lowerBound), "\(f.text)")
      #expect(f.end == file.text.location(of: f.range.upperBound), "\(f.text)")
    }
  }
}
