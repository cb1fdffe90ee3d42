/// Builds a document's heading tree and inline items from its lines, in one forward pass.
struct SectionParser {
  private final class Node {
    let level: Int
    let marker: String
    let ordinal: Int
    var group = 1
    let title: String
    let location: SourceLocation
    let start: Int
    var end: Int
    var items: [InlineItem] = []
    var children: [Node] = []
    init(level: Int, marker: String, ordinal: Int, title: String, location: SourceLocation, start: Int, end: Int) {
      self.level = level
      self.marker = marker
      self.ordinal = ordinal
      self.title = title
      self.location = location
      self.start = start
      self.end = end
    }
    func freeze() -> Section {
      Section(
        level: level, marker: marker, ordinal: ordinal, group: group, title: title, location: location,
        range: start..<end, items: items, children: children.map { $0.freeze() })
    }
  }

  /// The heading tree and the items before the first heading, for lines `lineRange` of `text`.
  func parse(_ text: DecodedText, lines: TextLines, lineRange: Range<Int>, skipping titleLines: [Int]) -> (
    sections: [Section], items: [InlineItem]
  ) {
    var roots: [Node] = []
    var stack: [Node] = []
    var looseItems: [InlineItem] = []
    let documentEnd = lineRange.isEmpty ? 0 : lines.content[lineRange.upperBound - 1].upperBound
    text.bytes.withUnsafeBufferPointer { p in
      for k in lineRange {
        let line = lines.trimmed(k, in: p)
        if line.isEmpty || titleLines.contains(k) { continue }
        var bodyStart = line.lowerBound
        if let match = HeadingMarker.heading(at: line.lowerBound, limit: line.upperBound, in: p) {
          let titleStart = TextLines.trim(match.end..<line.upperBound, in: p).lowerBound
          let titleEnd = Self.clauseEnd(from: titleStart, limit: line.upperBound, in: p, stopAtSemicolon: false)
          if titleEnd > titleStart {
            let node = Node(
              level: match.level, marker: text.string(line.lowerBound..<match.end), ordinal: match.ordinal,
              title: text.string(TextLines.trim(titleStart..<titleEnd, in: p)),
              location: text.location(of: line.lowerBound), start: lines.content[k].lowerBound, end: documentEnd)
            while let top = stack.last, top.level >= match.level {
              top.end = lines.content[k].lowerBound
              stack.removeLast()
            }
            // No binding of the siblings array: holding it would make the append below copy it (quadratic).
            if let previous = (stack.last?.children ?? roots).last(where: { $0.level == node.level }) {
              node.group = node.ordinal <= previous.ordinal ? previous.group + 1 : previous.group
            }
            if let parent = stack.last { parent.children.append(node) } else { roots.append(node) }
            stack.append(node)
            bodyStart = titleEnd
          }
        }
        let items = Self.items(in: bodyStart..<line.upperBound, lineStart: line.lowerBound, text: text, p: p)
        if !items.isEmpty {
          if let top = stack.last { top.items.append(contentsOf: items) } else { looseItems.append(contentsOf: items) }
        }
      }
    }
    return (roots.map { $0.freeze() }, looseItems)
  }

  /// The end of the clause starting at `i`: the first 。 (and ；; when asked), or `limit`.
  static func clauseEnd(from i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>, stopAtSemicolon: Bool) -> Int {
    var j = i
    while j < limit {
      // 。 is E3 80 82; ； is EF BC 9B.
      if p[j] == 0xE3, j + 2 < limit, p[j + 1] == 0x80, p[j + 2] == 0x82 { return j }
      if stopAtSemicolon {
        if p[j] == 0x3B { return j }
        if p[j] == 0xEF, j + 2 < limit, p[j + 1] == 0xBC, p[j + 2] == 0x9B { return j }
      }
      j += 1
    }
    return limit
  }

  /// `end` moved back over one clause mark (，、：！？ in either width) that ends a title cut at the next item.
  static func trailingClauseBoundary(before end: Int, from start: Int, in p: UnsafeBufferPointer<UInt8>) -> Int {
    var j = end
    while j > start && p[j - 1] == 0x20 { j -= 1 }
    if j > start, [0x2C, 0x3A, 0x21, 0x3F].contains(p[j - 1]) { return j - 1 }
    guard j - 3 >= start else { return end }
    let (v, _) = ScalarReader.scalar(at: j - 3, in: p)
    return HeadingMarker.isClauseBoundary(v) ? j - 3 : end
  }

  /// Inline items (一是…, 首先…) in `range`, at the line start or after clause punctuation.
  static func items(in range: Range<Int>, lineStart: Int, text: DecodedText, p: UnsafeBufferPointer<UInt8>)
    -> [InlineItem]
  {
    // First the markers, then each title up to the next marker at most: a line of 首先，其次，… with no 。
    // would otherwise scan and copy the rest of the line once per item (quadratic).
    var markers: [(start: Int, end: Int, ordinal: Int)] = []
    var i = range.lowerBound
    var atBoundary = range.lowerBound == lineStart
    while i < range.upperBound {
      let (v, len) = ScalarReader.scalar(at: i, in: p)
      // Item markers begin with a numeral or 首/其/再/最; a cheap gate keeps this pass fast.
      if atBoundary, HeadingMarker.mayStartItem(v), let match = HeadingMarker.item(at: i, limit: range.upperBound, in: p) {
        let previous = markers.last?.ordinal ?? 0
        markers.append((i, match.end, match.ordinal == 0 ? previous + 1 : match.ordinal))
        i = match.end
        atBoundary = false
        continue
      }
      atBoundary = HeadingMarker.isClauseBoundary(v)
      i += len
    }
    var items: [InlineItem] = []
    items.reserveCapacity(markers.count)
    for (k, marker) in markers.enumerated() {
      let next = k + 1 < markers.count ? markers[k + 1].start : range.upperBound
      var end = clauseEnd(from: marker.end, limit: next, in: p, stopAtSemicolon: true)
      if end == next && next < range.upperBound { end = trailingClauseBoundary(before: end, from: marker.end, in: p) }
      items.append(
        InlineItem(
          marker: text.string(marker.start..<marker.end), ordinal: marker.ordinal,
          title: text.string(TextLines.trim(marker.end..<end, in: p)), location: text.location(of: marker.start)))
    }
    return items
  }
}
