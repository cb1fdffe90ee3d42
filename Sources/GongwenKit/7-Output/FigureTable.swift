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
  public func includes(_ figure: Figure) -> Bool { includes(kind: figure.kind, metric: figure.metric) }

  @inline(__always)
  private func includes(kind: Figure.Kind, metric: Metric?) -> Bool {
    if kinds == nil && metrics == nil { return true }
    if let kinds, !kinds.contains(kind) { return false }
    if let metrics {
      guard let metric, metrics.contains(metric) else { return false }
    }
    return true
  }

  /// One row per figure of `file`, in text order.
  public func figureRows(of file: InputFile) -> [[String]] {
    var rows: [[String]] = []
    rows.reserveCapacity(file.documents.reduce(0) { $0 + $1.figures.count })
    forEachFigure(of: file) { document, figure, path in
      rows.append(
        Self.row(file: file.path, document: document, figure: figure.pointee, section: String(decoding: path, as: UTF8.self)))
    }
    return rows
  }

  /// The cells of one figure's row.
  static func row(file: String, document: Int, figure: borrowing Figure, section: String) -> [String] {
    [
      file, string(document), string(figure.start.line), string(figure.start.column),
      section, figure.kind.rawValue, figure.metric?.rawValue ?? "",
      figure.subject, figure.base, string(figure.value), figure.unit, string(figure.low),
      string(figure.high), figure.flags.isEmpty ? "" : figure.flags.names.joined(separator: ";"), figure.text,
    ]
  }

  /// Appends the rows `figureRows(of:)` gives, as `CSVWriter.appendRow` writes them, straight into `out`:
  /// one reservation a row, no String a cell, no Figure copied.
  public func appendFigureRows(of file: InputFile, to out: inout [UInt8]) {
    // Rows are about 120 bytes: room for all of them at once rather than growing through the file.
    let figures = file.documents.reduce(0) { $0 + $1.figures.count }
    if out.capacity - out.count < 192 * figures { ByteCursor.grow(&out, by: 192 * figures) }
    Self.fileCell(file.path).withUnsafeBufferPointer { fileCell in
      forEachFigure(of: file) { document, figure, section in
        Self.appendRow(fileCell: fileCell, document: document, figure: figure, section: section, to: &out)
      }
    }
  }

  /// The path's cell as `CSVWriter` writes it, made once for all the file's rows.
  static func fileCell(_ path: String) -> [UInt8] {
    var path = path
    return path.withUTF8 { path in
      [UInt8](unsafeUninitializedCapacity: 2 * path.count + 3) { buffer, count in
        guard let base = buffer.baseAddress else { return }
        count = CSVWriter.cell(path.baseAddress, count: path.count, to: base) - base
      }
    }
  }

  /// Appends one figure's row as `CSVWriter.appendRow(row(…))` would, the path's cell (`fileCell(_:)`) made
  /// already. Numbers, kind, metric and flag names never need quoting or a guard.
  static func appendRow(
    fileCell: UnsafeBufferPointer<UInt8>, document: Int, figure: UnsafePointer<Figure>,
    section: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]
  ) {
    Figure.withSubject(of: figure) { subject in
      Figure.withBase(of: figure) { base in
        Figure.withText(of: figure) { text in
          appendRow(
            fileCell: fileCell, document: document, figure: figure, section: section, subject: subject, base: base,
            text: text, to: &out)
        }
      }
    }
  }

  /// `appendRow` with the figure's subject, base and text lent from its decoded text: no String made.
  @inline(__always)
  private static func appendRow(
    fileCell: UnsafeBufferPointer<UInt8>, document: Int, figure: UnsafePointer<Figure>,
    section: UnsafeBufferPointer<UInt8>, subject: UnsafeBufferPointer<UInt8>, base: UnsafeBufferPointer<UInt8>,
    text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]
  ) {
    var strings = fileCell.count + section.count + subject.count + base.count
    strings += figure.pointee.unit.utf8.count + text.count
    // Kind and metric names (JSONName.bound each, with the quotes not written) and flag names (71 bytes at most
    // with their semicolons); 15 cells of at most 4 bytes besides their text, 3 integers, 3 decimals.
    var bound = 2 * strings + 2 * JSONName.bound + 72
    bound += 15 * 4 + 3 * ByteCursor.intBound + 3 * ByteCursor.decimalBound
    bound += extraBound(figure.pointee.value) + extraBound(figure.pointee.low) + extraBound(figure.pointee.high)
    ByteCursor.append(to: &out, reserving: bound) { cursor in
      // A local cursor stays in a register; cells are written by functions of values.
      var c = cursor
      defer { cursor = c }
      c.bytes(fileCell)
      c.byte(0x2C)
      c.int(document)
      c.byte(0x2C)
      c.int(figure.pointee.start.line)
      c.byte(0x2C)
      c.int(figure.pointee.start.column)
      c.byte(0x2C)
      c.move(to: CSVWriter.cell(section.baseAddress, count: section.count, to: c.position))
      c.byte(0x2C)
      appendName(JSONName.of(figure.pointee.kind), to: &c)
      c.byte(0x2C)
      appendName(JSONName.of(figure.pointee.metric), to: &c)
      c.byte(0x2C)
      CSVWriter.appendCell(subject, to: &c)
      c.byte(0x2C)
      CSVWriter.appendCell(base, to: &c)
      c.byte(0x2C)
      if let value = figure.pointee.value { c.decimal(value) }
      c.byte(0x2C)
      appendCell(figure.pointee.unit, to: &c)
      c.byte(0x2C)
      if let low = figure.pointee.low { c.decimal(low) }
      c.byte(0x2C)
      if let high = figure.pointee.high { c.decimal(high) }
      c.byte(0x2C)
      if !figure.pointee.flags.isEmpty {
        var first = true
        for (flag, name) in Figure.Flags.names where figure.pointee.flags.contains(flag) {
          if !first { c.byte(0x3B) }  // ;
          first = false
          appendCell(name, to: &c)
        }
      }
      c.byte(0x2C)
      CSVWriter.appendCell(text, to: &c)
      c.byte(0x0D)
      c.byte(0x0A)
    }
  }

  /// A `JSONName` without its quotes.
  @inline(__always)
  private static func appendName(_ name: StaticString, to c: inout ByteCursor) {
    c.shortBytes(name.utf8Start + 1, count: name.utf8CodeUnitCount - 2)
  }

  /// Bytes a decimal of more than 19 fraction digits takes beyond `ByteCursor.decimalBound`.
  private static func extraBound(_ v: ExactDecimal?) -> Int { max((v?.scale ?? 0) - 19, 0) }

  /// Inline up to the bytes, as `ByteCursor.quoted(_:)`: no String retained, no call for a small one's bytes.
  @inline(__always)
  private static func appendCell(_ s: String, to c: inout ByteCursor) {
    guard !s.isEmpty else { return }
    let start = c.position
    if let end = s.utf8.withContiguousStorageIfAvailable({ CSVWriter.cell($0.baseAddress, count: $0.count, to: start) }) {
      c.move(to: end)
    } else {
      c.move(to: CSVWriter.cell(s, to: start))
    }
  }

  /// Calls `body` with each figure that passes the filters, read in place, its document's index and its
  /// section path's UTF-8.
  private func forEachFigure(
    of file: InputFile, _ body: (Int, UnsafePointer<Figure>, UnsafeBufferPointer<UInt8>) -> Void
  ) {
    file.documents.withUnsafeBufferPointer { documents in
      for d in documents.indices {
        var paths = SectionPathCursor(sections: documents[d].sections)
        let index = documents[d].index
        documents[d].figures.withUnsafeBufferPointer { figures in
          guard let first = figures.baseAddress else { return }
          for i in figures.indices where includes(kind: figures[i].kind, metric: figures[i].metric) {
            paths.withPath(at: figures[i].range.lowerBound) { body(index, first + i, $0) }
          }
        }
      }
    }
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
