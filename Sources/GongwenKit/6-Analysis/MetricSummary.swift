/// The statistics of one metric over a set of documents: how many report it, how many leave it blank, and
/// the minimum, median, maximum and mean of the reported values. Blanks and placeholders never enter a
/// statistic.
///
/// The median of an even count is the exact mean of the two middle values. The mean is exact when it
/// terminates within two more decimals than the most precise value, else rounded there, half away from
/// zero; trailing zeros beyond the most precise value are dropped (mean of 90.8 and 91.2 is 91.0).
public struct MetricSummary: Sendable, Hashable {
  /// The metric summarised.
  public let metric: Metric
  /// Documents reporting a value.
  public let reported: Int
  /// Documents leaving it blank or masked.
  public let blank: Int
  /// Smallest value; nil when none is reported.
  public let min: ExactDecimal?
  /// Median value; nil when none is reported (or on overflow beyond 18 digits).
  public let median: ExactDecimal?
  /// Largest value; nil when none is reported.
  public let max: ExactDecimal?
  /// Mean value; nil when none is reported (or on overflow beyond 18 digits).
  public let mean: ExactDecimal?

  /// Summarises `metric` over `rows`.
  public init(metric: Metric, rows: some Sequence<ComparisonRow>) {
    var values: [ExactDecimal] = []
    var blank = 0
    for row in rows {
      guard let reading = row.readings[metric] else { continue }
      if let value = reading.value, reading.status == .reported { values.append(value) } else { blank += 1 }
    }
    self.init(metric: metric, values: values, blank: blank)
  }

  /// Summarises reported `values` and a count of blanks.
  public init(metric: Metric, values: [ExactDecimal], blank: Int) {
    self.metric = metric
    self.reported = values.count
    self.blank = blank
    let sorted = values.sorted()
    min = sorted.first
    max = sorted.last
    let precision = values.map(\.scale).max() ?? 0
    median = Self.median(sorted, precision: precision)
    mean = Self.mean(sorted, precision: precision)
  }

  /// A statistic, named as in CSV `title` and JSON; in output order.
  public enum Statistic: String, Sendable, Hashable, CaseIterable {
    /// Documents reporting a value.
    case n
    /// Documents leaving it blank or masked.
    case blank
    /// Smallest value.
    case min
    /// Middle value; the exact mean of the two middle values for an even count.
    case median
    /// Largest value.
    case max
    /// Mean value, rounded two decimals past the most precise value.
    case mean
  }

  /// A statistic's value: a count, or the value's digits; nil when no value is reported.
  public func value(of statistic: Statistic) -> ExactDecimal? {
    switch statistic {
    case .n: ExactDecimal(significand: Int64(reported))
    case .blank: ExactDecimal(significand: Int64(blank))
    case .min: min
    case .median: median
    case .max: max
    case .mean: mean
    }
  }

  /// The documents mentioning the metric at all.
  public var mentioned: Int { reported + blank }

  private static func median(_ sorted: [ExactDecimal], precision: Int) -> ExactDecimal? {
    guard !sorted.isEmpty else { return nil }
    let middle = sorted.count / 2
    if sorted.count % 2 == 1 { return sorted[middle] }
    guard let sum = sorted[middle - 1] + sorted[middle] else { return nil }
    let (half, overflow) = sum.significand.multipliedReportingOverflow(by: 5)  // x / 2 = 5x / 10
    guard !overflow else { return nil }
    return ExactDecimal(significand: half, scale: sum.scale + 1).trimmed(downTo: precision)
  }

  private static func mean(_ sorted: [ExactDecimal], precision: Int) -> ExactDecimal? {
    guard !sorted.isEmpty else { return nil }
    let scale = precision + 2
    var total: Int64 = 0
    for value in sorted {
      guard let aligned = value.significand(atScale: scale) else { return nil }
      let (sum, overflow) = total.addingReportingOverflow(aligned)
      guard !overflow else { return nil }
      total = sum
    }
    let n = Int64(sorted.count)
    var quotient = total / n
    let remainder = total % n
    if remainder.magnitude * 2 >= n.magnitude { quotient += total < 0 ? -1 : 1 }
    return ExactDecimal(significand: quotient, scale: scale).trimmed(downTo: precision)
  }
}

extension ExactDecimal {
  /// The significand at a larger or equal `scale`; nil on overflow.
  fileprivate func significand(atScale target: Int) -> Int64? {
    var v = significand
    for _ in scale..<Swift.max(scale, target) {
      let (m, overflow) = v.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      v = m
    }
    return v
  }

  /// The same value without trailing fractional zeros, keeping at least `precision` decimals.
  fileprivate func trimmed(downTo precision: Int) -> ExactDecimal {
    var s = significand
    var k = scale
    while k > precision && s % 10 == 0 { s /= 10; k -= 1 }
    return ExactDecimal(significand: s, scale: k)
  }
}
