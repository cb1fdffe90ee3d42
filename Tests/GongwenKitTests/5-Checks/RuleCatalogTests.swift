import Foundation
import Testing

@testable import GongwenKit

@Suite("Rule catalog")
struct RuleCatalogTests {
  @Test("the ten rule ids, in documentation order, with their severities")
  func ids() {
    #expect(
      RuleDescriptor.all.map { "\($0.id):\($0.severity.rawValue)" } == [
        "blank-number:warning", "placeholder-number:warning", "placeholder-name:warning", "placeholder-date:warning",
        "lost-decimal:warning", "invalid-bytes:error", "sum-mismatch:error", "percent-mismatch:error",
        "percent-total:warning", "boilerplate:note",
      ])
  }

  @Test("every rule id in code has a section and a table row in docs/rules.md, with its severity")
  func documented() throws {
    let url = Fixtures.root.deletingLastPathComponent().appendingPathComponent("docs/rules.md")
    let doc = try String(contentsOf: url, encoding: .utf8)
    for rule in RuleDescriptor.all + [.inputError] {
      #expect(doc.contains("\n## `\(rule.id)`\n\nSeverity: \(rule.severity.rawValue)."), "no section for \(rule.id)")
      #expect(doc.contains("| `\(rule.id)` | \(rule.severity.rawValue) |"), "no table row for \(rule.id)")
    }
    let sections = doc.components(separatedBy: "\n## `").count - 1
    #expect(sections == RuleDescriptor.all.count + 1)
  }

  @Test("invalid-bytes gives the byte offset in the file")
  func invalidBytes() throws {
    let findings = try fixtureFindings("invalid-bytes.txt", rule: "invalid-bytes")
    #expect(findings.map(Spot.init) == [Spot("invalid-bytes", 1, 7, 8, "\u{FFFD}")])
    #expect(findings.first?.byteOffset == 14)
    #expect(findings.first?.message == "1 byte not valid in utf-8 at byte offset 14, read as U+FFFD")
  }

  @Test("boilerplate notes the front matter kept apart")
  func boilerplate() throws {
    let findings = try fixtureFindings("boilerplate.txt")
    #expect(findings.map { "\($0.rule) \($0.severity) \($0.start.line)" } == ["boilerplate note 1"])
    #expect(findings.first?.message == "web-page front matter on lines 1–3 kept apart from the documents")
  }
}
