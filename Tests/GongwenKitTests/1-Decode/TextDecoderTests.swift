import Testing

@testable import GongwenKit

/// A committed fixture, its expected UTF-8 text and the encoding detection must report.
struct EncodingCase: Sendable, CustomTestStringConvertible {
  let fixture: String
  let expected: String
  let encoding: TextEncoding
  let hadBOM: Bool
  var testDescription: String { fixture }
}

@Suite("TextDecoder: detection by content and round trips")
struct TextDecoderTests {
  @Test(
    "each encoding decodes to the expected UTF-8 and is named",
    arguments: [
      EncodingCase(fixture: "gb18030.txt", expected: "gb18030.expected.txt", encoding: .gb18030, hadBOM: false),
      EncodingCase(fixture: "gbk.txt", expected: "gbk.expected.txt", encoding: .gb18030, hadBOM: false),
      EncodingCase(fixture: "utf16le-bom.txt", expected: "utf16le-bom.expected.txt", encoding: .utf16le, hadBOM: true),
      EncodingCase(fixture: "utf16be-nobom.txt", expected: "utf16be-nobom.expected.txt", encoding: .utf16be, hadBOM: false),
      EncodingCase(fixture: "utf8-bom.txt", expected: "utf8-bom.expected.txt", encoding: .utf8, hadBOM: true),
      EncodingCase(fixture: "gb18030-bom.txt", expected: "utf8-bom.expected.txt", encoding: .gb18030, hadBOM: true),
      EncodingCase(fixture: "crlf.txt", expected: "utf16le-bom.expected.txt", encoding: .utf8, hadBOM: false),
      EncodingCase(fixture: "big5.txt", expected: "big5.expected.txt", encoding: .big5, hadBOM: false),
    ])
  func roundTrip(_ c: EncodingCase) throws {
    let text = try TextDecoder().decode(Fixtures.bytes("decode/" + c.fixture), path: c.fixture)
    #expect(text.bytes == (try Fixtures.bytes("decode/" + c.expected)))
    #expect(text.encoding == c.encoding)
    #expect(text.hadBOM == c.hadBOM)
    #expect(text.invalidBytes.isEmpty)
  }

  @Test("the encoding name goes into the parsed file")
  func encodingInRecord() throws {
    let file = try Fixtures.file("decode/gb18030.txt")
    #expect(file.encoding.rawValue == "gb18030")
    #expect(file.documents.first?.title == "溪口镇换届选举工作总结")
  }

  @Test("GB18030 outside GBK: 䶮 in two bytes, © and 𠀀 in four")
  func gb18030BeyondGBK() throws {
    let text = try TextDecoder().decode(Fixtures.bytes("decode/gb18030.txt"), path: "gb18030.txt")
    #expect(text.string(0..<text.bytes.count).hasSuffix("当选代表用字有䶮、𠀀，文末标注©。\n"))
  }

  @Test("columns count after the BOM: 5210 at 3:7 in UTF-8 and UTF-16 with BOM")
  func columnsAfterBOM() throws {
    for name in ["utf8-bom.txt", "utf16le-bom.txt", "gb18030-bom.txt"] {
      let text = try TextDecoder().decode(Fixtures.bytes("decode/" + name), path: name)
      let offset = try #require(firstOffset(of: "5210", in: text.bytes))
      #expect(text.location(of: offset) == SourceLocation(line: 3, column: 7, offset: offset), "\(name)")
    }
  }

  @Test(
    "a forced encoding wins over detection",
    arguments: [
      ("gb18030.txt", TextEncoding.gb18030, "gb18030.expected.txt"), ("utf16le-bom.txt", .utf16le, "crlf.txt"),
      ("utf16be-nobom.txt", .utf16be, "crlf.txt"), ("utf8-bom.txt", .utf8, "utf8-bom.expected.txt"),
      ("gb18030-bom.txt", .gb18030, "utf8-bom.expected.txt"), ("big5.txt", .big5, "big5.expected.txt"),
    ])
  func forced(_ name: String, _ encoding: TextEncoding, _ expected: String) throws {
    let text = try TextDecoder(forcedEncoding: encoding).decode(Fixtures.bytes("decode/" + name), path: name)
    #expect(text.encoding == encoding)
    #expect(text.bytes == (try Fixtures.bytes("decode/" + expected)))
    #expect(text.invalidBytes.isEmpty)
  }

  @Test("forcing UTF-8 on GBK gives U+FFFD and invalid-bytes records, not an error")
  func forcedUTF8OnGBK() throws {
    let text = try TextDecoder(forcedEncoding: .utf8).decode(Fixtures.bytes("decode/gbk.txt"), path: "gbk.txt")
    #expect(text.encoding == .utf8)
    #expect(text.invalidBytes.first == .init(sourceOffset: 2, length: 1, textOffset: 2))
    #expect(text.string(0..<text.bytes.count).contains("5210"))
    #expect(!text.string(0..<text.bytes.count).contains("选举"))
  }

  @Test("forcing UTF-16LE on a GB18030 file gives garbage, not an error")
  func forcedWrongEncoding() throws {
    let text = try TextDecoder(forcedEncoding: .utf16le).decode(Fixtures.bytes("decode/gb18030.txt"), path: "x")
    #expect(text.encoding == .utf16le)
    #expect(!text.string(0..<text.bytes.count).contains("选举"))
  }

  @Test("UTF-16LE without BOM is found by its zero bytes")
  func utf16LittleEndianWithoutBOM() throws {
    let bytes = Array(try Fixtures.bytes("decode/utf16le-bom.txt").dropFirst(2))
    let text = try TextDecoder().decode(bytes, path: "x")
    #expect(text.encoding == .utf16le)
    #expect(text.hadBOM == false)
    #expect(text.bytes == (try Fixtures.bytes("decode/utf16le-bom.expected.txt")))
  }

  @Test("GB18030 after a UTF-8 BOM that lies is decoded as GB18030")
  func lyingBOM() throws {
    let bytes = [0xEF, 0xBB, 0xBF] + (try Fixtures.bytes("decode/gbk.txt"))
    let text = try TextDecoder().decode(bytes, path: "x")
    #expect(text.encoding == .gb18030)
    #expect(text.bytes == (try Fixtures.bytes("decode/gbk.expected.txt")))
  }

  @Test("UTF-8 with a GB18030 part pasted in stays UTF-8, and the GB18030 part is flagged")
  func utf8ThenGB18030() throws {
    let utf8 = try Fixtures.bytes("decode/utf8-bom.expected.txt")
    let gb = Array(try Fixtures.bytes("decode/gb18030-bom.txt").dropFirst(4))
    let text = try TextDecoder().decode(utf8 + utf8 + gb, path: "x")
    #expect(text.encoding == .utf8)
    #expect(text.bytes.prefix(242) == (utf8 + utf8)[...])
    // 溪 in GB18030 is CF AA, a valid two-byte UTF-8 sequence by chance: the first bad byte is the next one.
    #expect(text.invalidBytes.first == .init(sourceOffset: 244, length: 1, textOffset: 244))
  }

  @Test("ASCII-only and empty files are UTF-8")
  func asciiAndEmpty() throws {
    #expect(try TextDecoder().decode(Array("turnout 95.7%\n".utf8), path: "x").encoding == .utf8)
    let empty = try TextDecoder().decode([], path: "x")
    #expect(empty.encoding == .utf8 && empty.bytes.isEmpty && empty.lines.lineCount == 1)
  }
}

/// The first offset of `needle` in `bytes`.
func firstOffset(of needle: String, in bytes: [UInt8]) -> Int? {
  let n = Array(needle.utf8)
  guard n.count <= bytes.count else { return nil }
  return (0...(bytes.count - n.count)).first { bytes[$0..<$0 + n.count].elementsEqual(n) }
}
