import Testing

@testable import GongwenKit

@Suite("FigureTable: rows written straight into the buffer match figureRows through CSVWriter")
struct FigureTableTests {
  @Test("the sample's figures, unfiltered and filtered by kind and metric", arguments: [
    FigureTable(), FigureTable(kinds: [.percent]), FigureTable(metrics: [.turnout, .voters]),
  ])
  func sameBytes(_ table: FigureTable) throws {
    let file = try #require(Fixtures.sample)
    var direct: [UInt8] = []
    table.appendFigureRows(of: file, to: &direct)
    var viaStrings: [UInt8] = []
    for row in table.figureRows(of: file) { CSVWriter().appendRow(row, to: &viaStrings) }
    #expect(!direct.isEmpty)
    #expect(String(decoding: direct, as: UTF8.self) == String(decoding: viaStrings, as: UTF8.self))
  }

  @Test("cells to quote or guard, flags and decimals of every scale, in one figure's row")
  func oneRow() throws {
    let at = SourceLocation(line: 3, column: 5, offset: 10)
    let figure = Figure(
      kind: .percent, value: ExactDecimal(significand: -7, scale: 1), unit: "%",
      low: ExactDecimal(significand: 5, scale: 22), high: ExactDecimal(significand: 12, scale: -1),
      subject: "=参选率", base: "选民,\"总数\"", metric: .turnout, flags: [.blank, .atMost], range: 10..<14,
      start: at, end: at, text: "-x\n")
    let path = "a,b.txt"
    var direct: [UInt8] = []
    var section = "一/（二）"
    FigureTable.fileCell(path).withUnsafeBufferPointer { file in
      section.withUTF8 { section in
        withUnsafePointer(to: figure) {
          FigureTable.appendRow(fileCell: file, document: 2, figure: $0, section: section, to: &direct)
        }
      }
    }
    var viaStrings: [UInt8] = []
    CSVWriter().appendRow(FigureTable.row(file: path, document: 2, figure: figure, section: "一/（二）"), to: &viaStrings)
    #expect(String(decoding: direct, as: UTF8.self) == String(decoding: viaStrings, as: UTF8.self))
    #expect(
      String(decoding: direct, as: UTF8.self)
        == "\"a,b.txt\",2,3,5,一/（二）,percent,turnout,'=参选率,\"选民,\"\"总数\"\"\",-0.7,%,0.0000000000000000000005,12,"
        + "blank;at-most,\"'-x\n\"\r\n")
  }
}
