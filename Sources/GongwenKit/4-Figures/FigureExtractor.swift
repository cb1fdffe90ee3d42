/// Finds the statistics in a document's text.
///
/// One forward pass over the document's bytes stops only at candidates (digits, full-width digits, Chinese
/// numerals, placeholders, `%`, measure words that may follow an empty slot) and parses locally around each;
/// subjects are looked for back to the clause start at most, so the work is linear in the text.
struct FigureExtractor: Sendable {
  /// The figures in `document`'s range of `text`, in text order.
  func figures(in text: DecodedText, document: Document) -> [Figure] {
    let range = document.range
    guard !range.isEmpty, range.upperBound <= text.bytes.count else { return [] }
    let drafts: [FigureDraft] = text.bytes.withUnsafeBufferPointer { p in
      var scan = FigureScan(p: p, range: range)
      scan.run()
      return scan.drafts
    }
    let traditional = document.script == .traditional
    return text.bytes.withUnsafeBufferPointer { p in
      var locator = Locator(lines: text.lines)
      return drafts.map { draft in
        var flags = draft.flags
        if traditional || Self.hasTraditional(draft.start..<draft.end, in: p) { flags.insert(.traditional) }
        return Figure(
          kind: draft.kind, value: draft.value, unit: draft.unit, low: draft.low, high: draft.high,
          subject: draft.subjectText ?? Self.string(draft.subject, in: text), base: Self.string(draft.base, in: text),
          metric: draft.metric, place: Self.string(draft.place, in: text), sentence: draft.sentence, flags: flags, range: draft.start..<draft.end,
          start: locator.location(of: draft.start, in: p), end: locator.location(of: draft.end, in: p),
          text: text.string(draft.start..<draft.end))
      }
    }
  }

  /// Locations of offsets that mostly increase: walks forward from the last one instead of searching again.
  private struct Locator {
    let lines: LineTable
    var line = -1
    var offset = 0
    var column = 1

    mutating func location(of target: Int, in p: UnsafeBufferPointer<UInt8>) -> SourceLocation {
      if line >= 0 && target < offset && target >= lines.lineStarts[line] {
        // Back a little on the same line: count back rather than from the line start.
        while offset > target {
          offset -= 1
          if p[offset] & 0xC0 != 0x80 { column -= 1 }
        }
      }
      if line < 0 || target < offset {
        line = lines.lineIndex(of: target)
        offset = lines.lineStarts[line]
        column = 1
      }
      let starts = lines.lineStarts
      if line + 1 < starts.count && starts[line + 1] <= target {
        line = lines.lineIndex(of: target)
        offset = starts[line]
        column = 1
      }
      while offset < target {
        if p[offset] & 0xC0 != 0x80 { column += 1 }
        offset += 1
      }
      return SourceLocation(line: line + 1, column: column, offset: target)
    }
  }

  /// The text of `range`; most bases and places are empty.
  private static func string(_ range: Range<Int>, in text: DecodedText) -> String {
    range.isEmpty ? "" : text.string(range)
  }

  /// Whether the bytes in `range` hold a traditional character (歲, 個).
  private static func hasTraditional(_ range: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = range.lowerBound
    while i < range.upperBound {
      let (v, len) = ScalarReader.scalar(at: i, in: p)
      if ScriptFolding.isTraditional(v) { return true }
      i += len
    }
    return false
  }
}

/// A figure while its document is scanned: offsets, and subject, base and place as scalars.
struct FigureDraft: Sendable {
  var kind: Figure.Kind
  var value: ExactDecimal?
  var unit: String
  var low: ExactDecimal? = nil
  var high: ExactDecimal? = nil
  var flags: Figure.Flags = []
  var start: Int
  var end: Int
  var sentence: Int
  /// Byte ranges of the text; `subjectText` replaces the subject when it is not written out (上届).
  var subject: Range<Int> = 0..<0
  var subjectText: String? = nil
  var base: Range<Int> = 0..<0
  var metric: Metric? = nil
  var place: Range<Int> = 0..<0
  /// Starts a run of percents paired with earlier counts (分别占 … 和 …).
  var isParallelHead = false
  /// Continues such a run.
  var isParallelTail = false

  /// Counts and age bands are the parts a percent after 占 refers to.
  var isCountLike: Bool { kind == .count || kind == .ageBand }
}
