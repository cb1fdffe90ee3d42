import Testing

@testable import GongwenKit

@Suite("Big5Decoder: cp950 by a table of our own, and telling Big5 from GB18030")
struct Big5DecoderTests {
  func decoded(_ bytes: [UInt8]) -> (String, [DecodedText.InvalidBytes]) {
    let (text, invalid) = Big5Decoder.decode(bytes, from: 0)
    return (String(decoding: text, as: UTF8.self), invalid)
  }

  @Test(
    "two-byte codes, trail bytes in the ASCII range (許 and 功 end in 0x5C) and punctuation",
    arguments: [
      ([0xBF, 0xEF, 0xC1, 0x7C], "選舉"), ([0xB3, 0x5C], "許"), ([0xA5, 0x5C], "功"), ([0xC4, 0xD2, 0xAD, 0xFB], "黨員"),
      ([0xB7, 0xB3], "歲"), ([0xA1, 0x48], "？"), ([0xA1, 0x43], "。"), ([0xA2, 0x48], "％"), ([0xA3, 0xE1], "€"),
    ] as [([UInt8], String)])
  func twoByte(_ bytes: [UInt8], _ expected: String) {
    let (text, invalid) = decoded(bytes)
    #expect(text == expected)
    #expect(invalid.isEmpty)
  }

  @Test("a lead byte before an ASCII byte is one U+FFFD and the ASCII byte is kept; 0x80 and 0xFF are invalid")
  func damage() {
    let (text, invalid) = decoded([0x35, 0xA4, 0x31, 0x25, 0x80, 0xFF])
    #expect(text == "5\u{FFFD}1%\u{FFFD}\u{FFFD}")
    #expect(invalid.map(\.sourceOffset) == [1, 4, 5])
    #expect(invalid.map(\.length) == [1, 1, 1])
    #expect(invalid.map(\.textOffset) == [1, 6, 9])
  }

  @Test("read as GB18030, Big5 gives rare characters; read as Big5, common ones (and GBK the other way round)")
  func commonCharacters() throws {
    let big5 = try Fixtures.bytes("decode/big5.txt")
    let big5AsGB = GB18030Decoder.decode(big5, from: 0)
    #expect(big5AsGB.1.isEmpty, "Big5 is valid GB18030: only the characters tell them apart")
    #expect(Big5Decoder.commonPercent(ofUTF8: big5AsGB.0) < 50)
    #expect(Big5Decoder.commonPercent(ofUTF8: Big5Decoder.decode(big5, from: 0).0) > 95)
    let gbk = try Fixtures.bytes("decode/gbk.txt")
    #expect(Big5Decoder.commonPercent(ofUTF8: GB18030Decoder.decode(gbk, from: 0).0) > 90)
    #expect(try TextDecoder().decode(gbk, path: "gbk.txt").encoding == .gb18030)
  }

  @Test("too few characters to judge by count as common: a short GB18030 file is never taken for Big5")
  func shortText() {
    #expect(Big5Decoder.commonPercent(ofUTF8: Array("共有选民12人".utf8)) == 100)
  }

  @Test("a GB18030 table drawn in box characters stays GB18030 (in Big5 those bytes are common Han)")
  func boxDrawingStaysGB18030() throws {
    let bytes = try Fixtures.bytes("decode/gb18030-box-table.txt")
    let decoded = try TextDecoder().decode(bytes, path: "table.txt")
    #expect(decoded.encoding == .gb18030)
    #expect(decoded.bytes == (try Fixtures.bytes("decode/gb18030-box-table.expected.txt")))
  }
}
