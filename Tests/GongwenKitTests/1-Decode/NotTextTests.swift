import Testing

@testable import GongwenKit

@Suite("TextDecoder: files that are not text throw .notText with the reason")
struct NotTextTests {
  /// The reason `bytes` is refused, or nil when they decode.
  func refusal(_ bytes: [UInt8]) -> InputError.Reason? {
    do {
      _ = try TextDecoder().decode(bytes, path: "x.txt")
      return nil
    } catch {
      return error.reason
    }
  }

  @Test("a PNG header")
  func png() throws {
    let error = #expect(throws: InputError.self) {
      try TextDecoder().decode(Fixtures.bytes("decode/png-header.txt"), path: "png-header.txt")
    }
    #expect(error?.reason == .notText("PNG image"))
    #expect(error?.code == "not-text")
    #expect(error?.message == "not text (PNG image)")
    #expect(error?.path == "png-header.txt")
  }

  @Test(
    "signatures of compressed, document and image files",
    arguments: [
      ([0x1F, 0x8B, 0x08, 0x00], "gzip"),
      (Array("%PDF-1.7\n".utf8), "PDF"),
      ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "ZIP / Word document"),
      ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], "OLE2 compound file"),
      ([0xFF, 0xD8, 0xFF, 0xE0], "JPEG image"),
      ([0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00], "UTF-32, not supported"),
    ] as [([UInt8], String)])
  func signatures(_ bytes: [UInt8], _ what: String) {
    #expect(refusal(bytes) == .notText(what))
  }

  @Test("an OLE2 header wins over the UTF-16 text inside")
  func oleWithUTF16Text() {
    let text = Array("Election summary 2021, turnout 95.7 percent.\r\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: text, count: 10).joined()
    #expect(refusal(bytes) == .notText("OLE2 compound file"))
    #expect(refusal(Array(bytes.dropFirst(8))) == nil)
  }

  @Test("many NUL bytes")
  func nulBytes() {
    #expect(refusal([UInt8](repeating: 0, count: 4096)) == .notText("NUL bytes"))
    #expect(refusal(Array("选举".utf8) + [UInt8](repeating: 0, count: 100) + Array("总结".utf8)) == .notText("NUL bytes"))
  }

  @Test("random bytes: about a tenth are control bytes")
  func randomBytes() {
    var generator = SplitMix(seed: 7)
    let bytes = (0..<65536).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
    guard case .notText(let why) = refusal(bytes) else {
      Issue.record("random bytes were decoded")
      return
    }
    #expect(why.hasPrefix("binary data, ") && why.hasSuffix("% control bytes"))
  }

  @Test("a few control characters and a stray NUL in long text are still text")
  func fewControls() throws {
    let line = "全镇登记选民5210人，参选率95.7%。\u{1B}[0m\u{07}\n"
    let bytes = Array(String(repeating: line, count: 20).utf8) + [0] + Array(line.utf8)
    #expect(refusal(bytes) == nil)
  }
}

/// A small deterministic generator for test data.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
