import Foundation
import Testing

@testable import GongwenKit

@Suite("Check writers")
struct CheckWritersTests {
  static func finding() throws -> Finding {
    var h = HandFigures("参选率达x%，其中男子178人,占90?8%")
    h.add(.percent, "90?8%", ExactDecimal("90.8"), unit: "%", flags: .lostDecimal)
    return try #require(h.findings("lost-decimal").first)
  }

  @Test("a diagnostic line: FILE:LINE:COLUMN: warning: message [rule]")
  func diagnostic() throws {
    var out: [UInt8] = []
    DiagnosticWriter().write(try Self.finding(), path: "2021/东城区.txt", to: &out)
    #expect(
      String(decoding: out, as: UTF8.self)
        == "2021/东城区.txt:1:18: warning: decimal point lost in 90?8%: read as 90.8% [lost-decimal]\n")
  }

  @Test("colors only when asked: bold path, magenta warning")
  func colored() throws {
    var out: [UInt8] = []
    DiagnosticWriter(colored: true).write(try Self.finding(), path: "a.txt", to: &out)
    #expect(String(decoding: out, as: UTF8.self).hasPrefix("\u{1B}[1ma.txt:1:18: \u{1B}[0m\u{1B}[1;35mwarning:\u{1B}[0m decimal"))
  }

  @Test("the summary counts errors, warnings and notes in files")
  func summary() {
    #expect(DiagnosticWriter.summary(errors: 2, warnings: 1, notes: 0, files: 1) == "2 errors, 1 warning in 1 file")
    #expect(DiagnosticWriter.summary(errors: 0, warnings: 3, notes: 1, files: 2) == "0 errors, 3 warnings, 1 note in 2 files")
  }

  @Test("the JSON finding carries the issue's fields in order")
  func json() throws {
    var out = JSONEmitter()
    JSONWriter().writeFinding(try Self.finding(), path: "a.txt", to: &out)
    #expect(
      String(decoding: out.take(), as: UTF8.self)
        == #"{"rule":"lost-decimal","severity":"warning","message":"decimal point lost in 90?8%: read as 90.8%","file":"a.txt","line":1,"column":18,"end_column":23,"text":"90?8%","suggestion":"90.8%","end_line":1,"offset":39,"byte_offset":null}"#
    )
  }

  @Test("SARIF 2.1.0: driver rules, results with ruleId, level, message, location and region")
  func sarif() throws {
    let writer = SARIFWriter(toolVersion: "9.9.9")
    var bytes = writer.header()
    var result = JSONEmitter()
    writer.writeResult(try Self.finding(), path: "2021/东城区.txt", to: &result)
    bytes += result.take() + writer.footer
    let root = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    #expect(root["version"] as? String == "2.1.0")
    let run = try #require((root["runs"] as? [[String: Any]])?.first)
    #expect(run["columnKind"] as? String == "unicodeCodePoints")
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "gongwen")
    #expect(driver["version"] as? String == "9.9.9")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.compactMap { $0["id"] as? String } == (RuleDescriptor.all + [.inputError]).map(\.id))
    #expect(rules.allSatisfy { (($0["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false })
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 1)
    let first = try #require(results.first)
    #expect(first["ruleId"] as? String == "lost-decimal")
    #expect(first["level"] as? String == "warning")
    #expect((first["message"] as? [String: Any])?["text"] as? String == "decimal point lost in 90?8%: read as 90.8%")
    let location = try #require((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "2021/%E4%B8%9C%E5%9F%8E%E5%8C%BA.txt")
    let region = try #require(location["region"] as? [String: Any])
    #expect(region["startLine"] as? Int == 1)
    #expect(region["startColumn"] as? Int == 18)
    #expect(region["endColumn"] as? Int == 23)
  }
}
