/// `percent-total` (warning): the percents of one breakdown that claims to cover its whole (men and
/// women, 35岁以下 … 56岁以上, 主任 … 委员) add up to more or less than 100 beyond rounding: each percent
/// may be off by one unit of its last digit. Only the covering dimension is summed (男性 and 女性, not a
/// 35岁以下 share in the same sentence).
///
///     Before: 男性占60.5%,女性占40.5%
///     After:  男性占59.5%,女性占40.5%
struct PercentTotalRule: Rule {
  static let id = "percent-total"
  static let severity = Finding.Severity.warning
  static let summary = "The percents of one breakdown sum outside 100 ± rounding."

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let figures = context.figures
    // Breakdowns by index: a copy of each retained its arrays, name and total.
    let breakdowns = context.breakdowns
    for b in breakdowns.indices where breakdowns[b].percents.count >= 2 {
      // Only the dimension that claims to cover the whole: 男性, 女性, not the 35岁以下 beside them.
      guard let percents = breakdowns[b].coveringPercents, percents.count >= 2,
        percents.allSatisfy({ figures[$0].value != nil && figures[$0].flags.isDisjoint(with: [.approximate, .atLeast, .atMost]) })
      else { continue }
      // Every value is there (tested above): read in place, not gathered into an array.
      let values = percents.lazy.map { figures[$0].value ?? ExactDecimal(significand: 0) }
      guard !Self.isWhole(values), let first = percents.first else { continue }
      var sum = ExactDecimal(significand: 0)
      for value in values { sum = (sum + value) ?? sum }
      let terms = percents.map { "\(figures[$0].subject) \(figures[$0].value?.description ?? "")%" }.joined(separator: " + ")
      findings.append(finding("\(terms) = \(sum)%, not 100%", at: figures[first]))
    }
  }

  /// Whether `values` add up to 100 give or take one unit of each value's last digit.
  static func isWhole<Values: Collection<ExactDecimal>>(_ values: Values) -> Bool {
    // Values beyond 10^9 are no percents: leave them alone rather than overflow.
    var scale = Int.min
    var count = 0
    for value in values {
      guard value.significand.magnitude < 1_000_000_000 else { return true }
      scale = max(scale, value.scale)
      count += 1
    }
    guard count > 0, scale <= 6, count < 1000 else { return true }
    var sum: Int64 = 0
    var tolerance: Int64 = 0
    for value in values {
      var v = value.significand
      var unit: Int64 = 1
      for _ in value.scale..<scale { v *= 10; unit *= 10 }
      sum += v
      tolerance += unit
    }
    var hundred: Int64 = 100
    for _ in 0..<scale { hundred *= 10 }
    return abs(sum - hundred) <= tolerance
  }
}
