/// Writes a comparison as one JSON object (`"schema": "gongwen/1"`, documented in docs/compare.md): the
/// metric keys, a row per document with every metric (null when not mentioned), and per group its summary.
public struct CompareJSONWriter: Sendable {
  /// Indent by two spaces.
  public var pretty: Bool

  /// Creates a writer.
  public init(pretty: Bool = true) { self.pretty = pretty }

  /// Appends the comparison as one object.
  public func write(_ comparison: Comparison, to out: inout JSONEmitter) {
    out.beginObject()
    out.key("schema"); out.string(JSONWriter.schema)
    out.key("by"); out.string(comparison.grouping?.rawValue)
    out.key("metrics")
    out.beginArray()
    for metric in comparison.metrics { out.string(metric.rawValue) }
    out.endArray()
    out.key("rows")
    out.beginArray()
    for row in comparison.rows { write(row, of: comparison, to: &out) }
    out.endArray()
    out.key("errors")
    out.beginArray()
    for error in comparison.errors {
      out.beginObject()
      out.key("file"); out.string(error.path)
      out.key("code"); out.string(error.code)
      out.key("message"); out.string(error.message)
      out.endObject()
    }
    out.endArray()
    out.key("groups")
    out.beginArray()
    for group in comparison.groups {
      out.beginObject()
      out.key("label"); out.string(comparison.grouping == nil ? nil : group.label)
      out.key("documents"); out.int(group.rows.count)
      out.key("summary")
      out.beginObject()
      for summary in group.summaries {
        out.key(summary.metric.rawValue)
        out.beginObject()
        for statistic in MetricSummary.Statistic.allCases {
          out.key(statistic.rawValue); out.decimal(summary.value(of: statistic))
        }
        out.endObject()
      }
      out.endObject()
      out.endObject()
    }
    out.endArray()
    out.endObject()
  }

  private func write(_ row: ComparisonRow, of comparison: Comparison, to out: inout JSONEmitter) {
    out.beginObject()
    out.key("file"); out.string(row.file)
    out.key("document"); out.int(row.document)
    out.key("title"); out.string(row.title)
    out.key("first_line"); out.int(row.firstLine)
    out.key("script"); out.string(row.script.rawValue)
    out.key("place"); out.string(row.place?.value)
    out.key("place_status"); out.string(status(row.place))
    out.key("year")
    if let year = row.year?.value { out.int(year) } else { out.null() }
    out.key("year_status"); out.string(status(row.year))
    out.key("values")
    out.beginObject()
    for metric in comparison.metrics {
      out.key(metric.rawValue)
      guard let reading = row.readings[metric] else { out.null(); continue }
      out.beginObject()
      out.key("status"); out.string(reading.status.rawValue)
      out.key("value"); out.decimal(reading.value)
      out.key("unit"); out.string(reading.unit)
      out.key("line"); out.int(reading.start.line)
      out.key("column"); out.int(reading.start.column)
      out.key("change")
      if let change = reading.change {
        out.beginObject()
        out.key("status"); out.string(change.status.rawValue)
        out.key("value"); out.decimal(change.value)
        out.key("unit"); out.string(change.unit)
        out.key("line"); out.int(change.start.line)
        out.key("column"); out.int(change.start.column)
        out.endObject()
      } else {
        out.null()
      }
      out.endObject()
    }
    out.endObject()
    out.key("blank")
    out.beginArray()
    for metric in comparison.blankMetrics(of: row) { out.string(metric.rawValue) }
    out.endArray()
    out.endObject()
  }

  private func status<V>(_ mention: Mention<V>?) -> String {
    switch mention {
    case .named?: "named"
    case .placeholder?: "placeholder"
    case nil: "none"
    }
  }
}
