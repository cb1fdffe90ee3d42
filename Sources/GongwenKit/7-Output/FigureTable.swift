/// The rows of `gongwen figures` and `gongwen turnout` for one parsed file, or the error row of an input that
/// could not be parsed. Columns are a contract, documented in docs/csv.md.
public struct FigureTable: Sendable {
  /// `gongwen figures` columns, in order.
  public static let figureColumns = [
    "file", "document", "line", "column", "section", "kind", "metric", "subject", "base", "value", "unit", "low", "high",
    "flags", "text",
  ]
  /// `gongwen turnout` columns, in order.
  public static let turnoutColumns = [
    "file", "document", "title", "line", "column", "place", "metric", "value", "voters", "voted", "change", "flags", "text",
  ]

  /// Only figures of these kinds; nil for all.
  public var kinds: Set<Figure.Kind>?
  /// Only figures with these metrics; nil for all.
  public var metrics: Set<Metric>?

  /// Creates a table with optional filters.
  public init(kinds: Set<Figure.Kind>? = nil, metrics: Set<Metric>? = nil) {
    self.kinds = kinds
    self.metrics = metrics
  }

  /// Whether `figure` passes the filters.
  public func includes(_ figure: Figure) -> Bool {
    if let kinds, !kinds.contains(figure.kind) { return false }
    if let metrics {
      guard let metric = figure.metric, metrics.contains(metric) else { return false }
    }
    return true
  }

  /// One row per figure of `file`, in text order.
  public func figureRows(of file: InputFile) -> [[String]] {
    var rows: [[String]] = []
    rows.reserveCapacity(file.documents.reduce(0) { $0 + $1.figures.count })
    for document in file.documents {
      let index = Self.string(document.index)
      var paths = SectionPathCursor(document)
      // Headings are lines: figures on one line share a section path.
      var pathLine = -1
      var path = ""
      for figure in document.figures where includes(figure) {
        if figure.start.line != pathLine {
          pathLine = figure.start.line
          path = paths.path(at: figure.range.lowerBound)
        }
        rows.append([
          file.path, index, Self.string(figure.start.line), Self.string(figure.start.column),
          path, figure.kind.rawValue, figure.metric?.rawValue ?? "",
          figure.subject, figure.base, Self.string(figure.value), figure.unit, Self.string(figure.low),
          Self.string(figure.high), figure.flags.isEmpty ? "" : figure.flags.names.joined(separator: ";"), figure.text,
        ])
      }
    }
    return rows
  }

  /// The digits of `v`, built on the stack (a short String needs no allocation).
  private static func string(_ v: Int) -> String { string(bound: ByteCursor.intBound) { $0.int(v) } }

  /// `v` as `ExactDecimal.description` prints it, or empty when nil.
  private static func string(_ v: ExactDecimal?) -> String {
    guard let v else { return "" }
    guard v.scale <= 19 else { return v.description }
    return string(bound: ByteCursor.decimalBound) { $0.decimal(v) }
  }

  private static func string(bound: Int, _ write: (inout ByteCursor) -> Void) -> String {
    var buffer: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    return withUnsafeMutableBytes(of: &buffer) { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      guard let base = bytes.baseAddress, bound <= bytes.count else { return "" }
      var cursor = ByteCursor(base)
      write(&cursor)
      return String(decoding: UnsafeBufferPointer(start: base, count: cursor.position - base), as: UTF8.self)
    }
  }

  /// One row per turnout, attendance or direct-election rate of `file`.
  public func turnoutRows(of file: InputFile) -> [[String]] {
    var rows: [[String]] = []
    for document in file.documents {
      for row in Turnout.rows(in: document) {
        var flags = row.rate.flags.names
        for (name, figure) in [("voters", row.voters), ("voted", row.voted), ("change", row.change)] {
          guard let figure else { continue }
          for flag in figure.flags.names where flag == "blank" || flag == "placeholder" || flag == "lost-decimal" {
            flags.append("\(name):\(flag)")
          }
        }
        rows.append([
          file.path, String(document.index), document.title, String(row.rate.start.line), String(row.rate.start.column),
          row.place, row.rate.metric?.rawValue ?? "", row.rate.value?.description ?? "",
          row.voters?.value?.description ?? "", row.voted?.value?.description ?? "",
          row.change?.value?.description ?? "", flags.joined(separator: ";"), row.rate.text,
        ])
      }
    }
    return rows
  }

  /// The row for an input that could not be parsed: the path, the position when known, `error` in the flags
  /// column and the message in the text column; other cells empty.
  public static func errorRow(_ error: InputError, columns: [String]) -> [String] {
    columns.map { column in
      switch column {
      case "file": error.path
      case "line": error.location.map { String($0.line) } ?? ""
      case "column": error.location.map { String($0.column) } ?? ""
      case "flags": "error"
      case "text": error.message
      default: ""
      }
    }
  }
}
