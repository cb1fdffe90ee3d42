import Foundation

/// The generator's ground truth (`manifest.json` of ../shared/perf/gen_corpus.py), reduced to what the checksum needs.
struct Manifest {
  /// Documents per file, by path relative to the corpus root.
  var documentsByPath: [String: Int] = [:]
  /// Documents in all files.
  var documents = 0
  /// Figures by manifest kind (`percent`, `count`, `age_band`, …), every status counted.
  var figuresByKind: [String: Int] = [:]
  /// Headings by level 1…4.
  var headingsByLevel: [Int: Int] = [:]
  /// Inline enumeration items (一是, 首先, …).
  var inlineItems = 0
  /// Template blanks, lost decimals and deliberately inconsistent groups: what the checks should flag.
  var blank = 0
  var lostDecimal = 0
  var inconsistent = 0

  /// Kinds the generator marks as not statistics: they should not count as figures.
  static let nonStatistics: Set<String> = ["ordinal", "duration", "docno", "name"]

  /// Statistical figures the manifest holds (all statuses), the total gongwen's figure count is compared with.
  var statisticalFigures: Int {
    figuresByKind.filter { !Self.nonStatistics.contains($0.key) && $0.key != "date" }.values.reduce(0, +)
  }

  init(contentsOf path: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let files = root["files"] as? [[String: Any]], let totals = root["totals"] as? [String: Any]
    else { throw BenchError("\(path): not a gen_corpus.py manifest") }
    for file in files {
      guard let path = file["path"] as? String, let n = file["documents"] as? Int else { continue }
      documentsByPath[path] = n
      documents += n
    }
    for (kind, statuses) in totals["by_kind"] as? [String: [String: Int]] ?? [:] {
      figuresByKind[kind] = statuses.values.reduce(0, +)
    }
    for (level, n) in totals["headings"] as? [String: Int] ?? [:] {
      if let l = Int(level) { headingsByLevel[l] = n }
    }
    inlineItems = totals["inline_enum"] as? Int ?? 0
    blank = totals["blank"] as? Int ?? 0
    lostDecimal = totals["lost_decimal"] as? Int ?? 0
    inconsistent = totals["inconsistent"] as? Int ?? 0
  }

  init() {}
}
