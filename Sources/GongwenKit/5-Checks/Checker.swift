/// Runs the rules over a parsed file and places each finding in the document it belongs to.
struct Checker: Sendable {
  /// Every finding in `file`, in text order.
  func findings(in file: InputFile) -> [Finding] {
    var out: [Finding] = []
    for invalid in file.text.invalidBytes {
      let start = file.text.location(of: invalid.textOffset)
      let end = file.text.location(of: min(invalid.textOffset + 3, file.text.bytes.count))
      out.append(
        Finding(
          rule: "invalid-bytes", severity: .error,
          message: "\(invalid.length) byte\(invalid.length == 1 ? "" : "s") not valid in \(file.encoding.rawValue) at byte offset \(invalid.sourceOffset), read as U+FFFD",
          start: start, end: end, text: "\u{FFFD}", byteOffset: invalid.sourceOffset))
    }
    for (block, name) in [(file.front, "front matter"), (file.trailer, "trailing text")] {
      guard let block else { continue }
      out.append(
        Finding(
          rule: "boilerplate", severity: .note,
          message: "web-page \(name) on lines \(block.firstLine)–\(block.lastLine) kept apart from the documents",
          start: file.text.location(of: block.range.lowerBound), end: file.text.location(of: block.range.upperBound),
          text: block.text.count > 40 ? String(block.text.prefix(40)) + "…" : block.text))
    }
    return out.sorted { $0.start.offset < $1.start.offset }
  }

  /// `documents` with each finding added to the document holding it (front matter to the first, debris to the last).
  static func distribute(_ findings: [Finding], over documents: [Document]) -> [Document] {
    var documents = documents
    guard !documents.isEmpty else { return documents }
    for finding in findings {
      let offset = finding.start.offset
      let index = documents.lastIndex(where: { $0.range.lowerBound <= offset }) ?? 0
      documents[index].findings.append(finding)
    }
    for k in documents.indices { documents[k].findings.sort { $0.start.offset < $1.start.offset } }
    return documents
  }
}
