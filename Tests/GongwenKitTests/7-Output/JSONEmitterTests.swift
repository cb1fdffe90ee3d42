import Testing

@testable import GongwenKit

@Suite("JSONEmitter: strings escaped by runs, integers written digit by digit")
struct JSONEmitterTests {
  @Test("quotes, backslashes and control characters are escaped; Chinese passes through", arguments: [
    ("参选率达98.5%", #""参选率达98.5%""#),
    ("他说\"好\"", #""他说\"好\"""#),
    ("a\\b", #""a\\b""#),
    ("一\n二\r三\t四", #""一\n二\r三\t四""#),
    ("\u{01}x\u{7F}", #""\u0001x\u007f""#),
    ("", #""""#),
    ("选举工作总结报告\"第二部分\"\u{01}尾", #""选举工作总结报告\"第二部分\"\u0001尾""#),
    ("abcdefgh\\ijklmnop\u{1F}", #""abcdefgh\\ijklmnop\u001f""#),
  ])
  func strings(_ value: String, _ json: String) {
    var out = JSONEmitter()
    out.string(value)
    #expect(String(decoding: out.bytes, as: UTF8.self) == json)
  }

  @Test("integers of every width and sign", arguments: [0, 7, 10, 1_234_567, -1, -45, Int.max, Int.min])
  func integers(_ value: Int) {
    var out = JSONEmitter()
    out.int(value)
    #expect(String(decoding: out.bytes, as: UTF8.self) == String(value))
  }
}
