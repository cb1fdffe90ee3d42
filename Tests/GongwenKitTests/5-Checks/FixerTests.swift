import Testing

@testable import GongwenKit

@Suite("Fixer")
struct FixerTests {
  /// Decodes a fixture, marks its lost decimals by hand, and repairs it.
  static func fix(_ name: String, marks: [(String, String)]) throws -> (fixed: [UInt8], expected: [UInt8], changes: [Fixer.Change]) {
    let original = try Fixtures.bytes("checks/\(name).txt")
    let text = try TextDecoder().decode(original, path: name)
    var h = HandFigures(text: text)
    for (written, value) in marks {
      h.add(.percent, written, ExactDecimal(value), unit: "%", flags: .lostDecimal)
    }
    let (fixed, changes) = Fixer().fix(original, text: text, findings: h.findings())
    return (fixed, try Fixtures.bytes("checks/\(name).fixed.txt"), changes)
  }

  static let marks = [("90?8%", "90.8"), ("9？2%", "9.2"), ("42。2岁", "42.2")]

  @Test("GB18030 with CRLF: each mark becomes 2E, every other byte stays")
  func gb18030() throws {
    let (fixed, expected, changes) = try Self.fix("fix-gb18030-crlf", marks: Self.marks)
    #expect(fixed == expected)
    #expect(changes.map(\.after) == ["90.8%", "9.2%", "42.2岁"])
    #expect(changes.map(\.location.line) == [1, 1, 2])
  }

  @Test("UTF-16LE with BOM: each mark becomes 2E 00")
  func utf16() throws {
    let (fixed, expected, changes) = try Self.fix("fix-utf16le-bom", marks: Self.marks)
    #expect(fixed == expected)
    #expect(changes.count == 3)
  }

  @Test("UTF-8 with BOM: an invalid byte standing for the point is replaced in the original buffer")
  func utf8Invalid() throws {
    let (fixed, expected, changes) = try Self.fix("fix-utf8-invalid", marks: [("51\u{FFFD}2%", "51.2"), ("90?8%", "90.8")])
    #expect(fixed == expected)
    #expect(changes.map(\.before) == ["51\u{FFFD}2%", "90?8%"])
    #expect(changes.first?.location.column == 2)
  }

  @Test("no lost decimal, no change")
  func untouched() throws {
    let original = try Fixtures.bytes("checks/fix-gb18030-crlf.txt")
    let text = try TextDecoder().decode(original, path: "x")
    let (fixed, changes) = Fixer().fix(original, text: text, findings: [])
    #expect(fixed == original)
    #expect(changes.isEmpty)
  }
}
