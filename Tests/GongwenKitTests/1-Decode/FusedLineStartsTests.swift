import Testing

@testable import GongwenKit

@Suite("Validating UTF-8 and finding line starts in one pass agrees with LineTable and a plain byte loop")
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

  /// Line starts one byte at a time: after LF, CR (or CR LF), NEL (C2 85), U+2028 and U+2029 (E2 80 A8/A9).
  static func plainStarts(_ bytes: [UInt8]) -> [Int] {
    var starts = [0]
    var i = 0
    while i < bytes.count {
      let rest = bytes[i...]
      var length = 0
      if rest.starts(with: [0x0D, 0x0A]) {
        length = 2
      } else if bytes[i] == 0x0A || bytes[i] == 0x0D {
        length = 1
      } else if rest.starts(with: [0xC2, 0x85]) {
        length = 2
      } else if rest.starts(with: [0xE2, 0x80, 0xA8]) || rest.starts(with: [0xE2, 0x80, 0xA9]) {
        length = 3
      }
      i += max(length, 1)
      if length > 0 { starts.append(i) }
    }
    return starts
  }

  /// What the plain byte loops say about `bytes`: `plainStarts` when `firstInvalid` finds nothing (and then
  /// LineTable must agree), and whether a byte the sniffer counts (NUL, DEL, control bytes but tab, line
  /// breaks, form feed, ESC) occurs.
  static func reference(_ bytes: [UInt8]) -> (starts: [Int]?, counted: Bool) {
    let valid = bytes.withUnsafeBufferPointer { UTF8Transcoder.firstInvalid(in: $0, from: 0) } == nil
    let counted = bytes.contains { $0 < 0x09 || (0x0E..<0x20).contains($0) && $0 != 0x1B || $0 == 0x7F }
    return (valid ? plainStarts(bytes) : nil, counted)
  }

  /// Every mismatch of the word-at-a-time scan with `reference` over `inputs`, described.
  static func mismatches(_ inputs: [[UInt8]]) -> [String] {
    var found: [String] = []
    for bytes in inputs {
      var counted = false
      let starts = bytes.withUnsafeBufferPointer { UTF8Transcoder.lineStartsIfValid($0, sawCounted: &counted) }
      let expected = reference(bytes)
      let table = expected.starts == nil ? nil : LineTable(bytes).lineStarts
      if starts != expected.starts || table != expected.starts || (starts != nil && counted != expected.counted) {
        found.append("\(bytes.map { String($0, radix: 16) }): \(String(describing: starts)) \(counted)")
      }
    }
    return found
  }

  /// Runs of Han (plain three-byte leads) and of ASCII longer than the four-character step, and a mixture.
  static let bases: [[UInt8]] = [
    Array("选举工作总结换届选举参选率登记选民".utf8), Array("abcdefghijklmnopqrstuvwx0123".utf8),
    Array("全镇95.7%，选民“代表”。一、二　三".utf8),
  ]

  @Test("every byte value at every offset of Han, ASCII and mixed runs: the same starts, verdict and count")
  func everyByteEverywhere() {
    var inputs: [[UInt8]] = []
    for base in Self.bases {
      for offset in 0...base.count {
        for b in 0...255 { inputs.append(Array(base[..<offset]) + [UInt8(b)] + Array(base[offset...])) }
      }
    }
    #expect(Self.mismatches(inputs) == [])
  }

  @Test("every three-byte lead with second bytes at and beyond its bounds, at every offset and cut short")
  func threeByteLeads() {
    var probes: [[UInt8]] = [[0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xC2, 0x85], [0xF0, 0x90, 0x80, 0x80]]
    for lead in 0xE0...0xEF {
      for second in [0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0] as [UInt8] {
        for third in [0x0A, 0x41, 0x80, 0xA8, 0xA9, 0xBF, 0xE4] as [UInt8] { probes.append([UInt8(lead), second, third]) }
      }
    }
    var inputs: [[UInt8]] = []
    for base in Self.bases {
      for offset in stride(from: 0, through: base.count, by: 1) {
        for probe in probes {
          let whole = Array(base[..<offset]) + probe + Array(base[offset...])
          inputs.append(whole)
          // Cut short inside or just after the probe: the tails shorter than a word.
          for cut in offset..<min(whole.count, offset + probe.count + 2) { inputs.append(Array(whole[..<cut])) }
        }
      }
    }
    #expect(Self.mismatches(inputs) == [])
  }

  @Test("line breaks of each kind at each offset of a long Han run, and every prefix of a mixture")
  func breaksInRuns() {
    let han = Array(String(repeating: "选", count: 40).utf8)
    var inputs: [[UInt8]] = []
    for brk in [[0x0A], [0x0D], [0x0D, 0x0A], [0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9]] as [[UInt8]] {
      for offset in 0...han.count { inputs.append(Array(han[..<offset]) + brk + Array(han[offset...])) }
    }
    let mixed = Array("第一\r\n选举\u{2028}工作\u{85}总结\r参选率95%\n\u{7F}登记\u{1B}选民\u{0}".utf8)
    for cut in 0...mixed.count { inputs.append(Array(mixed[..<cut])) }
    #expect(Self.mismatches(inputs) == [])
  }

  @Test("a clean UTF-8 file decodes with the same line table either way")
  func decodedSample() throws {
    let bytes = try Fixtures.bytes("sample/000_2d09065b1503b549.txt")
    let text = try TextDecoder().decode(bytes, path: "sample.txt")
    #expect(text.encoding == .utf8)
    #expect(text.lines == LineTable(bytes))
  }
}
