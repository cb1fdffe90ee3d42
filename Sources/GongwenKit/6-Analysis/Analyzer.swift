/// Reads each document of a parsed file into a `ComparisonRow`: its place and year, and one reading per
/// metric it mentions.
///
/// The reading of a metric is the first figure of that metric (the document's headline figure, usually its
/// total; later figures of the metric are parts, such as a town's turnout): its number, or `.blank` or
/// `.placeholder` when that figure is blank (占%) or masked (x%), even if a later figure gives a number.
/// A change (比上届提高1.2个百分点) belongs to a metric when it directly follows the figure read in the same
/// sentence, or when the extractor tagged it with the metric and the metric's latest figure before it is the
/// one read or restates its value.
///
///     let rows = Analyzer().rows(of: try InputFile(parsing: bytes, path: "青泉街道.txt"))
///     rows[0].readings[.turnout]?.value  // 98.5
public struct Analyzer: Sendable {
  /// Creates an analyzer.
  public init() {}

  /// One row per document of `file`, in file order.
  public func rows(of file: InputFile) -> [ComparisonRow] {
    file.text.bytes.withUnsafeBufferPointer { p in
      file.documents.map { row(for: $0, path: file.path, in: p) }
    }
  }

  func row(for document: Document, path: String, in p: UnsafeBufferPointer<UInt8>) -> ComparisonRow {
    let titleRange = self.titleRange(of: document, in: p)
    let opening = openingLine(of: document, after: titleRange, in: p)
    var place = titleRange.flatMap { MentionDetector.place(inTitle: p, range: $0) }
    var year = titleRange.flatMap { MentionDetector.year(in: p, range: $0) }
    if place == nil, let opening { place = MentionDetector.place(inText: p, range: opening) }
    if year == nil, let opening { year = MentionDetector.year(in: p, range: opening) }
    return ComparisonRow(
      file: path, document: document.index, title: document.title, firstLine: document.firstLine, place: place,
      year: year, script: document.script, readings: readings(of: document.figures, in: p),
      findings: document.findings)
  }

  /// The readings of `figures` (in text order), by metric.
  func readings(of figures: [Figure], in p: UnsafeBufferPointer<UInt8>) -> [Metric: MetricReading] {
    var chosen: [Metric: Int] = [:]  // index of the figure read: the first of its metric
    var latest: [Metric: Int] = [:]  // index of the metric's latest figure so far
    var changes: [Metric: MetricReading.Change] = [:]
    for (k, figure) in figures.enumerated() {
      if figure.kind != .change {
        guard let metric = figure.metric else { continue }
        if chosen[metric] == nil { chosen[metric] = k }
        latest[metric] = k
        continue
      }
      let change = MetricReading.Change(
        status: Self.status(of: figure), value: figure.value, unit: figure.unit, start: figure.start)
      if let metric = figure.metric, let first = chosen[metric], let last = latest[metric] {
        // After the figure read, or after a later figure restating its value (平均年龄45岁 … 平均年龄45岁，比…);
        // a change after a different figure of the metric (a town's) is that figure's.
        let restated = figures[last].value != nil && figures[last].value == figures[first].value
        if changes[metric] == nil, last == first || restated { changes[metric] = change }
      } else if k > 0, let metric = figures[k - 1].metric, chosen[metric] == k - 1, changes[metric] == nil,
        !endsSentence(between: figures[k - 1].range.upperBound, and: figure.range.lowerBound, in: p)
      {
        changes[metric] = change
      }
    }
    var readings: [Metric: MetricReading] = [:]
    for (metric, k) in chosen {
      let figure = figures[k]
      readings[metric] = MetricReading(
        metric: metric, status: Self.status(of: figure), value: figure.value, unit: figure.unit, start: figure.start,
        change: changes[metric])
    }
    return readings
  }

  private static func status(of figure: Figure) -> MetricReading.Status {
    figure.value != nil ? .reported : figure.flags.contains(.placeholder) ? .placeholder : .blank
  }

  /// Whether a sentence ends (。 ； ; ！ ？ ! ? or a line break) in `lower..<upper`.
  private func endsSentence(between lower: Int, and upper: Int, in p: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = lower
    while i < upper && i < p.count {
      let (v, length) = ScalarReader.scalar(at: i, in: p)
      switch ScriptFolding.fold(v) {
      case 0x3002, 0x3B, 0x21, 0x3F, 0x0A, 0x0D: return true  // 。 ; ! ? LF CR (full-width forms fold)
      default: i += length
      }
    }
    return false
  }

  // MARK: - Lines

  /// The title line's trimmed range: the first non-empty line whose text is the title.
  private func titleRange(of document: Document, in p: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    guard !document.title.isEmpty else { return nil }
    let title = Array(document.title.utf8)
    var found: Range<Int>?
    forEachLine(of: document, in: p, limit: 4) { range in
      guard range.count == title.count, p[range].elementsEqual(title) else { return true }
      found = range
      return false
    }
    return found
  }

  /// The first non-empty line after the title (after the document's first line when no title was found).
  private func openingLine(of document: Document, after title: Range<Int>?, in p: UnsafeBufferPointer<UInt8>)
    -> Range<Int>?
  {
    let floor = title?.upperBound ?? document.range.lowerBound
    var skipFirst = title == nil
    var found: Range<Int>?
    forEachLine(of: document, in: p, limit: 8) { range in
      guard range.lowerBound >= floor else { return true }
      if skipFirst { skipFirst = false; return true }
      found = range
      return false
    }
    return found
  }

  /// Calls `body` with the trimmed range of each non-empty line of `document`, up to `limit` lines, while it
  /// returns true.
  private func forEachLine(
    of document: Document, in p: UnsafeBufferPointer<UInt8>, limit: Int, _ body: (Range<Int>) -> Bool
  ) {
    var i = document.range.lowerBound
    let end = min(document.range.upperBound, p.count)
    var seen = 0
    while i < end && seen < limit {
      var j = i
      while j < end && p[j] != 0x0A && p[j] != 0x0D { j += 1 }
      let trimmed = trim(i..<j, in: p)
      if !trimmed.isEmpty {
        seen += 1
        if !body(trimmed) { return }
      }
      i = j + 1
    }
  }

  /// `range` without ASCII and ideographic spaces (E3 80 80) at either end.
  private func trim(_ range: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper {
      if p[lower] == 0x20 || p[lower] == 0x09 { lower += 1 }
      else if upper - lower >= 3, p[lower] == 0xE3, p[lower + 1] == 0x80, p[lower + 2] == 0x80 { lower += 3 }
      else { break }
    }
    while upper > lower {
      if p[upper - 1] == 0x20 || p[upper - 1] == 0x09 { upper -= 1 }
      else if upper - lower >= 3, p[upper - 3] == 0xE3, p[upper - 2] == 0x80, p[upper - 1] == 0x80 { upper -= 3 }
      else { break }
    }
    return lower..<upper
  }
}
