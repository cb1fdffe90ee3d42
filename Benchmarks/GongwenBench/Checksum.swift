import Foundation
import GongwenKit

/// What a run produced, counted so that a fast but wrong change shows against the generator's manifest.
struct Checksum {
  var files = 0
  var errors = 0
  var documents = 0
  var sectionsByLevel: [Int: Int] = [:]
  var items = 0
  var figuresByKind: [String: Int] = [:]
  var findingsByRule: [String: Int] = [:]
  /// Files whose document count differs from the manifest's: (path, ours, manifest).
  var documentMismatches: [(String, Int, Int)] = []

  var figures: Int { figuresByKind.values.reduce(0, +) }
  var findings: Int { findingsByRule.values.reduce(0, +) }

  /// Counts `parsed` (nil for a file that could not be decoded); `paths` relative to the corpus root key the manifest.
  init(_ parsed: [InputFile?], relativePaths: [String], manifest: Manifest?) {
    files = parsed.count
    for (k, file) in parsed.enumerated() {
      guard let file else {
        errors += 1
        continue
      }
      documents += file.documents.count
      if let expected = manifest?.documentsByPath[relativePaths[k]], expected != file.documents.count {
        documentMismatches.append((relativePaths[k], file.documents.count, expected))
      }
      for document in file.documents {
        items += document.items.count
        for section in document.allSections {
          sectionsByLevel[section.level, default: 0] += 1
          items += section.items.count
        }
        for figure in document.figures { figuresByKind[figure.kind.rawValue, default: 0] += 1 }
        for finding in document.findings { findingsByRule[finding.rule, default: 0] += 1 }
      }
    }
  }

  /// Our figure kind → the manifest's.
  static let manifestKind: [String: String] = [
    "percent": "percent", "count": "count", "age-band": "age_band", "average": "average", "change": "change",
    "date": "date", "age": "age",
  ]

  /// The report lines; `ok` is false when the documents differ from the manifest.
  func report(against manifest: Manifest?) -> (lines: [String], ok: Bool) {
    var lines: [String] = []
    var ok = true
    guard let manifest else {
      lines.append("checksum: \(documents) documents, \(figures) figures, \(findings) findings, \(errors) undecodable files (no manifest)")
      return (lines, true)
    }
    let docsOK = documents == manifest.documents
    ok = docsOK
    lines.append(
      "documents  \(documents) vs manifest \(manifest.documents): \(docsOK ? "match" : "MISMATCH")"
        + (errors > 0 ? " (\(errors) undecodable files)" : ""))
    for (path, ours, theirs) in documentMismatches.prefix(5) { lines.append("  \(path): \(ours) vs \(theirs)") }
    let levels = (1...4).map { "L\($0) \(sectionsByLevel[$0] ?? 0)/\(manifest.headingsByLevel[$0] ?? 0)" }
    lines.append("headings   " + levels.joined(separator: "  ") + "  (ours/manifest)")
    lines.append("items      \(items) vs manifest inline_enum \(manifest.inlineItems)" + ratio(items, manifest.inlineItems))
    var kindParts: [String] = []
    for (ours, theirs) in Self.manifestKind.sorted(by: { $0.key < $1.key }) {
      let n = figuresByKind[ours] ?? 0
      let truth = manifest.figuresByKind[theirs] ?? 0
      kindParts.append("\(ours) \(n)/\(truth)")
    }
    let statistical = figuresByKind.filter { $0.key != "date" }.values.reduce(0, +)
    lines.append(
      "figures    \(figures) (statistics \(statistical) vs manifest \(manifest.statisticalFigures)"
        + ratio(statistical, manifest.statisticalFigures) + ")")
    lines.append("           by kind (ours/manifest, all statuses): " + kindParts.joined(separator: "  "))
    let rules = findingsByRule.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "  ")
    lines.append("findings   \(findings)" + (rules.isEmpty ? "" : ": " + rules))
    lines.append(
      "           manifest: blank \(manifest.blank), lost_decimal \(manifest.lostDecimal), inconsistent groups \(manifest.inconsistent)")
    return (lines, ok)
  }

  private func ratio(_ a: Int, _ b: Int) -> String {
    b == 0 ? "" : ", ratio " + String(format: "%.3f", Double(a) / Double(b))
  }
}
