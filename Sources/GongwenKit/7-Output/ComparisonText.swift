/// How the compare writers spell a row's cells and a summary's statistics, so the text table, CSV, JSON and
/// HTML agree: a blank is `(blank)`, a mask `(placeholder)`, never 0 and never a name.
enum ComparisonText {
  static let blank = "(blank)"
  static let placeholder = "(placeholder)"

  /// The place as a cell: the name, `(placeholder)`, or empty.
  static func place(_ row: ComparisonRow) -> String { mention(row.place) { $0 } }

  /// The year as a cell: `2019`, `(placeholder)`, or empty.
  static func year(_ row: ComparisonRow) -> String { mention(row.year) { String($0) } }

  private static func mention<V>(_ m: Mention<V>?, _ name: (V) -> String) -> String {
    switch m {
    case .named(let v)?: name(v)
    case .placeholder?: placeholder
    case nil: ""
    }
  }

  /// The value and unit as written (`98.5%`, `3214人`), or `(blank)` / `(placeholder)`.
  static func reading(_ reading: MetricReading) -> String {
    switch reading.status {
    case .reported: (reading.value?.description ?? "") + reading.unit
    case .blank: blank
    case .placeholder: placeholder
    }
  }

  /// A change with its sign: `+1.2个百分点`, `-3人`, `change (blank)`, `change (placeholder)`.
  static func change(_ change: MetricReading.Change) -> String {
    guard let value = change.value, change.status == .reported else {
      return "change " + (change.status == .placeholder ? placeholder : blank)
    }
    return (value.significand > 0 ? "+" : "") + value.description + change.unit
  }
}
