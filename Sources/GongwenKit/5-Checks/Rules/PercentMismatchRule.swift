/// `percent-mismatch` (error): a count over its base differs from the stated percent by more than
/// rounding or truncation to the digits written allows. 217319 of 247049 is 87.97%, so both 88.0%
/// (rounded) and 87.9% (truncated) pass; 2311 of 2406 is 96.05%, so 96.1% passes. The count is the
/// nearest one before the percent in its sentence with the percent's subject; the base is the latest
/// count whose subject is the percent's base.
///
///     Before: 农村党支部书记306人,其中男子178人,占90.8%
///     After:  农村党支部书记306人,其中男子178人,占58.2%
struct PercentMismatchRule: Rule {
  static let id = "percent-mismatch"
  static let severity = Finding.Severity.error
  static let summary = "A count over its base differs from the stated percent beyond rounding."
  /// How many figures back a percent's count may stand.
  static let lookBack = 32

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let figures = context.figures
    // Indices, not a copy of every figure: only percents are looked at.
    for k in figures.indices where figures[k].kind == .percent {
      guard let stated = figures[k].value, isExact(figures[k].flags),
        let (p, t) = figures[k].metric == .turnout ? turnout(k, in: context) : share(k, in: context),
        let count = figures[p].value, let whole = figures[t].value
      else { continue }
      guard let actual = Self.percent(count, of: whole), !Self.agrees(count, whole, stated) else { continue }
      // Names and text read in place: a copy of a figure retained its source.
      let part = !figures[p].hasSubject ? count.description : message(subject(ofFigure: p, in: figures), " ", count.description)
      let total = !figures[t].hasSubject ? whole.description : message(subject(ofFigure: t, in: figures), " ", whole.description)
      findings.append(
        finding(message(part, " of ", total, " is ", actual.description, "%, not ", stated.description, "%"), figure: k, of: figures))
    }
  }

  /// The part and total of a share (占代表总数的30%): the total is the latest count named as the base.
  private func share(_ k: Int, in context: RuleContext) -> (Int, Int)? {
    let t = context.shareTotals[k]
    guard context.figures[k].hasBase, t >= 0, isExact(context.figures[t].flags),
      let p = part(of: k, excluding: t, in: context)
    else { return nil }
    return (p, t)
  }

  /// The voters who voted and the registered voters of a turnout, named in its sentence or the one before.
  private func turnout(_ k: Int, in context: RuleContext) -> (Int, Int)? {
    var voted: Int?
    var voters: Int?
    var j = k - 1
    // Fields read in place: a copy of each figure looked at would retain its source.
    let figures = context.figures
    while j >= 0 && j >= k - Self.lookBack && context.owners[j] == context.owners[k]
      && context.sentences[j] >= context.sentences[k] - 1
    {
      let kind = figures[j].kind
      let metric = figures[j].metric
      if kind == .count && isExact(figures[j].flags) && figures[j].value != nil {
        if metric == .voted && voted == nil { voted = j }
        if metric == .voters && voters == nil { voters = j }
      }
      if kind == .percent && metric == .turnout { break }
      j -= 1
    }
    guard let voted, let voters else { return nil }
    return (voted, voters)
  }

  /// The count a percent is stated for: the nearest before it in its sentence with its subject (or, when
  /// the percent has none, with its base), other than the total.
  private func part(of k: Int, excluding total: Int, in context: RuleContext) -> Int? {
    context.figures.withUnsafeBufferPointer { figures in
      // Names compared by their ids: the percent (with a base) has ids for its subject and base, and a
      // count for every name it has; -1 (no name) matches no id.
      let ids = figures[k].hasSubject ? context.names.subjects : context.names.bases
      let name = ids[k]
      guard name >= 0 else { return nil }
      var j = k - 1
      // A bounded look back keeps a text with no sentence ends linear.
      while j >= 0 && j >= k - Self.lookBack && context.sentences[j] == context.sentences[k] {
        if j != total && figures[j].kind == .count && isExact(figures[j].flags) && figures[j].value != nil && ids[j] == name {
          return j
        }
        j -= 1
      }
      return nil
    }
  }

  private func isExact(_ flags: Figure.Flags) -> Bool {
    flags.isDisjoint(with: [.blank, .placeholder, .approximate, .atLeast, .atMost])
  }

  /// Whether `stated` is `part / whole` rounded or truncated to its digits:
  /// stated − ½ unit ≤ 100·part/whole < stated + 1 unit.
  static func agrees(_ part: ExactDecimal, _ whole: ExactDecimal, _ stated: ExactDecimal) -> Bool {
    // Figures beyond 10^12 are no counts of people: leave them alone rather than overflow.
    let limit: Int64 = 1_000_000_000_000
    guard let (a, t, _) = ExactDecimal.aligned(part, whole), t > 0, a >= 0, a < limit, t < limit,
      stated.scale <= 6, stated.significand.magnitude < UInt64(limit)
    else { return true }
    var unit: Int64 = 1
    for _ in 0..<stated.scale { unit *= 10 }
    // Compare 2·100·a·unit with (2·sig − 1)·t and (2·sig + 2)·t, exactly, skipping on overflow.
    let (lhs, o1) = a.multipliedReportingOverflow(by: 200 * unit)
    let (low, o2) = (2 * stated.significand - 1).multipliedReportingOverflow(by: t)
    let (high, o3) = (2 * stated.significand + 2).multipliedReportingOverflow(by: t)
    if o1 || o2 || o3 { return true }
    return low <= lhs && lhs < high
  }

  /// `100·part/whole` rounded to one decimal place (two when the ratio is under 1%).
  static func percent(_ part: ExactDecimal, of whole: ExactDecimal) -> ExactDecimal? {
    guard let (a, t, _) = ExactDecimal.aligned(part, whole), t > 0, a >= 0, a < 1_000_000_000_000 else { return nil }
    let scale = a * 100 < t ? 2 : 1
    let factor: Int64 = scale == 2 ? 20_000 : 2_000
    let (twice, overflow) = a.multipliedReportingOverflow(by: factor)
    if overflow { return nil }
    return ExactDecimal(significand: (twice + t) / (2 * t), scale: scale)
  }
}
