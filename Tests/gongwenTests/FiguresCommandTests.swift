import Foundation
import Testing

@testable import gongwen

@Suite("gongwen figures and gongwen turnout: CSV columns, BOM, filters, error rows")
struct FiguresCommandTests {
  static let figureHeader = "file,document,line,column,section,kind,metric,subject,base,value,unit,low,high,flags,text\r\n"
  static let turnoutHeader = "file,document,title,line,column,place,metric,value,voters,voted,change,flags,text\r\n"

  @Test("figures writes a BOM, the exact header and CRLF rows")
  func header() {
    let run = CLI.run(["figures", CLI.fixture("figures/total-and-parts.txt")])
    #expect(run.status == 0)
    #expect(Array(run.out.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let text = String(decoding: run.out.dropFirst(3), as: UTF8.self)
    #expect(text.hasPrefix(Self.figureHeader))
    let rows = text.split(separator: "\r\n", omittingEmptySubsequences: true)
    #expect(rows.count == 12)
    #expect(rows[2].hasSuffix(",count,,男子,农村党支部书记,178,人,,,,178人"))
  }

  @Test("--no-bom, --kind and --metric filter and drop the BOM")
  func filters() {
    let run = CLI.run([
      "figures", "--no-bom", "--kind", "change", "--metric", "average-age", CLI.fixture("figures/total-and-parts.txt"),
    ])
    #expect(run.status == 0)
    let rows = run.outText.split(separator: "\r\n")
    #expect(rows.count == 2)
    #expect(rows[0] + "\r\n" == Self.figureHeader)
    #expect(rows[1].contains(",change,average-age,农村党支部书记,,-0.7,岁,"))
  }

  @Test("an unknown kind is a usage error, exit 2")
  func unknownKind() {
    let run = CLI.run(["figures", "--kind", "percentage"])
    #expect(run.status == 2)
    #expect(run.errText.hasPrefix("error: invalid kind 'percentage'"))
  }

  @Test("an unreadable input becomes an error row with 'error' in flags; exit 2")
  func errorRow() {
    let run = CLI.run(["figures", "--no-bom", "/nonexistent/gongwen.txt"])
    #expect(run.status == 2)
    let rows = run.outText.split(separator: "\r\n")
    #expect(rows.count == 2)
    #expect(rows[1].hasPrefix("/nonexistent/gongwen.txt,,,,,,,,,,,,,error,"))
  }

  @Test("jsonl records start with file and document and carry the figure fields")
  func jsonl() throws {
    let run = CLI.run(["figures", "--format", "jsonl", "--kind", "age-band", CLI.fixture("figures/total-and-parts.txt")])
    let records = try run.jsonLines()
    #expect(records.count == 2)
    #expect(records.first?["document"] as? Int == 1)
    #expect(records.first?["subject"] as? String == "35岁以下")
    #expect(records.first?["high"] as? Int == 35)
  }

  @Test("turnout on the sample: 全区, 芝山镇, 石亭镇 on line 11, placeholders, blanks named in flags")
  func turnout() {
    let run = CLI.run(["turnout", "--no-bom"])
    #expect(run.status == 0)
    let rows = run.outText.split(separator: "\r\n").map(String.init)
    #expect(rows[0] + "\r\n" == Self.turnoutHeader)
    #expect(rows[1].hasSuffix(",11,40,全区,turnout,,,,,placeholder;voted:blank,x%"))
    #expect(rows[2].hasSuffix(",11,62,芝山镇,turnout,,,,,placeholder;voters:blank;voted:blank;change:placeholder,x%"))
    #expect(rows[3].hasSuffix(",11,90,石亭镇,turnout,,,,,placeholder;voted:blank,x%"))
  }
}

@Suite("gongwen figures and turnout on the sample: golden CSV")
struct FiguresGoldenTests {
  /// Compares `output` with `Fixtures/golden/<name>` byte for byte; with GONGWEN_UPDATE_GOLDEN=1 rewrites the
  /// file and records an issue, so that run fails and the diff gets reviewed.
  func expectGolden(_ output: [UInt8], named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let url = CLI.root.appendingPathComponent("Fixtures/golden/\(name)")
    if ProcessInfo.processInfo.environment["GONGWEN_UPDATE_GOLDEN"] == "1" {
      try Data(output).write(to: url)
      Issue.record("rewrote Fixtures/golden/\(name); review git diff Fixtures/golden and rerun", sourceLocation: sourceLocation)
      return
    }
    let expected = try #require(FileManager.default.contents(atPath: url.path), "missing golden \(name)", sourceLocation: sourceLocation)
    #expect(Array(expected) == output, "gongwen output differs from Fixtures/golden/\(name)", sourceLocation: sourceLocation)
  }

  @Test("every figure of the sample, as CSV")
  func sampleFigures() throws {
    let run = CLI.run(["figures", "--no-bom"])
    #expect(run.status == 0)
    try expectGolden(run.out, named: "sample-figures.csv")
  }

  @Test("the sample's turnout rows, as CSV")
  func sampleTurnout() throws {
    let run = CLI.run(["turnout", "--no-bom"])
    #expect(run.status == 0)
    try expectGolden(run.out, named: "sample-turnout.csv")
  }
}
