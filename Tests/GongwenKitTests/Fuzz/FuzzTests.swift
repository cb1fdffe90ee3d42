import Foundation
import Testing

@testable import GongwenKit

/// A seeded mutation fuzzer over the whole pipeline: decode → split → sections → figures → checks → JSON.
///
/// CI runs a fixed number of mutations (`iterations`) from a fixed seed, so a failure reproduces. The long
/// version (docs/batch.md):
///
///     GONGWEN_FUZZ_ITERATIONS=200000 GONGWEN_FUZZ_SEED=$RANDOM swift test -c release --filter FuzzTests
///
/// A failing case is written to `$TMPDIR/gongwen-fuzz-<seed>-<n>.txt` before it is parsed, so a crash
/// leaves its input behind.
@Suite("Fuzz: mutated fixtures never crash, trap or leave positions out of range")
struct FuzzTests {
  static let iterations = ProcessInfo.processInfo.environment["GONGWEN_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 2000
  static let seed = ProcessInfo.processInfo.environment["GONGWEN_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x6F6E_6777_656E
  static let keepsInputs = ProcessInfo.processInfo.environment["GONGWEN_FUZZ_ITERATIONS"] != nil

  /// Byte strings that steer the parser: heading markers, figures, punctuation, line ends, bad UTF-8, BOMs.
  static let tokens: [[UInt8]] = [
    "一、", "（一）", "(一)", "1.", "1、", "１．", "（1）", "(1)", "第一、", "第一部分", "一是", "二是", "首先", "其次", "最后",
    "%", "％", "占", "参选率", "參選率", "98.5", "９８．５", "0.", ".", "名", "人", "万", "百分之", "x%", "xx人", "**区",
    "【第2篇】", "第3篇", "篇4", "换届选举工作总结", "\n", "\r\n", "\r", "\u{2028}", "\u{85}", "。", "，", "：", "\t", "　",
    "12345678901234567890123456789", "岁", "至", "-", "—", "～", "（", "）",
  ].map { Array($0.utf8) } + [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE4, 0xB8], [0x00], [0xEF, 0xBB, 0xBF],
    [0xFF, 0xFE], [0x81, 0x30, 0x81, 0x30], [0xD1, 0xA1]]

  /// SplitMix64: small, fast and the same on every platform.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static func seeds() throws -> [[UInt8]] {
    let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("sections").path)
      .filter { $0.hasSuffix(".txt") }.sorted().map { "sections/" + $0 }
    return try (["sample/000_2d09065b1503b549.txt"] + names).map { try Fixtures.bytes($0) }
  }

  static func mutate(_ input: [UInt8], using rng: inout Generator) -> [UInt8] {
    var bytes = input
    for _ in 0..<Int.random(in: 1...8, using: &rng) {
      let at = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &rng)
      switch Int.random(in: 0..<7, using: &rng) {
      case 0:  // flip a byte
        if at < bytes.count { bytes[at] ^= UInt8.random(in: 1...255, using: &rng) }
      case 1, 2:  // insert a token, sometimes many times over
        let token = tokens[Int.random(in: 0..<tokens.count, using: &rng)]
        let times = Int.random(in: 0..<10, using: &rng) == 0 ? Int.random(in: 2...2000, using: &rng) : 1
        bytes.insert(contentsOf: Array([[UInt8]](repeating: token, count: times).joined()), at: at)
      case 3:  // delete a range
        let end = min(bytes.count, at + Int.random(in: 1...64, using: &rng))
        if at < end { bytes.removeSubrange(at..<end) }
      case 4:  // duplicate a range
        let end = min(bytes.count, at + Int.random(in: 1...256, using: &rng))
        if at < end { bytes.insert(contentsOf: bytes[at..<end], at: at) }
      case 5:  // truncate
        bytes.removeSubrange(at...)
      default:  // a random byte
        bytes.insert(UInt8.random(in: 0...255, using: &rng), at: at)
      }
    }
    return bytes
  }

  @Test("a fixed number of mutations (default 2000) of the fixtures through the whole pipeline")
  func mutations() throws {
    let seeds = try Self.seeds()
    var rng = Generator(state: Self.seed)
    var parsed = 0
    for n in 0..<Self.iterations {
      let input = Self.mutate(seeds[n % seeds.count], using: &rng)
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-fuzz-\(Self.seed)-\(n).txt")
      if Self.keepsInputs { try Data(input).write(to: path) }
      guard let file = try? InputFile(parsing: input, path: "fuzz.txt") else { continue }
      parsed += 1
      check(file, case: n)
      var emitter = JSONEmitter()
      JSONWriter().write(file, to: &emitter)
      #expect(!emitter.bytes.isEmpty, "case \(n): no JSON")
      if Self.keepsInputs { try? FileManager.default.removeItem(at: path) }
    }
    // Most mutations stay text; if none parsed, the fuzzer tests nothing.
    #expect(parsed > Self.iterations / 2)
  }

  /// Positions stay inside the text and records inside their documents.
  func check(_ file: InputFile, case n: Int) {
    let count = file.text.bytes.count
    func inText(_ r: Range<Int>) -> Bool { r.lowerBound >= 0 && r.upperBound <= count }
    for document in file.documents {
      #expect(inText(document.range), "case \(n): document range \(document.range) past \(count)")
      #expect(document.firstLine >= 1 && document.firstLine <= document.lastLine, "case \(n): document lines")
      for section in document.allSections {
        #expect(inText(section.range), "case \(n): section range")
        #expect(section.location.line >= 1 && section.location.column >= 1, "case \(n): section position")
      }
      for figure in document.figures {
        #expect(inText(figure.range), "case \(n): figure range")
        #expect(figure.start.line >= 1 && figure.start.column >= 1, "case \(n): figure position")
      }
      for finding in document.findings {
        #expect(finding.start.line >= 1 && finding.start.column >= 1, "case \(n): finding position")
      }
    }
  }
}
