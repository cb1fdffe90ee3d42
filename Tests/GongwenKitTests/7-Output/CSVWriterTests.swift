import Testing

@testable import GongwenKit

@Suite("CSVWriter: RFC 4180, CRLF, BOM, formula guard")
struct CSVWriterTests {
  func row(_ cells: [String]) -> String {
    var out: [UInt8] = []
    CSVWriter().appendRow(cells, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  @Test("the header starts with a BOM by default, and without one when asked")
  func bom() {
    #expect(CSVWriter().header(["a", "b"]) == [0xEF, 0xBB, 0xBF] + Array("a,b\r\n".utf8))
    #expect(CSVWriter(includesBOM: false).header(["a", "b"]) == Array("a,b\r\n".utf8))
  }

  @Test("commas, quotes and line breaks are quoted, quotes doubled")
  func quoting() {
    #expect(row(["1,200人", "说\"好\"", "a\nb", "plain"]) == "\"1,200人\",\"说\"\"好\"\"\",\"a\nb\",plain\r\n")
  }

  @Test("cells starting with = + - @ are neutralised; plain numbers are not", arguments: [
    ("=SUM(A1)", "'=SUM(A1)"), ("+86", "'+86"), ("@x", "'@x"), ("-", "'-"), ("-0.7", "-0.7"), ("90.8", "90.8"),
    ("-x", "'-x"),
  ])
  func formulaGuard(_ pair: (String, String)) {
    #expect(row([pair.0]) == pair.1 + "\r\n")
  }
}
