/// `sum-mismatch` (error): the parts of a stated total add up to a different number. Parts are the
/// counts of one sentence that name the total as their base (其中…, 男…女…, age bands, education levels,
/// 主任/副主任/委员). Parts that cannot overlap (sexes, age bands, education levels) must not exceed the
/// total; parts that claim to cover it (men and women, 35岁以下 … 56岁以上, 主任 … 委员, or percents
/// summing to 100) must match it; only the covering dimension is summed (the sexes, not an age band
/// named beside them). Overlapping groups (其中党员…,妇女…) are left alone.
/// Blank, placeholder and approximate figures are left alone.
///
///     Before: 农村党支部书记306人,其中男子178人,占58.2%;女28人,占9.2%。
///     After:  农村党支部书记306人,其中男子278人,占90.8%;女28人,占9.2%。
struct SumMismatchRule: Rule {
  static let id = "sum-mismatch"
  static let severity = Finding.Severity.error
  static let summary = "The parts of a stated total add up to a different total."

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let figures = context.figures
    // Breakdowns by index and read in place: a copy of each retained its arrays and name.
    let breakdowns = context.breakdowns
    for b in breakdowns.indices { check(breakdowns[b], figures, into: &findings) }
  }

  private func check(_ breakdown: Breakdown, _ figures: [Figure], into findings: inout [Finding]) {
    guard let t = breakdown.total, let stated = figures[t].value, isExact(figures[t].flags), breakdown.parts.count >= 2,
      breakdown.parts.allSatisfy({ figures[$0].value != nil && isExact(figures[$0].flags) })
    else { return }
    // The parts that claim to cover the total must match it; parts that cannot overlap must not exceed it.
    let parts: ArraySlice<Int>
    let mustMatch: Bool
    if let covering = breakdown.coveringParts, covering.count >= 2 {
      (parts, mustMatch) = (covering, true)
    } else {
      (parts, mustMatch) = (breakdown.parts, percentsCoverWhole(breakdown, figures))
    }
    guard let sum = Self.sum(parts, figures), sum != stated, mustMatch || (stated < sum && breakdown.isDisjoint) else { return }
    let total = figures[t]
    let terms = parts.map { "\(figures[$0].subject) \(figures[$0].value?.description ?? "")" }.joined(separator: " + ")
    findings.append(finding("\(terms) = \(sum), not \(figures[breakdown.first].base) \(stated) (\(total.text))", at: total))
  }

  /// The sum of the values of `figures` at `indices`; nil when one is missing or the sum overflows.
  private static func sum(_ indices: ArraySlice<Int>, _ figures: [Figure]) -> ExactDecimal? {
    var sum = ExactDecimal(significand: 0)
    for k in indices {
      guard let value = figures[k].value, let next = sum + value else { return nil }
      sum = next
    }
    return sum
  }

  private func isExact(_ flags: Figure.Flags) -> Bool {
    flags.isDisjoint(with: [.blank, .placeholder, .approximate, .atLeast, .atMost])
  }

  /// Whether every part has a percent and the percents add up to 100 within rounding.
  private func percentsCoverWhole(_ breakdown: Breakdown, _ figures: [Figure]) -> Bool {
    let values = breakdown.percents.lazy.compactMap { figures[$0].value }
    var count = 0
    for _ in values { count += 1 }
    guard count == breakdown.parts.count, count >= 2 else { return false }
    return PercentTotalRule.isWhole(values)
  }
}
