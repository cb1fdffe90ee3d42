import Testing

@testable import GongwenKit

@Suite("Sentence ends between two figures: the block test agrees with a byte-by-byte walk")
struct SentenceEndTests {
  /// Whether a sentence ends in `lower..<upper` of `p`, by its scalars: LF, CR, ! or ?, or 。！？ (a character
  /// cut by the range decodes as U+FFFD, which ends nothing).
  private func walk(_ lower: Int, _ upper: Int, _ p: [UInt8]) -> Bool {
    let ends = Set("\n\r!?。！？".unicodeScalars)
    return String(decoding: p[lower..<upper], as: UTF8.self).unicodeScalars.contains { ends.contains($0) }
  }

  @Test("every range of texts with one end at each offset, near block edges and the end of the text", arguments: [
    "\n", "\r", "!", "?", "。", "！", "？", "，", "、",
  ])
  func everyRange(_ end: String) {
    let plain = "全区共有选民3214名，参加投票3100名"
    var disagreements: [String] = []
    for k in [0, 1, 5, 15, 16, 17, 18, 30, 33] {
      let bytes = Array((String(plain.prefix(k)) + end + plain).utf8)
      bytes.withUnsafeBufferPointer { p in
        for lower in 0...bytes.count {
          for upper in lower...bytes.count where Breakdown.endsSentence(between: lower, and: upper, p) != walk(lower, upper, bytes) {
            disagreements.append("\(end) after \(k): \(lower)..<\(upper)")
          }
        }
      }
    }
    #expect(disagreements.isEmpty)
  }

  @Test("a full stop cut by the upper bound ends no sentence")
  func cutFullStop() {
    // Text after the full stop, so that the range is tested as a block.
    let bytes = Array("共有选民3214名。全区召开会议，部署换届选举工作".utf8)
    let stop = Array("共有选民3214名".utf8).count
    bytes.withUnsafeBufferPointer { p in
      #expect(!Breakdown.endsSentence(between: 0, and: stop + 2, p))
      #expect(Breakdown.endsSentence(between: 0, and: stop + 3, p))
    }
  }
}
