import Testing

@testable import GongwenKit

@Suite("Clause end: the eight-byte scan finds the first 。 (；;) exactly as a byte-by-byte loop")
struct ClauseEndTests {
  /// The plain loop `SectionParser.clauseEnd` must agree with.
  private func plain(_ i: Int, _ limit: Int, _ p: [UInt8], _ semicolon: Bool) -> Int {
    var j = i
    while j < limit {
      if p[j] == 0xE3, j + 2 < limit, p[j + 1] == 0x80, p[j + 2] == 0x82 { return j }
      if semicolon {
        if p[j] == 0x3B { return j }
        if p[j] == 0xEF, j + 2 < limit, p[j + 1] == 0xBC, p[j + 2] == 0x9B { return j }
      }
      j += 1
    }
    return limit
  }

  @Test("every start and limit of texts mixing 。；; with near misses (、！ E3/EF leads, ASCII) across word boundaries")
  func agreesWithPlainLoop() {
    // Near misses share a lead byte with a mark: 、 (E3 80 81), 〇 (E3 80 87), ！ (EF BC 81), ｛ (EF BD 9B).
    let pieces = ["甲", "。", "；", ";", "、", "〇", "！", "｛", "a", "12", "\u{0}"].map { Array($0.utf8) }
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    var texts: [[UInt8]] = [[], Array("。".utf8), Array("甲甲甲。".utf8), Array("aaaaaaaaaaaaaaaaaaa;".utf8)]
    for _ in 0..<120 {
      var text: [UInt8] = []
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let n = Int(seed >> 60) + 1
      for _ in 0..<n {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text += pieces[Int(seed >> 33) % pieces.count]
      }
      texts.append(text)
    }
    var checked = 0
    for text in texts {
      text.withUnsafeBufferPointer { p in
        for start in 0...text.count {
          for limit in start...text.count {
            for semicolon in [false, true] {
              let fast = SectionParser.clauseEnd(from: start, limit: limit, in: p, stopAtSemicolon: semicolon)
              #expect(fast == plain(start, limit, text, semicolon), "\(text) \(start)..<\(limit) \(semicolon)")
              checked += 1
            }
          }
        }
      }
    }
    #expect(checked > 10_000)
  }
}
