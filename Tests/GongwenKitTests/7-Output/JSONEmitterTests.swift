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

  @Test("decimals print as ExactDecimal.description does, without a String", arguments: [
    (Int64(908), 1, "90.8"), (-7, 1, "-0.7"), (5, 2, "0.05"), (306, 0, "306"), (9080, 2, "90.80"),
    (0, 0, "0"), (0, 3, "0.000"), (-5, 3, "-0.005"), (Int64.max, 19, "0.9223372036854775807"),
    (Int64.min + 1, 4, "-922337203685477.5807"), (5, 22, "0.0000000000000000000005"), (-12, -1, "-12"),
    (Int64.min, 0, "-9223372036854775808"), (Int64.min, 19, "-0.9223372036854775808"),
  ])
  func decimals(_ significand: Int64, _ scale: Int, _ json: String) {
    var out = JSONEmitter()
    let value = ExactDecimal(significand: significand, scale: scale)
    out.decimal(value)
    #expect(String(decoding: out.bytes, as: UTF8.self) == json)
    #expect(value.description == json)
  }

  @Test("fused fields match key then value: compact and indented, short, long and escaped strings, nil")
  func fields() {
    let long = String(repeating: "选", count: 30)
    for pretty in [false, true] {
      var fused = JSONEmitter(pretty: pretty)
      var plain = JSONEmitter(pretty: pretty)
      fused.beginObject()
      fused.field("line", 12); fused.field("neg", -3); fused.field("max", Int.max); fused.field("min", Int.min)
      fused.field("kind", "percent"); fused.field("text", long); fused.field("q", "a\"b")
      fused.field("none", nil as String?); fused.key(static: "flags"); fused.beginArray(); fused.endArray()
      fused.field("value", ExactDecimal(significand: -7, scale: 1)); fused.field("low", nil as ExactDecimal?)
      fused.emptyArray("e")
      // A long value after a fused key must still leave a comma before the next object.
      fused.key(static: "items"); fused.beginArray()
      for _ in 0..<2 { fused.beginObject(); fused.field("t", long); fused.endObject() }
      fused.endArray()
      fused.endObject()
      plain.beginObject()
      plain.key("line"); plain.int(12); plain.key("neg"); plain.int(-3)
      plain.key("max"); plain.int(Int.max); plain.key("min"); plain.int(Int.min)
      plain.key("kind"); plain.string("percent"); plain.key("text"); plain.string(long); plain.key("q"); plain.string("a\"b")
      plain.key("none"); plain.null(); plain.key("flags"); plain.beginArray(); plain.endArray()
      plain.key("value"); plain.decimal(ExactDecimal(significand: -7, scale: 1)); plain.key("low"); plain.decimal(nil)
      plain.key("e"); plain.beginArray(); plain.endArray()
      plain.key("items"); plain.beginArray()
      for _ in 0..<2 { plain.beginObject(); plain.key("t"); plain.string(long); plain.endObject() }
      plain.endArray()
      plain.endObject()
      #expect(fused.bytes == plain.bytes, "pretty: \(pretty)")
    }
    var compact = JSONEmitter()
    compact.beginObject(); compact.field("a", 1); compact.field("b", "x")
    compact.field("c", ExactDecimal(significand: 5, scale: 2)); compact.field("d", nil as ExactDecimal?)
    compact.emptyArray("f"); compact.endObject()
    #expect(String(decoding: compact.bytes, as: UTF8.self) == #"{"a":1,"b":"x","c":0.05,"d":null,"f":[]}"#)
  }

  @Test("take hands over one record and leaves the emitter empty for the next")
  func take() {
    var out = JSONEmitter()
    out.beginObject(); out.field("a", 1); out.endObject()
    #expect(String(decoding: out.take(), as: UTF8.self) == #"{"a":1}"#)
    #expect(out.bytes.isEmpty)
    out.beginObject(); out.field("b", 2); out.endObject()
    #expect(String(decoding: out.take(), as: UTF8.self) == #"{"b":2}"#)
  }
}
