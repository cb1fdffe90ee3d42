import Testing

@testable import GongwenKit

@Suite("Damaged input: U+FFFD, an invalid-bytes record and a finding at the right place")
struct InvalidBytesTests {
  @Test("UTF-8: a lone FF inside 5210 on line 3, and a character cut short at the end")
  func utf8BadByte() throws {
    let file = try Fixtures.file("decode/utf8-bad-byte.txt")
    #expect(file.encoding == .utf8)
    let invalid = file.text.invalidBytes
    #expect(invalid == [
      .init(sourceOffset: 73, length: 1, textOffset: 73),
      .init(sourceOffset: 122, length: 2, textOffset: 124),
    ])
    #expect(file.text.string(53..<file.text.bytes.count).hasPrefix("全镇登记选民52\u{FFFD}10人"))
    let findings = file.documents.flatMap(\.findings).filter { $0.rule == "invalid-bytes" }
    #expect(findings.map(\.start) == [
      SourceLocation(line: 3, column: 9, offset: 73), SourceLocation(line: 4, column: 1, offset: 124),
    ])
    #expect(findings.map(\.byteOffset) == [73, 122])
    #expect(findings.first?.severity == .error)
  }

  @Test("GB18030: 参 corrupted to 81 7F gives U+FFFD then DEL, and decoding goes on")
  func gb18030CorruptPair() throws {
    let file = try Fixtures.file("decode/gb18030-corrupt-pair.txt")
    #expect(file.encoding == .gb18030)
    #expect(file.text.invalidBytes == [.init(sourceOffset: 72, length: 1, textOffset: 103)])
    #expect(file.text.string(0..<file.text.bytes.count).hasSuffix("4987人，\u{FFFD}\u{7F}选率95.7%。\n"))
    let finding = try #require(file.documents.flatMap(\.findings).first { $0.rule == "invalid-bytes" })
    #expect(finding.start == SourceLocation(line: 3, column: 23, offset: 103))
    #expect(finding.byteOffset == 72)
  }

  @Test(
    "UTF-8 maximal subparts: one U+FFFD each, with their lengths",
    arguments: [
      ([0x41, 0xC0, 0xAF, 0x42], [(1, 1), (2, 1)], "A\u{FFFD}\u{FFFD}B"),  // overlong: C0 and AF apart
      ([0xE4, 0xB8, 0x41], [(0, 2)], "\u{FFFD}A"),  // truncated three-byte character
      ([0xED, 0xA0, 0x80], [(0, 1), (1, 1), (2, 1)], "\u{FFFD}\u{FFFD}\u{FFFD}"),  // a surrogate
      ([0xF4, 0x90, 0x80, 0x80], [(0, 1), (1, 1), (2, 1), (3, 1)], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
      ([0xF0, 0x9F, 0x98], [(0, 3)], "\u{FFFD}"),  // four-byte character cut short at the end
      ([0x35, 0x80, 0x32], [(1, 1)], "5\u{FFFD}2"),  // lone continuation byte
    ] as [([UInt8], [(Int, Int)], String)])
  func utf8Subparts(_ bytes: [UInt8], _ runs: [(Int, Int)], _ expected: String) {
    let (text, invalid) = UTF8Transcoder.repair(bytes, from: 0)
    #expect(String(decoding: text, as: UTF8.self) == expected)
    #expect(invalid.map(\.sourceOffset) == runs.map(\.0))
    #expect(invalid.map(\.length) == runs.map(\.1))
  }

  @Test("UTF-8 repair keeps going through heavy damage (the output outgrows its first allocation)")
  func heavyDamage() {
    let bytes = [UInt8](repeating: 0xFF, count: 1000) + Array("参选率95.7%".utf8)
    let (text, invalid) = UTF8Transcoder.repair(bytes, from: 0)
    #expect(invalid.count == 1000)
    #expect(invalid.last == .init(sourceOffset: 999, length: 1, textOffset: 2997))
    #expect(text.count == 3000 + 14)
    #expect(String(decoding: text.suffix(14), as: UTF8.self) == "参选率95.7%")
  }

  @Test("UTF-16: a lone high surrogate and an odd last byte")
  func utf16Damage() {
    let bytes: [UInt8] = [0xC2, 0x53, 0x00, 0xD8, 0x09, 0x90, 0x41]  // 参, D800, 选, then a stray byte
    let (text, invalid) = UTF16Decoder.decode(bytes, from: 0, bigEndian: false)
    #expect(String(decoding: text, as: UTF8.self) == "参\u{FFFD}选\u{FFFD}")
    #expect(invalid == [.init(sourceOffset: 2, length: 2, textOffset: 3), .init(sourceOffset: 6, length: 1, textOffset: 9)])
  }
}
