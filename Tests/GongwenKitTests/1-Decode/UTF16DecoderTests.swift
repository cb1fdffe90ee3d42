import Testing

@testable import GongwenKit

@Suite("UTF16Decoder: every length of UTF-8 and the surrogate edges")
struct UTF16DecoderTests {
  @Test("units at the one-, two- and three-byte edges, around the surrogates and a pair, in both byte orders")
  func edges() {
    let units: [UInt16] = [0x41, 0x7F, 0x80, 0x7FF, 0x800, 0x9009, 0xD7FF, 0xE000, 0xFF05, 0xFFFF, 0xD840, 0xDC0B, 0x0A]
    let expected = Array(String(decoding: units, as: UTF16.self).utf8)
    for bigEndian in [false, true] {
      let bytes = units.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
      let (text, invalid) = UTF16Decoder.decode(bytes, from: 0, bigEndian: bigEndian)
      #expect(text == expected)
      #expect(invalid.isEmpty)
    }
  }

  @Test("a lone low surrogate and a trailing odd byte become U+FFFD after three-byte characters")
  func damage() {
    let bytes: [UInt8] = [0x09, 0x90, 0x3E, 0x4E, 0x0B, 0xDC, 0x09, 0x90, 0x41]
    let (text, invalid) = UTF16Decoder.decode(bytes, from: 0, bigEndian: false)
    #expect(String(decoding: text, as: UTF8.self) == "选举\u{FFFD}选\u{FFFD}")
    #expect(invalid == [.init(sourceOffset: 4, length: 2, textOffset: 6), .init(sourceOffset: 8, length: 1, textOffset: 12)])
  }
}
