import Testing

@testable import GongwenKit

@Suite("Placeholder scan: the sixteen-byte block test passes every block where a placeholder may start")
struct PlaceholderBlockTests {
  /// Whether a placeholder may start at bytes `a b c`, as the byte-by-byte walk decides: * x X, × (C3 97),
  /// ＊ Ｘ ｘ, 某 (E6 9F 90) or 月 (E6 9C 88).
  private func starts(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
    switch (a, b, c) {
    case (0x2A, _, _), (0x58, _, _), (0x78, _, _), (0xC3, 0x97, _): true
    case (0xEF, 0xBC, 0x8A), (0xEF, 0xBC, 0xB8), (0xEF, 0xBD, 0x98), (0xE6, 0x9F, 0x90), (0xE6, 0x9C, 0x88): true
    default: false
    }
  }

  /// `mayStart` on 34 spaces with `a b c` at `lane`.
  private func mayStart(_ a: UInt8, _ b: UInt8, _ c: UInt8, lane: Int) -> Bool {
    var bytes = [UInt8](repeating: 0x20, count: 34)
    bytes[lane] = a
    bytes[lane + 1] = b
    bytes[lane + 2] = c
    return bytes.withUnsafeBytes { PlaceholderScanner.mayStart(in: $0, at: 0) }
  }

  @Test("every first byte, and every second and third continuation byte after C3, E6 and EF, at lanes 0, 7 and 15")
  func everyStartPasses() {
    var missed: [String] = []
    for lane in [0, 7, 15] {
      for a in 0...255 {
        let a = UInt8(a)
        let seconds: [UInt8] = a == 0xC3 || a == 0xE6 || a == 0xEF ? Array(0x80...0xBF) : [0x20]
        for b in seconds {
          let thirds: [UInt8] = a == 0xE6 || a == 0xEF ? Array(0x80...0xBF) : [0x20]
          for c in thirds where starts(a, b, c) && !mayStart(a, b, c, lane: lane) {
            missed.append("\(a) \(b) \(c) at \(lane)")
          }
        }
      }
    }
    #expect(missed.isEmpty)
    // Bytes beyond the sixteen offsets are never taken for a start.
    #expect(!mayStart(0x20, 0x20, 0x20, lane: 16))
    #expect(!mayStart(0x78, 0x20, 0x20, lane: 16))
  }

  @Test("plain Chinese text with commas and full stops passes no block")
  func plainTextPassesNothing() {
    let bytes = Array(String(repeating: "，全区召开会议，部署换届选举工作。", count: 4).utf8)
    bytes.withUnsafeBytes { raw in
      for i in 0...(bytes.count - 18) { #expect(!PlaceholderScanner.mayStart(in: raw, at: i), "offset \(i)") }
    }
  }
}

@Suite("Placeholder scan: the block walk finds what a step at every offset finds")
struct PlaceholderWalkTests {
  /// Pieces that start placeholders, end them, or start nothing, joined at random into texts.
  private static let pieces = [
    "x", "xx", "X", "*", "**", "×", "＊", "Ｘ", "ｘ", "某", "某某", "月", "月日", "年", "日", "号", "区", "街道", "居委会",
    "20", "1", "，", "。", "、", "全", "会议", "有", "机", "\n", "a", "box", "3*4", "每", "十一", "區",
  ]

  @Test("random texts at every alignment, whole and cut at each line start")
  func sameAsByteByByte() {
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ n: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: seed >> 33) % n
    }
    let scanner = PlaceholderScanner()
    var differ: [String] = []
    for _ in 0..<400 {
      var text = ""
      for _ in 0..<(1 + next(40)) { text += Self.pieces[next(Self.pieces.count)] }
      for pad in 0..<17 {
        let bytes = Array((String(repeating: "-", count: pad) + text).utf8)
        var scopes = [0..<bytes.count]
        for (k, b) in bytes.enumerated() where b == 0x0A { scopes.append(0..<(k + 1)); scopes.append((k + 1)..<bytes.count) }
        for scope in scopes where scanner.matches(in: bytes, within: scope) != scanner.matchesByteByByte(in: bytes, within: scope) {
          differ.append("\(pad) \(scope) \(text)")
        }
      }
    }
    #expect(differ.isEmpty)
  }
}
