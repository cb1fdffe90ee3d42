/// Finds the statistics in a document's text.
///
/// One forward pass over the document's bytes stops only at candidates (digits, full-width digits, Chinese
/// numerals, placeholders, `%`, measure words that may follow an empty slot) and parses locally around each;
/// subjects are looked for back to the clause start at most, so the work is linear in the text.
struct FigureExtractor: Sendable {
  /// The drafts of the last document, kept for their storage: the next document's scan reuses it.
  private var storage: [FigureDraft] = []

  /// The figures in `document`'s range of `text`, in text order.
  mutating func figures(in text: DecodedText, document: borrowing Document) -> [Figure] {
    let range = document.range
    guard !range.isEmpty, range.upperBound <= text.bytes.count else { return [] }
    let traditional = document.script == .traditional
    let (rows, words) = FigureScan.skipTables
    return text.bytes.withUnsafeBufferPointer { p in
      rows.withUnsafeBufferPointer { rows in
        words.withUnsafeBufferPointer { words in
          var scan = FigureScan(p: p, range: range, storage: &storage, skip: (rows, words))
          scan.run()
          defer { scan.returnStorage(to: &storage) }
          return text.lines.lineStarts.withUnsafeBufferPointer { starts in
            ScriptFolding.hanTable.withUnsafeBufferPointer { han in
              var locator = Locator(starts: starts, near: document.firstLine - 1)
              // One reference to the text for each figure (reading `text.bytes` in the loop made two).
              let source = text.bytes
              var figures: [Figure] = []
              figures.reserveCapacity(scan.drafts.count)
              for draft in scan.drafts {
                var flags = draft.flags
                let start = locator.location(of: draft.start, in: p)
                // One walk over the figure's text counts its scalars (its end is on the same line, nearly always)
                // and looks for a traditional character.
                let (scalars, hasTraditional) = Self.scalarsAndTraditional(draft.start..<draft.end, in: p, han: han, lookUp: !traditional)
                if traditional || hasTraditional { flags.insert(.traditional) }
                // Ranges into the decoded text, which every figure shares: no String made per field (the text is
                // `range` itself).
                figures.append(
                  Figure(
                    kind: draft.kind, value: draft.value, unit: draft.unit.name, low: draft.low, high: draft.high,
                    source: source, subject: draft.subject, isPreviousTerm: draft.isPreviousTerm, base: draft.base,
                    metric: draft.metric, place: draft.place, sentence: draft.sentence, flags: flags,
                    range: draft.start..<draft.end, start: start,
                    end: locator.location(of: draft.end, scalarsFromLast: scalars, in: p)))
              }
              return figures
            }
          }
        }
      }
    }
  }

  /// Locations of offsets that mostly increase: walks forward from the last one instead of searching again.
  private struct Locator {
    let starts: UnsafeBufferPointer<Int>
    var line = -1
    var offset = 0
    var column = 1

    /// Starts at line index `hint` (the document's first line), so the first figure is found by a short walk
    /// forward, not by a search of the whole file's lines (thousands of documents share one table).
    init(starts: UnsafeBufferPointer<Int>, near hint: Int) {
      self.starts = starts
      if hint >= 0 && hint < starts.count {
        line = hint
        offset = starts[hint]
      }
    }

    mutating func location(of target: Int, in p: UnsafeBufferPointer<UInt8>) -> SourceLocation {
      if line >= 0 && target < offset && target >= starts[line] {
        // Back a little on the same line: count back rather than from the line start.
        while offset > target {
          offset -= 1
          if p[offset] & 0xC0 != 0x80 { column -= 1 }
        }
      }
      if line < 0 || target < offset {
        line = lineIndex(of: target, from: 0)
        offset = starts[line]
        column = 1
      }
      if line + 1 < starts.count && starts[line + 1] <= target {
        line = lineIndex(of: target, from: line + 1)
        offset = starts[line]
        column = 1
      }
      column += Self.scalarCount(offset..<target, in: p)
      offset = target
      return SourceLocation(line: line + 1, column: column, offset: target)
    }

    /// The location of `target`, `scalars` scalars after the last location asked: counted on from it when no
    /// line starts between them, else found as any other.
    mutating func location(of target: Int, scalarsFromLast scalars: Int, in p: UnsafeBufferPointer<UInt8>) -> SourceLocation {
      guard line >= 0, target >= offset, line + 1 >= starts.count || starts[line + 1] > target else {
        return location(of: target, in: p)
      }
      column += scalars
      offset = target
      return SourceLocation(line: line + 1, column: column, offset: target)
    }

    /// The last line starting at or before `target`, knowing line `from` does: steps forward doubling in
    /// length (figures are dense, so the line is near), then a binary search of the last step.
    private func lineIndex(of target: Int, from: Int) -> Int {
      var low = from
      var step = 1
      while low + step < starts.count && starts[low + step] <= target {
        low += step
        step *= 2
      }
      var high = min(low + step, starts.count) - 1
      while low < high {
        let mid = (low + high + 1) / 2
        if starts[mid] <= target { low = mid } else { high = mid - 1 }
      }
      return low
    }

    /// Scalars starting in `range`: bytes that are not continuation bytes, eight at a time.
    private static func scalarCount(_ range: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> Int {
      var i = range.lowerBound
      var n = 0
      if let base = p.baseAddress {
        // 32 bytes a round: one bit per continuation byte, moved to bit 0 and summed bytewise (at most 4 a
        // byte), then across the bytes by one multiply.
        let high: UInt64 = 0x8080_8080_8080_8080
        while i + 32 <= range.upperBound {
          let r = UnsafeRawPointer(base + i)
          let w0 = UInt64(littleEndian: r.loadUnaligned(as: UInt64.self))
          let w1 = UInt64(littleEndian: r.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
          let w2 = UInt64(littleEndian: r.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
          let w3 = UInt64(littleEndian: r.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
          let sum =
            (w0 & ~(w0 << 1) & high) >> 7 &+ (w1 & ~(w1 << 1) & high) >> 7 &+ (w2 & ~(w2 << 1) & high) >> 7
            &+ (w3 & ~(w3 << 1) & high) >> 7
          n += 32 - Int((sum &* 0x0101_0101_0101_0101) >> 56)
          i += 32
        }
        // Counts summed by a multiply, not `nonzeroBitCount`: the baseline x86-64 target has no popcnt
        // instruction, and its replacement costs some fifteen.
        while i + 8 <= range.upperBound {
          let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
          // A continuation byte is 10xxxxxx: high bit set, next bit clear.
          let continuation = (w & ~(w << 1) & high) >> 7
          n += 8 - Int((continuation &* 0x0101_0101_0101_0101) >> 56)
          i += 8
        }
        // The last few bytes (figures are short): one load, the bytes past the range masked off.
        let rest = range.upperBound - i
        if rest > 0 && i + 8 <= p.count {
          let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
          let continuation = (w & ~(w << 1) & high & ((1 &<< UInt64(rest &* 8)) &- 1)) >> 7  // rest < 8
          return n + rest - Int((continuation &* 0x0101_0101_0101_0101) >> 56)
        }
      }
      while i < range.upperBound {
        if p[i] & 0xC0 != 0x80 { n += 1 }
        i += 1
      }
      return n
    }
  }

  /// The scalars starting in `range` (its bytes that are not continuation bytes), and, when `lookUp`, whether
  /// it holds a traditional character (歲, 個): only Han characters (leads E4…E9) are looked up, in the folding
  /// table itself. Exact on any bytes, not only valid UTF-8.
  static func scalarsAndTraditional(
    _ range: Range<Int>, in p: UnsafeBufferPointer<UInt8>, han: UnsafeBufferPointer<UInt16>, lookUp: Bool
  ) -> (scalars: Int, traditional: Bool) {
    var i = range.lowerBound
    var n = 0
    var found = false
    while i < range.upperBound {
      let b = p[i]
      if b >= 0xE4 && b <= 0xE9 && i + 2 < p.count {
        let b1 = p[i + 1]
        let b2 = p[i + 2]
        if lookUp && !found {
          let v = (UInt32(b) & 0x0F) << 12 | (UInt32(b1) & 0x3F) << 6 | (UInt32(b2) & 0x3F)
          found = v >= 0x4E00 && han[Int(v &- 0x4E00)] > ScriptFolding.simplifiedOnly
        }
        // The lead, and the next two bytes where they are in the range and not continuation bytes (never, in
        // valid UTF-8).
        n += 1
        if b1 & 0xC0 != 0x80 && i + 1 < range.upperBound { n += 1 }
        if b2 & 0xC0 != 0x80 && i + 2 < range.upperBound { n += 1 }
        i += 3
      } else {
        if b & 0xC0 != 0x80 { n += 1 }
        i += 1
      }
    }
    return (n, found)
  }
}

/// A figure while its document is scanned: offsets, and subject, base and place as scalars.
struct FigureDraft: Sendable {
  var kind: Figure.Kind
  var value: ExactDecimal?
  var unit: MeasureWord.Unit
  var low: ExactDecimal? = nil
  var high: ExactDecimal? = nil
  var flags: Figure.Flags = []
  var start: Int
  var end: Int
  var sentence: Int
  /// Byte ranges of the text; `isPreviousTerm` makes the subject 上届, which is not written out.
  var subject: Range<Int> = 0..<0
  var isPreviousTerm = false
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
