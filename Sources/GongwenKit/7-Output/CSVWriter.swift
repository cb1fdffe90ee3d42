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

  /// Appends one row, cells quoted where needed, ended by CRLF: one reservation for the whole row.
  public func appendRow(_ cells: [String], to out: inout [UInt8]) {
    var bound = 2
    for cell in cells { bound += 2 * cell.utf8.count + 4 }
    ByteCursor.append(to: &out, reserving: bound) { c in
      for k in cells.indices {
        if k > 0 { c.byte(0x2C) }
        var cell = cells[k]
        cell.withUTF8 { Self.appendCell($0, to: &c) }
      }
      c.byte(0x0D)
      c.byte(0x0A)
    }
  }

  /// Appends one cell: a leading `'` when it starts with = + - @ (or tab, CR) and is not a plain number;
  /// quoted when it holds a comma, a quote, CR or LF, with quotes doubled. At most `2 * count + 3` bytes. An
  /// empty cell costs no call.
  @inline(__always)
  static func appendCell(_ bytes: UnsafeBufferPointer<UInt8>, to c: inout ByteCursor) {
    guard !bytes.isEmpty else { return }
    c.move(to: cell(bytes.baseAddress, count: bytes.count, to: c.position))
  }

  /// Stores the cell of `s` at `out` and returns its end: values in and out, so the caller's cursor stays
  /// in a register.
  @inline(never)
  static func cell(_ s: String, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
    if let end = s.utf8.withContiguousStorageIfAvailable({ cellInline($0.baseAddress, count: $0.count, to: out) }) {
      return end
    }
    var s = s
    return s.withUTF8 { cell($0.baseAddress, count: $0.count, to: out) }
  }

  /// Stores the cell of `count` bytes at `base` at `out` and returns its end.
  @inline(never)
  static func cell(_ base: UnsafePointer<UInt8>?, count n: Int, to out: UnsafeMutablePointer<UInt8>)
    -> UnsafeMutablePointer<UInt8>
  {
    cellInline(base, count: n, to: out)
  }

  @inline(__always)
  private static func cellInline(_ base: UnsafePointer<UInt8>?, count n: Int, to out: UnsafeMutablePointer<UInt8>)
    -> UnsafeMutablePointer<UInt8>
  {
    guard let base, n > 0 else { return out }
    let bytes = UnsafeBufferPointer(start: base, count: n)
    let first = base[0]
    var guarded = false
    if first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D {
      guarded = !isPlainNumber(bytes)
    }
    // Most cells need no quotes: copy them a word at a time, and start again quoted on a special byte.
    var c = ByteCursor(out)
    if guarded { c.byte(0x27) }
    if c.copyClean(base, from: 0, count: n, clean: { !mayNeedQuotes($0) }) == n { return c.position }
    c.move(to: out)
    c.byte(0x22)
    if guarded { c.byte(0x27) }
    for b in bytes {
      if b == 0x22 { c.byte(0x22) }
      c.byte(b)
    }
    c.byte(0x22)
    return c.position
  }

  /// Whether any byte of `w` is a comma, a quote, CR or LF (exact for the word as a whole). Words of Chinese
  /// text alone (every byte 0x80 or more) pass on the first test.
  @inline(__always)
  private static func mayNeedQuotes(_ w: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    if w & high == high { return false }
    let comma = w ^ (ones &* 0x2C)
    let quote = w ^ (ones &* 0x22)
    let cr = w ^ (ones &* 0x0D)
    let lf = w ^ (ones &* 0x0A)
    // (v - 1) & ~v sets a byte's high bit where v has a zero byte (and only then, for the word as a whole).
    let zeros = ((comma &- ones) & ~comma) | ((quote &- ones) & ~quote) | ((cr &- ones) & ~cr) | ((lf &- ones) & ~lf)
    return zeros & high != 0
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
