/// `placeholder-number` (warning): letters or symbols standing where digits belong: x%, xx人, xxx个,
/// ××名, and placeholders that are no figure at all (党的xx大, xx届五中全会, xx后). Masked names and
/// dates are `placeholder-name` and `placeholder-date`.
///
///     Before: 参选率达x%
///     After:  参选率达98.5%
struct PlaceholderNumberRule: Rule {
  static let id = "placeholder-number"
  static let severity = Finding.Severity.warning
  static let summary = "Letters or symbols standing for digits: x%, xx人, xxx个, ××名."

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    // Figures and placeholders are both in text order: walk them together (masked names and dates are
    // the placeholders other than numbers, skipped in place rather than gathered into an array).
    let placeholders = context.placeholders
    var m = 0
    var reported: [Range<Int>] = []
    // Indices, not a copy of every figure: few hold placeholders.
    let figures = context.figures
    // Room for every figure that may be reported, reserved once (growing it by doubling allocated again
    // and again).
    var candidates = 0
    for k in figures.indices where figures[k].flags.contains(.placeholder) && figures[k].kind != .date { candidates += 1 }
    if candidates > 0 { reported.reserveCapacity(candidates) }
    for k in figures.indices where figures[k].flags.contains(.placeholder) && figures[k].kind != .date {
      let range = figures[k].range
      while m < placeholders.count && (placeholders[m].kind == .number || placeholders[m].range.upperBound <= range.lowerBound) {
        m += 1
      }
      if m < placeholders.count && placeholders[m].range.overlaps(range) { continue }
      let written = text(ofFigure: k, in: figures)
      let text = message(subjectOf: k, of: figures, " has a placeholder instead of a number (", written, ")")
      findings.append(finding(text, figure: k, of: figures, text: written))
      reported.append(range)
    }
    // Placeholders the figures do not cover, such as ordinals (党的xx大).
    var r = 0
    for match in placeholders where match.kind == .number {
      while r < reported.count && reported[r].upperBound <= match.range.lowerBound { r += 1 }
      if r < reported.count && reported[r].overlaps(match.range) { continue }
      let shown = context.text.string(match.range.lowerBound..<match.context)
      let text = context.text.string(match.range)
      findings.append(
        finding(message(text, " stands for a number (", shown, ")"), range: match.range, text: text, in: context))
    }
  }
}
