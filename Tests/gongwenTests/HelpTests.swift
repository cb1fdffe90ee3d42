import Testing
@testable import gongwen

@Suite struct HelpTests {
  @Test("help parse prints the text of parse --help")
  func helpParse() {
    let a = StandardStreams.capturing()
    let b = StandardStreams.capturing()
    #expect(Gongwen.run(arguments: ["help", "parse"], environment: [:], streams: a) == .success)
    #expect(Gongwen.run(arguments: ["parse", "--help"], environment: [:], streams: b) == .success)
    #expect(a.capturedOut == b.capturedOut)
    #expect(String(decoding: a.capturedOut, as: UTF8.self).hasPrefix("OVERVIEW: Parse files"))
  }
}
