import Testing

@testable import GongwenKit

@Suite("JSONName: the quoted literals equal the raw values")
struct JSONNameTests {
  static func string(_ s: StaticString) -> String { s.withUTF8Buffer { String(decoding: $0, as: UTF8.self) } }

  @Test("every figure kind")
  func kinds() {
    for kind in Figure.Kind.allCases {
      #expect(Self.string(JSONName.of(kind)) == "\"\(kind.rawValue)\"")
      #expect(JSONName.of(kind).utf8CodeUnitCount <= JSONName.bound)
    }
  }

  @Test("every finding severity")
  func severities() {
    for severity in Finding.Severity.allCases {
      #expect(Self.string(JSONName.of(severity)) == "\"\(severity.rawValue)\"")
      #expect(JSONName.of(severity).utf8CodeUnitCount <= JSONName.bound)
    }
  }

  @Test("every metric, and none")
  func metrics() {
    for metric in Metric.allCases {
      #expect(Self.string(JSONName.of(metric)) == "\"\(metric.rawValue)\"")
      #expect(JSONName.of(metric).utf8CodeUnitCount <= JSONName.bound)
    }
    #expect(Self.string(JSONName.of(nil as Metric?)) == "\"\"")
  }
}
