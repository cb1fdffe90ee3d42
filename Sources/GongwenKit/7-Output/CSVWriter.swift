/// Writes CSV that spreadsheets and tools read alike: RFC 4180 quoting, CRLF row ends, one header row, UTF-8
/// with a byte-order mark by default (so Excel shows Chinese text), and cells that would start a formula
/// neutralised. Documented in docs/csv.md.
///
///     let csv = CSVWriter()
///     var out = csv.header(["file", "value"])
///     csv.appendRow(["a.txt", "=1+1"], to: &out)   // a.txt,'=1+1\r\n
public struct CSVWriter: Sendable {
  /// Whether the header starts with the UTF-8 byte-order mark EF BB BF.
  public var includesBOM: Bool

  /// Creates a writer; `includesBOM: false` for tools that do not expect a BOM (`--no-bom`).
  public init(includesBOM: Bool = true) { self.includesBOM = includesBOM }

  /// The byte-order mark (when enabled) and the header row.
  public func header(_ columns: [String]) -> [UInt8] {
    var out: [UInt8] = includesBOM ? [0xEF, 0xBB, 0xBF] : []
    appendRow(columns, to: &out)
    return out
  }

  /// Appends one row, cells quoted where needed, ended by CRLF.
  public func appendRow(_ cells: [String], to out: inout [UInt8]) {
    for (k, cell) in cells.enumerated() {
      if k > 0 { out.append(0x2C) }
      Self.appendCell(cell, to: &out)
    }
    out.append(0x0D)
    out.append(0x0A)
  }

  /// Appends one cell: a leading `'` when it starts with = + - @ (or tab, CR) and is not a plain number;
  /// quoted when it holds a comma, a quote, CR or LF, with quotes doubled.
  static func appendCell(_ cell: String, to out: inout [UInt8]) {
    var cell = cell
    cell.withUTF8 { bytes in
      var guarded = false
      if let first = bytes.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first), !isPlainNumber(bytes) {
        guarded = true
      }
      let needsQuotes = bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
      if needsQuotes { out.append(0x22) }
      if guarded { out.append(0x27) }
      if needsQuotes {
        for b in bytes {
          if b == 0x22 { out.append(0x22) }
          out.append(b)
        }
        out.append(0x22)
      } else {
        out.append(contentsOf: bytes)
      }
    }
  }

  /// `-0.7`, `306`, `90.8`: numbers are written plainly, never guarded.
  static func isPlainNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var k = 0
    if k < bytes.count && bytes[k] == 0x2D { k += 1 }
    var digits = 0
    var points = 0
    while k < bytes.count {
      let b = bytes[k]
      if b >= 0x30 && b <= 0x39 { digits += 1 } else if b == 0x2E && points == 0 && digits > 0 { points += 1 } else { return false }
      k += 1
    }
    return digits > 0 && bytes.last != 0x2E
  }
}
