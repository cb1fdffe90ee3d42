/// What rules look at: the decoded text, its figures, the blocks kept apart, and what is worked out once
/// for several rules (placeholders in the text, breakdowns of totals).
struct RuleContext: Sendable {
  /// The decoded text.
  let text: DecodedText
  /// Every figure of every document, in text order.
  let figures: [Figure]
  /// The documents' byte ranges; breakdowns never cross them.
  let documentRanges: [Range<Int>]
  /// Web-page front matter before the first document.
  let front: InputFile.Block?
  /// Debris after the last document.
  let trailer: InputFile.Block?
  /// The part of the text checked: the whole file, or the documents of one piece of a large file.
  let scope: Range<Int>
  /// Masked names, dates and numbers found in `scope`.
  let placeholders: [PlaceholderScanner.Match]
  /// The sentence number of each figure (parallel to `figures`).
  let sentences: [Int]
  /// The document number (0-based) of each figure.
  let owners: [Int]
  /// Figures grouped into totals and their parts.
  let breakdowns: [Breakdown]
  /// For each percent with a base, the index of the latest count before it in its document whose subject
  /// is that base; -1 when there is none and for other figures (parallel to `figures`).
  let shareTotals: [Int]
  /// Ids of the subjects and bases of the counts and percents: equal ids, equal names (as `String`s).
  let names: NameTable

  init(
    text: DecodedText, figures: [Figure], documentRanges: [Range<Int>] = [], front: InputFile.Block? = nil,
    trailer: InputFile.Block? = nil, scope: Range<Int>? = nil
  ) {
    self.text = text
    self.figures = figures
    self.documentRanges = documentRanges.isEmpty ? [0..<text.bytes.count] : documentRanges
    self.front = front
    self.trailer = trailer
    self.scope = scope ?? 0..<text.bytes.count
    placeholders = PlaceholderScanner().matches(in: text.bytes, within: self.scope)
    (sentences, owners) = Breakdown.positions(of: figures, text: text.bytes, documents: self.documentRanges)
    (breakdowns, shareTotals, names) = Breakdown.all(in: figures, sentences: sentences, documents: owners)
  }

  /// The context of a parsed file.
  init(_ file: InputFile, scope: Range<Int>? = nil) {
    self.init(
      text: file.text, figures: Self.figures(of: file.documents), documentRanges: file.documents.map(\.range),
      front: file.front, trailer: file.trailer, scope: scope)
  }

  /// The location of `offset`, at or after `start`: counted on from `start` when no line ends between
  /// them (a finding's end, on its start's line: counting from the line start again cost a scan of the
  /// line), else looked up. The same location as `text.location(of:)`.
  func location(of offset: Int, after start: SourceLocation) -> SourceLocation {
    let same: Int? = text.bytes.withUnsafeBufferPointer { p in
      let lower = min(max(start.offset, 0), p.count)
      let upper = min(offset, p.count)
      guard lower <= upper else { return nil }
      var column = start.column
      for i in lower..<upper {
        let b = p[i]
        // The last byte of a line end: LF, CR, NEL (C2 85), U+2028 and U+2029 (E2 80 A8, E2 80 A9).
        if b == 0x0A || b == 0x0D { return nil }
        if b == 0x85 && i >= 1 && p[i - 1] == 0xC2 { return nil }
        if (b == 0xA8 || b == 0xA9) && i >= 2 && p[i - 1] == 0x80 && p[i - 2] == 0xE2 { return nil }
        if b & 0xC0 != 0x80 { column += 1 }
      }
      return column
    }
    guard let column = same, offset >= start.offset else { return text.location(of: offset) }
    return SourceLocation(line: start.line, column: column, offset: offset)
  }

  /// Every figure of `documents` in text order: one document shares its array; several are copied into
  /// one array allocated once (figures are large records: growing by doubling moved them again and again).
  private static func figures(of documents: [Document]) -> [Figure] {
    if documents.count == 1 { return documents[0].figures }
    var out: [Figure] = []
    out.reserveCapacity(documents.reduce(0) { $0 + $1.figures.count })
    for document in documents { out.append(contentsOf: document.figures) }
    return out
  }
}
