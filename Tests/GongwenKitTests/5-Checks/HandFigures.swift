@testable import GongwenKit

/// Figures built by hand over a text, so rule tests do not depend on the extractor.
///
///     var h = HandFigures("农村党支部书记306人,其中男子178人")
///     h.count("306人", 306, subject: "农村党支部书记")
///     h.count("178人", 178, subject: "男子", base: "农村党支部书记")
struct HandFigures {
  let text: DecodedText
  private(set) var figures: [Figure] = []
  private var cursor = 0

  init(_ s: String) { text = DecodedText(bytes: Array(s.utf8), encoding: .utf8) }

  /// Figures over already decoded text (a GB18030 or UTF-16 fixture).
  init(text: DecodedText) { self.text = text }

  /// Adds a figure over the next occurrence of `written` after the previous figure.
  mutating func add(
    _ kind: Figure.Kind, _ written: String, _ value: ExactDecimal?, unit: String = "", subject: String = "",
    base: String = "", metric: Metric? = nil, flags: Figure.Flags = []
  ) {
    let needle = Array(written.utf8)
    var start = cursor
    while start + needle.count <= text.bytes.count && !text.bytes[start..<(start + needle.count)].elementsEqual(needle) {
      start += 1
    }
    precondition(start + needle.count <= text.bytes.count, "\(written) not found after offset \(cursor)")
    let range = start..<(start + needle.count)
    cursor = range.upperBound
    figures.append(
      Figure(
        kind: kind, value: value, unit: unit, subject: subject, base: base, metric: metric, flags: flags, range: range,
        start: text.location(of: range.lowerBound), end: text.location(of: range.upperBound), text: written))
  }

  mutating func count(_ written: String, _ value: Int64, subject: String, base: String = "", metric: Metric? = nil) {
    add(.count, written, ExactDecimal(significand: value), unit: "人", subject: subject, base: base, metric: metric)
  }

  mutating func percent(
    _ written: String, _ value: String?, subject: String = "", base: String = "", metric: Metric? = nil,
    flags: Figure.Flags = []
  ) {
    add(.percent, written, value.flatMap { ExactDecimal($0) }, unit: "%", subject: subject, base: base, metric: metric, flags: flags)
  }

  var context: RuleContext { RuleContext(text: text, figures: figures) }

  /// What the rule with `id` finds (all rules when nil).
  func findings(_ id: String? = nil) -> [Finding] {
    Checker().findings(in: context).filter { id == nil || $0.rule == id }
  }
}

/// Findings of `Fixtures/checks/<name>` for one rule.
func fixtureFindings(_ name: String, rule: String? = nil) throws -> [Finding] {
  let file = try Fixtures.file("checks/\(name)")
  return file.documents.flatMap(\.findings).filter { rule == nil || $0.rule == rule }
}

/// A finding reduced to what tests compare: rule, line, column, end column, text.
struct Spot: Hashable, CustomStringConvertible {
  let rule: String, line: Int, column: Int, endColumn: Int, text: String
  init(_ rule: String, _ line: Int, _ column: Int, _ endColumn: Int, _ text: String) {
    self.rule = rule
    self.line = line
    self.column = column
    self.endColumn = endColumn
    self.text = text
  }
  init(_ f: Finding) { self.init(f.rule, f.start.line, f.start.column, f.end.column, f.text) }
  var description: String { "\(rule) \(line):\(column)-\(endColumn) \(text)" }
}
