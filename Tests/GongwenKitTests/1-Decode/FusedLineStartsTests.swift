import Testing

@testable import GongwenKit

@Suite("Validating UTF-8 and finding line starts in one pass agrees with LineTable")
struct FusedLineStartsTests {
  /// Pieces that exercise every path: ASCII runs longer than a word, each line break, Han, two- and
  /// four-byte characters, and characters that share a lead byte with U+2028.
  static let pieces: [String] = [
    "a", "0123456789abcdef", "\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{2026}", "“", "选举", "é",
    "𠀋", "\t", "\u{0B}", "\u{0C}", "　", "％",
  ]

  @Test("on 2,000 seeded mixtures of the pieces: the same starts as LineTable")
  func agreesWithLineTable() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for _ in 0..<2_000 {
      var text = ""
      for _ in 0..<next(60) { text += Self.pieces[next(Self.pieces.count)] }
      let bytes = Array(text.utf8)
      let fused = bytes.withUnsafeBufferPointer(UTF8Transcoder.lineStartsIfValid)
      #expect(fused == LineTable(bytes).lineStarts, "\(text.debugDescription)")
    }
  }

  @Test("invalid UTF-8 anywhere gives nil", arguments: [[0x80], [0x61, 0xC3], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0x0A, 0xFF, 0x0A]] as [[UInt8]])
  func invalid(_ bytes: [UInt8]) {
    #expect(bytes.withUnsafeBufferPointer(UTF8Transcoder.lineStartsIfValid) == nil)
  }

  @Test("a clean UTF-8 file decodes with the same line table either way")
  func decodedSample() throws {
    let bytes = try Fixtures.bytes("sample/000_2d09065b1503b549.txt")
    let text = try TextDecoder().decode(bytes, path: "sample.txt")
    #expect(text.encoding == .utf8)
    #expect(text.lines == LineTable(bytes))
  }
}
