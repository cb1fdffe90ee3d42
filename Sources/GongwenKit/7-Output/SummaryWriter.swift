/// A readable summary of a parsed file for the terminal: its documents, their heading outlines,
/// key figures and findings.
public struct SummaryWriter: Sendable {
  /// Creates a writer.
  public init() {}

  /// The summary of `file` as text.
  public func summary(of file: InputFile) -> String {
    var s = "\(file.path): \(file.encoding.rawValue), \(file.text.bytes.count) bytes, \(file.documents.count) document\(file.documents.count == 1 ? "" : "s")\n"
    if let front = file.front { s += "front matter: lines \(front.firstLine)–\(front.lastLine) (kept apart)\n" }
    if let trailer = file.trailer { s += "trailer: lines \(trailer.firstLine)–\(trailer.lastLine) (kept apart)\n" }
    for document in file.documents {
      s += "\n\(document.index). \(document.title)\n"
      s += "   lines \(document.firstLine)–\(document.lastLine), \(document.script.rawValue)"
      let itemCount = document.items.count + document.allSections.reduce(0) { $0 + $1.items.count }
      s += ", \(document.allSections.count) headings, \(itemCount) inline items\n"
      for section in document.sections { outline(section, depth: 1, into: &s) }
      if !document.figures.isEmpty {
        var byKind: [String: Int] = [:]
        for figure in document.figures { byKind[figure.kind.rawValue, default: 0] += 1 }
        let kinds = Figure.Kind.allCases.compactMap { k in byKind[k.rawValue].map { "\(k.rawValue) \($0)" } }
        s += "   figures: \(document.figures.count) (\(kinds.joined(separator: ", ")))\n"
        // Key figures: the first figure of each metric, as the compare table reads them.
        var seen: Set<Metric> = []
        var keys: [String] = []
        for figure in document.figures where figure.kind != .change {
          guard let metric = figure.metric, seen.insert(metric).inserted else { continue }
          let value =
            figure.value.map { "\($0)\(figure.unit)" }
            ?? (figure.flags.contains(.placeholder) ? "placeholder" : "blank")
          keys.append("\(metric.rawValue) \(value) (line \(figure.start.line))")
        }
        if !keys.isEmpty { s += "   key figures: " + keys.joined(separator: ", ") + "\n" }
      }
      if !document.findings.isEmpty {
        var byRule: [String: Int] = [:]
        for finding in document.findings { byRule[finding.rule, default: 0] += 1 }
        let rules = byRule.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        s += "   findings: \(document.findings.count) (\(rules.joined(separator: ", ")))\n"
      }
    }
    return s
  }

  private func outline(_ section: Section, depth: Int, into s: inout String) {
    s += String(repeating: "  ", count: depth + 1) + section.marker + section.title + "  (line \(section.location.line))\n"
    for child in section.children { outline(child, depth: depth + 1, into: &s) }
  }
}
