/// Runs the rules over a parsed file and places each finding in the document it belongs to.
struct Checker: Sendable {
  /// Every rule, in documentation order.
  static let allRules: [any Rule] = [
    BlankNumberRule(), PlaceholderNumberRule(), PlaceholderNameRule(), PlaceholderDateRule(), LostDecimalRule(),
    InvalidBytesRule(), SumMismatchRule(), PercentMismatchRule(), PercentTotalRule(), BoilerplateRule(),
  ]

  /// The rules to run.
  var rules: [any Rule] = Checker.allRules

  /// Every finding in `file`, in text order.
  func findings(in file: InputFile) -> [Finding] {
    findings(in: RuleContext(file))
  }

  /// Every finding in `context`, in text order (rules in documentation order at the same offset).
  func findings(in context: RuleContext) -> [Finding] {
    // This array is the one the documents keep, so room for many findings would stay allocated with every
    // file: room is reserved for about as many as the flagged figures and the placeholders make (each
    // growth by doubling moved the findings and freed the old room). The rules on breakdowns, which find
    // few, grow it when they must.
    var out: [Finding] = []
    let expected = Self.expectedCount(in: context)
    if expected > 0 { out.reserveCapacity(expected) }
    for rule in rules { rule.check(context, into: &out) }
    // Sorted by (offset, index), which keeps rule order at the same offset: pairs of integers are sorted,
    // not findings (large records with strings).
    // Offsets read through a pointer: `out[k].start.offset` copied each whole finding (retaining its strings).
    var keys: [(offset: Int, index: Int)] = []
    keys.reserveCapacity(out.count)
    out.withUnsafeBufferPointer { p in
      for k in p.indices { keys.append((p[k].start.offset, k)) }
    }
    keys.sort { $0 < $1 }
    // Findings moved into place by swaps, cycle by cycle: a copy of each into a new array retained and
    // released its strings. `keys[j].index` is the finding that goes to `j`; visited entries are set to `j`.
    // Swapped by moves through a pointer: `swapAt` on the array copied both findings.
    out.withUnsafeMutableBufferPointer { p in
      guard let base = p.baseAddress else { return }
      for start in keys.indices where keys[start].index != start {
        var j = start
        while true {
          let from = keys[j].index
          keys[j].index = j
          if from == start { break }
          let held = (base + j).move()
          (base + j).moveInitialize(from: base + from, count: 1)
          (base + from).initialize(to: held)
          j = from
        }
      }
    }
    return out
  }

  /// About how many findings `context` gives, counted from what most rules report one finding for:
  /// blank, placeholder and lost-decimal figures, placeholders in the text, and set-aside blocks.
  private static func expectedCount(in context: RuleContext) -> Int {
    var count = context.placeholders.count + (context.front == nil ? 0 : 1) + (context.trailer == nil ? 0 : 1)
    let flagged: Figure.Flags = [.blank, .placeholder, .lostDecimal]
    // Flags read through the buffer: a copy of each figure would retain its source.
    context.figures.withUnsafeBufferPointer { fp in
      for k in fp.indices where !fp[k].flags.isDisjoint(with: flagged) { count += 1 }
    }
    return count
  }

  /// Adds each finding (in text order, as `findings(in:)` returns them) to the document of `documents`
  /// holding it (front matter to the first, debris to the last). In place: a copy of the array retained
  /// every document's fields and released them again.
  static func distribute(_ findings: [Finding], into documents: inout [Document]) {
    guard !documents.isEmpty else { return }
    // Most files are one document: it takes the array as it is, with no copy of each finding.
    if documents.count == 1 && documents[0].findings.isEmpty {
      documents[0].findings = findings
      return
    }
    // Findings and documents are both in text order: one merge pass finds each document's run of
    // findings, appended at once (one by one, the arrays grew again and again).
    var index = 0
    var start = 0
    for k in findings.indices {
      let offset = findings[k].start.offset
      guard index + 1 < documents.count && documents[index + 1].range.lowerBound <= offset else { continue }
      documents[index].findings.append(contentsOf: findings[start..<k])
      start = k
      while index + 1 < documents.count && documents[index + 1].range.lowerBound <= offset { index += 1 }
    }
    documents[index].findings.append(contentsOf: findings[start...])
  }
}
