/// Builds a document's heading tree and inline items from its lines, in one forward pass.
struct SectionParser {
  /// A heading whose section is still open: its children and items grow until a heading at its level or above.
  private struct Open {
    let level: Int
    let marker: String
    let ordinal: Int
    let group: Int
    let title: String
    let location: SourceLocation
    let start: Int
    var items: [InlineItem] = []
    var children: [Section] = []

    func closed(at end: Int) -> Section {
      Section(
        level: level, marker: marker, ordinal: ordinal, group: group, title: title, location: location,
        range: start..<end, items: items, children: children)
    }
  }

  /// The heading tree and the items before the first heading, for lines `lineRange` of `text`.
  func parse(_ text: DecodedText, lines: TextLines, lineRange: Range<Int>, skipping titleLines: [Int]) -> (
    sections: [Section], items: [InlineItem]
  ) {
    var roots: [Section] = []
    // The open sections, outermost first; each is appended to its parent (or the roots) when it closes.
    var stack: [Open] = []
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
            while let top = stack.last, top.level >= match.level {
              Self.close(&stack, into: &roots, at: lines.content[k].lowerBound)
            }
            // Every earlier sibling has closed: numbering starts a new group when it does not go up.
            var group = 1
            if let previous = (stack.last?.children ?? roots).last(where: { $0.level == match.level }) {
              group = match.ordinal <= previous.ordinal ? previous.group + 1 : previous.group
            }
            stack.append(
              Open(
                level: match.level, marker: text.string(line.lowerBound..<match.end), ordinal: match.ordinal,
                group: group, title: text.string(TextLines.trim(titleStart..<titleEnd, in: p)),
                location: text.location(of: line.lowerBound), start: lines.content[k].lowerBound))
            bodyStart = titleEnd
          }
        }
        if stack.isEmpty {
          Self.items(in: bodyStart..<line.upperBound, lineStart: line.lowerBound, text: text, p: p, into: &looseItems)
        } else {
          Self.items(
            in: bodyStart..<line.upperBound, lineStart: line.lowerBound, text: text, p: p,
            into: &stack[stack.count - 1].items)
        }
      }
    }
    while !stack.isEmpty { Self.close(&stack, into: &roots, at: documentEnd) }
    return (roots, looseItems)
  }

  /// Closes the innermost open section at `end` and appends it to its parent, or to `roots` at the top.
  private static func close(_ stack: inout [Open], into roots: inout [Section], at end: Int) {
    let section = stack.removeLast().closed(at: end)
    if stack.isEmpty { roots.append(section) } else { stack[stack.count - 1].children.append(section) }
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

  /// The high bit of each byte of `w` that is ASCII, E3 or EF, the first bytes of every clause mark (false
  /// positives allowed above a flagged byte, never a false negative).
  @inline(__always)
  static func boundaryLeads(_ w: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let e3 = w ^ (ones &* 0xE3)
    let ef = w ^ (ones &* 0xEF)
    return (~w | (e3 &- ones) & ~e3 | (ef &- ones) & ~ef) & high
  }

  /// Whether any byte of `w` is ASCII, E3 or EF (false positives allowed, never a false negative).
  @inline(__always)
  static func mayHoldBoundary(_ w: UInt64) -> Bool { boundaryLeads(w) != 0 }

  /// 。、 and the full-width ！，：；？ as their three UTF-8 bytes (what `HeadingMarker.isClauseBoundary` accepts
  /// beyond ASCII).
  @inline(__always)
  static func isWideClauseBoundary(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
    if b0 == 0xE3 { return b1 == 0x80 && (b2 == 0x82 || b2 == 0x81) }
    if b0 == 0xEF { return b1 == 0xBC && (b2 == 0x81 || b2 == 0x8C || b2 == 0x9A || b2 == 0x9B || b2 == 0x9F) }
    return false
  }

  /// An item marker at the clause start `c`, behind a cheap gate: item markers begin with a Han numeral or
  /// 首/其/再/最 (lead byte E4 and up).
  @inline(__always)
  static func itemMarker(at c: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> HeadingMarker.Match? {
    guard c < limit, p[c] >= 0xE4, HeadingMarker.mayStartItem(ScalarReader.scalar(at: c, in: p).value) else { return nil }
    return HeadingMarker.item(at: c, limit: limit, in: p)
  }

  /// Appends the inline items (一是…, 首先…) in `range`, at the line start or after clause punctuation.
  static func items(
    in range: Range<Int>, lineStart: Int, text: DecodedText, p: UnsafeBufferPointer<UInt8>,
    into items: inout [InlineItem]
  ) {
    // First the markers, then each title up to the next marker at most: a line of 首先，其次，… with no 。
    // would otherwise scan and copy the rest of the line once per item (quadratic).
    var markers: [(start: Int, end: Int, ordinal: Int)] = []
    let end = range.upperBound
    // An item may start at the line start and right after a clause mark, never inside the last marker.
    var resume = range.lowerBound
    if range.lowerBound == lineStart, let match = itemMarker(at: range.lowerBound, limit: end, in: p) {
      markers.append((range.lowerBound, match.end, match.ordinal == 0 ? 1 : match.ordinal))
      resume = match.end
    }
    // Clause marks start with an ASCII, E3 or EF byte: eight bytes at a time, each such byte in turn.
    guard let base = p.baseAddress else { return }
    var i = range.lowerBound
    while i < end {
      var flags: UInt64 = 0
      if i &+ 8 <= end {
        flags = Self.boundaryLeads(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        // Most of a clause is Han: pass sixteen bytes without a mark in one step.
        if flags == 0, i &+ 16 <= end {
          flags = Self.boundaryLeads(UnsafeRawPointer(base + (i &+ 8)).loadUnaligned(as: UInt64.self))
          i &+= 8
        }
      } else {
        for k in 0..<(end - i) where p[i + k] < 0x80 || p[i + k] == 0xE3 || p[i + k] == 0xEF { flags |= 0x80 << (8 * k) }
      }
      while flags != 0 {
        let j = i &+ flags.trailingZeroBitCount >> 3
        flags &= flags &- 1
        let b = p[j]
        let next: Int
        if b < 0x80 {
          guard b == 0x3B || b == 0x3A || b == 0x2C || b == 0x21 || b == 0x3F else { continue }  // ; : , ! ?
          next = j &+ 1
        } else {
          guard j &+ 3 < end, Self.isWideClauseBoundary(b, p[j &+ 1], p[j &+ 2]) else { continue }
          next = j &+ 3
        }
        guard next >= resume, let match = itemMarker(at: next, limit: end, in: p) else { continue }
        let previous = markers.last?.ordinal ?? 0
        markers.append((next, match.end, match.ordinal == 0 ? previous + 1 : match.ordinal))
        resume = match.end
      }
      i &+= 8
    }
    if markers.isEmpty { return }
    for (k, marker) in markers.enumerated() {
      let next = k + 1 < markers.count ? markers[k + 1].start : range.upperBound
      var end = clauseEnd(from: marker.end, limit: next, in: p, stopAtSemicolon: true)
      if end == next && next < range.upperBound { end = trailingClauseBoundary(before: end, from: marker.end, in: p) }
      items.append(
        InlineItem(
          marker: text.string(marker.start..<marker.end), ordinal: marker.ordinal,
          title: text.string(TextLines.trim(marker.end..<end, in: p)), location: text.location(of: marker.start)))
    }
  }
}
