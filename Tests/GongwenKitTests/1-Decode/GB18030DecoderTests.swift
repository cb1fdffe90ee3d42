import Foundation
import Testing

@testable import GongwenKit

@Suite("GB18030Decoder: the table of our own")
struct GB18030DecoderTests {
  func decoded(_ bytes: [UInt8]) -> (String, [DecodedText.InvalidBytes]) {
    let (text, invalid) = GB18030Decoder.decode(bytes, from: 0)
    return (String(decoding: text, as: UTF8.self), invalid)
  }

  @Test(
    "two-byte codes of GB2312, GBK and GB18030",
    arguments: [
      ([0xD1, 0xA1, 0xBE, 0xD9], "选举"), ([0xB2, 0xCE, 0xD1, 0xA1, 0xC2, 0xCA], "参选率"),
      ([0xAB, 0x68], "玥"), ([0x86, 0xB4], "喆"), ([0xFE, 0x9F], "䶮"), ([0xA3, 0xA5], "％"), ([0xA1, 0xA4], "·"),
      ([0xA2, 0xE3], "€"), ([0xAA, 0xA1], "\u{E000}"),
      // GB18030-2005 and -2022 moved these from private use to real characters.
      ([0xA8, 0xBC], "\u{1E3F}"), ([0xA6, 0xD9], "\u{FE10}"), ([0xFE, 0x59], "\u{9FB4}"), ([0xFE, 0xA0], "\u{9FBB}"),
    ] as [([UInt8], String)])
  func twoByte(_ bytes: [UInt8], _ expected: String) {
    let (text, invalid) = decoded(bytes)
    #expect(text == expected)
    #expect(invalid.isEmpty)
  }

  @Test(
    "four-byte codes: the ends of the BMP ranges and of the supplementary planes",
    arguments: [
      ([0x81, 0x30, 0x81, 0x30], 0x80), ([0x81, 0x30, 0x84, 0x38], 0xA9), ([0x81, 0x39, 0xEE, 0x39], 0x3400),
      ([0x84, 0x31, 0xA4, 0x39], 0xFFFF), ([0x90, 0x30, 0x81, 0x30], 0x10000), ([0x95, 0x32, 0x82, 0x36], 0x20000),
      ([0xE3, 0x32, 0x9A, 0x35], 0x10FFFF), ([0x81, 0x35, 0xF4, 0x37], 0xE7C7), ([0x82, 0x35, 0x90, 0x37], 0xE81E),
    ] as [([UInt8], UInt32)])
  func fourByte(_ bytes: [UInt8], _ scalar: UInt32) throws {
    let (text, invalid) = decoded(bytes)
    #expect(text.unicodeScalars.map(\.value) == [scalar])
    #expect(invalid.isEmpty)
  }

  @Test(
    "invalid sequences: one U+FFFD each, and the next byte is read again",
    arguments: [
      ([0x35, 0x81, 0x7F, 0x36], "5\u{FFFD}\u{7F}6", [(1, 1)]),  // trail byte outside the table
      ([0x41, 0x80, 0x42], "A\u{FFFD}B", [(1, 1)]),  // 0x80 is no lead
      ([0x41, 0xFF, 0x42], "A\u{FFFD}B", [(1, 1)]),  // nor is 0xFF
      ([0xB2, 0xCE, 0xD1], "参\u{FFFD}", [(2, 1)]),  // a lone lead at the end
      ([0x81, 0x30, 0x81], "\u{FFFD}0\u{FFFD}", [(0, 1), (2, 1)]),  // a four-byte code cut short
      ([0x81, 0x30, 0x41, 0x30], "\u{FFFD}0A0", [(0, 1)]),  // third byte not a lead
      ([0x84, 0x31, 0xA5, 0x30, 0x41], "\u{FFFD}A", [(0, 4)]),  // past U+FFFF, before 0x90308130
      ([0xE3, 0x32, 0x9A, 0x36], "\u{FFFD}", [(0, 4)]),  // past U+10FFFF
    ] as [([UInt8], String, [(Int, Int)])])
  func invalid(_ bytes: [UInt8], _ expected: String, _ runs: [(Int, Int)]) {
    let (text, invalid) = decoded(bytes)
    #expect(text == expected)
    #expect(invalid.map(\.sourceOffset) == runs.map(\.0))
    #expect(invalid.map(\.length) == runs.map(\.1))
    #expect(GB18030Decoder.invalidByteCount(bytes, limit: .max) == runs.reduce(0) { $0 + $1.1 })
  }

  @Test("heavy damage outgrows the first allocation and decoding goes on")
  func heavyDamage() {
    let (text, invalid) = decoded([UInt8](repeating: 0xFF, count: 1000) + [0xD1, 0xA1, 0xBE, 0xD9])
    #expect(invalid.count == 1000)
    #expect(invalid.last == .init(sourceOffset: 999, length: 1, textOffset: 2997))
    #expect(text == String(repeating: "\u{FFFD}", count: 1000) + "选举")
  }

  @Test("text offsets of U+FFFD count the UTF-8 written before it")
  func textOffsets() {
    let (_, invalid) = decoded([0xD1, 0xA1, 0x41, 0x80, 0xBE, 0xD9, 0xFF])
    #expect(invalid == [.init(sourceOffset: 3, length: 1, textOffset: 4), .init(sourceOffset: 6, length: 1, textOffset: 10)])
  }

  @Test("a run of two-byte Han ends at each kind of neighbour: two-byte UTF-8, four-byte code, ASCII, a cut")
  func runEnds() {
    let bytes: [UInt8] = [
      0xD1, 0xA1, 0xBE, 0xD9, 0xA1, 0xA4, 0xD1, 0xA1, 0x81, 0x30, 0x81, 0x30, 0xBE, 0xD9, 0x41, 0xD1, 0xA1, 0xBE,
    ]
    let (text, invalid) = decoded(bytes)
    #expect(text == "选举·选\u{80}举A选\u{FFFD}")
    #expect(invalid == [.init(sourceOffset: 17, length: 1, textOffset: 20)])
    for cut in 0...bytes.count {
      let (prefix, _) = decoded(Array(bytes[..<cut]))
      #expect(!prefix.contains("\u{0}"), "cut at \(cut)")
    }
  }

  @Test("long ASCII runs around Han take the eight-byte path and stay exact")
  func asciiRuns() {
    let line = "Turnout in 2021: 95.7 percent, 4987 of 5210 voters. 选举 "
    let gb = Array(line.utf8.filter { $0 < 0x80 })
    let (text, _) = decoded(gb + [0xD1, 0xA1] + gb)
    let ascii = String(decoding: gb, as: UTF8.self)
    #expect(text == ascii + "选" + ascii)
  }

  @Test("every two-byte code matches Foundation's converter but A3A0, which ICU alone reads as U+3000")
  func matchesFoundation() throws {
    let encoding = String.Encoding(rawValue: 0x8000_0632)
    var differing: [String] = []
    for lead in 0x81...0xFE {
      for trail in Array(0x40...0x7E) + Array(0x80...0xFE) {
        let pair = [UInt8(lead), UInt8(trail)]
        let (ours, invalid) = decoded(pair)
        #expect(invalid.isEmpty)
        if let theirs = String(bytes: pair, encoding: encoding), theirs != ours {
          differing.append(String(format: "%02X%02X", lead, trail))
        }
      }
    }
    #expect(differing == ["A3A0"])
  }

  @Test("every BMP scalar and a sample of the supplementary planes, encoded by Foundation, decode back")
  func allScalarsRoundTrip() throws {
    let encoding = String.Encoding(rawValue: 0x8000_0632)
    var scalars = (0x80...0xFFFF).filter { !(0xD800...0xDFFF).contains($0) }
    scalars += Array(stride(from: 0x10000, through: 0x10FFFF, by: 0x1111)) + [0x20000, 0x2A6D6, 0x10FFFF]
    let text = String(String.UnicodeScalarView(scalars.compactMap { Unicode.Scalar(UInt32($0)) }))
    let bytes = Array(try #require(text.data(using: encoding)))
    let (decoded, invalid) = decoded(bytes)
    #expect(invalid.isEmpty)
    let ours = Array(decoded.unicodeScalars.map(\.value))
    #expect(ours.count == scalars.count)
    var differing: [String] = []
    for (want, got) in zip(scalars, ours) where UInt32(want) != got {
      differing.append(String(format: "%04X→%04X", want, got))
    }
    // ICU also encodes the 18 private-use scalars that GB18030-2022 moved (U+E78D…) to the two-byte codes of
    // the real characters (A6D9…), one way; we read those codes as the real characters, as ICU does.
    #expect(differing == [
      "E78D→FE10", "E78E→FE12", "E78F→FE11", "E790→FE13", "E791→FE14", "E792→FE15", "E793→FE16", "E794→FE17",
      "E795→FE18", "E796→FE19", "E81E→9FB4", "E826→9FB5", "E82B→9FB6", "E82C→9FB7", "E832→9FB8", "E843→9FB9",
      "E854→9FBA", "E864→9FBB",
    ])
  }
}
