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

  @Test("keys: short, longer than the stack buffer, and needing an escape, compact and indented")
  func keys() {
    var compact = JSONEmitter()
    var pretty = JSONEmitter(pretty: true)
    for out in [0, 1] {
      var e = out == 0 ? compact : pretty
      e.beginObject()
      e.key("line"); e.int(1)
      e.key("一个很长的字段名称超过二十八个字节"); e.string("值")
      e.key("q\"k"); e.null()
      e.endObject()
      if out == 0 { compact = e } else { pretty = e }
    }
    #expect(String(decoding: compact.bytes, as: UTF8.self) == #"{"line":1,"一个很长的字段名称超过二十八个字节":"值","q\"k":null}"#)
    #expect(
      String(decoding: pretty.bytes, as: UTF8.self)
        == "{\n  \"line\": 1,\n  \"一个很长的字段名称超过二十八个字节\": \"值\",\n  \"q\\\"k\": null\n}")
  }

  @Test("integers of every width and sign", arguments: [0, 7, 10, 1_234_567, -1, -45, Int.max, Int.min])
  func integers(_ value: Int) {
    var out = JSONEmitter()
    out.int(value)
    #expect(String(decoding: out.bytes, as: UTF8.self) == String(value))
  }
}
