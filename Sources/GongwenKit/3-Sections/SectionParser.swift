/// Builds a document's heading tree and inline items from its lines, in one forward pass.
///
/// The pass records headings and items as offsets in buffers kept from one document to the next (no strings,
/// nothing to release); the `Section` and `InlineItem` records are built once at the end, every array at its
/// exact size, and keep byte ranges of the decoded text rather than strings.
struct SectionParser {
  /// A heading, in document order (each before its subsections), as offsets.
  private struct Node {
    let level: Int
    let ordinal: Int
    let group: Int
    let marker: Range<Int>
    let title: Range<Int>
    let location: SourceLocation
    /// The offset of its line's first byte.
    let start: Int
    /// Its items begin at `itemBuffer[itemStart]` and end where the next node's begin: a section gets items
    /// only while it is the innermost open one, that is before its first subsection.
    let itemStart: Int
    var end = 0
    /// One past the last node of its subtree.
    var subtreeEnd = 0
    var childCount = 0
  }

  /// An inline item, as offsets.
  struct Item {
    let marker: Range<Int>
    let title: Range<Int>
    let ordinal: Int
    let location: SourceLocation
  }

  private var nodes: [Node] = []
  private var itemBuffer: [Item] = []

  /// The heading tree and the items before the first heading, for lines `lineRange` of `text`; lines
  /// `firstLine` and `titleLine` (the title and its 篇 marker) are skipped.
  mutating func parse(_ text: DecodedText, lines: TextLines, lineRange: Range<Int>, skipping firstLine: Int, _ titleLine: Int)
    -> (sections: [Section], items: [InlineItem], script: ScriptFolding.Script)
  {
    nodes.removeAll(keepingCapacity: true)
    itemBuffer.removeAll(keepingCapacity: true)
    // A document mostly holds a few dozen headings: grown one by one, the buffers would be copied five times over.
    if nodes.capacity == 0 {
      nodes.reserveCapacity(32)
      itemBuffer.reserveCapacity(32)
    }
    var rootCount = 0
    let documentStart = lineRange.isEmpty ? 0 : lines.content[lineRange.lowerBound].lowerBound
    let documentEnd = lineRange.isEmpty ? 0 : lines.content[lineRange.upperBound - 1].upperBound
    var script = ScriptFolding.Script.simplified
    // The tables once per document, not once a line.
    let (headingBits, itemBits) = (Self.headingBits, Self.itemBits)
    // Scratch memory of fixed size, without an array's checks on every change: at 0..<50 the last heading's
    // ordinal and group by (parent level, level), at `2 * (parent * 5 + level)` and the next (parent 0: the
    // document), ordinal 0 when there is none yet (headings number from one); from `openBase` the open nodes,
    // outermost first (their levels 1…4 rise strictly, so there are at most four).
    let openBase = 50
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: openBase + 8) { scratch in
      scratch.initialize(repeating: 0)
      var openCount = 0
      // Closes the innermost open section at `end`.
      func close(at end: Int) {
        openCount -= 1
        let k = scratch[openBase + openCount]
        nodes[k].end = end
        nodes[k].subtreeEnd = nodes.count
      }
      return text.bytes.withUnsafeBufferPointer { p in
        let siblings = scratch
        // One pass over the document's Han scalars: its script, and where an inline item may start.
        let han = Self.scanHan(p, from: documentStart, to: documentEnd)
        if han.holdsTraditional { script = ScriptFolding.countedScript(of: p, from: documentStart, to: documentEnd) }
        let itemStarts = han.itemStarts
        var nextStart = 0  // the first of itemStarts not yet passed
        for k in lineRange {
          let line = lines.trimmedContent[k]
          if line.isEmpty || k == firstLine || k == titleLine { continue }
          let lineBegin = lines.content[k].lowerBound
          var bodyStart = line.lowerBound
          if headingBits.withUnsafeBufferPointer({ Self.mayStartHeading(at: line.lowerBound, in: p, bits: $0) }),
            let match = HeadingMarker.heading(at: line.lowerBound, limit: line.upperBound, in: p)
          {
            let titleStart = TextLines.trim(match.end..<line.upperBound, in: p).lowerBound
            let titleEnd = Self.clauseEnd(from: titleStart, limit: line.upperBound, in: p, stopAtSemicolon: false)
            if titleEnd > titleStart {
              while openCount > 0, nodes[scratch[openBase + openCount - 1]].level >= match.level {
                close(at: lineBegin)
              }
              // Every earlier sibling has closed: numbering starts a new group when it does not go up.
              let top = openCount > 0 ? scratch[openBase + openCount - 1] : -1
              let parent = top >= 0 ? nodes[top].level : 0
              let slot = 2 * (parent * 5 + match.level)
              let (previous, previousGroup) = (siblings[slot], siblings[slot + 1])
              let group = previous == 0 ? 1 : match.ordinal <= previous ? previousGroup + 1 : previousGroup
              siblings[slot] = match.ordinal
              siblings[slot + 1] = group
              // Wrapping arithmetic: levels are 1…4, and the checked form cost a third of a heading's bookkeeping.
              let row = 10 &* match.level
              for level in 1...4 { siblings[row &+ 2 &* level] = 0 }
              if top >= 0 { nodes[top].childCount += 1 } else { rootCount += 1 }
              scratch[openBase + openCount] = nodes.count
              openCount += 1
              nodes.append(
                Node(
                  level: match.level, ordinal: match.ordinal, group: group, marker: line.lowerBound..<match.end,
                  title: TextLines.trim(titleStart..<titleEnd, in: p),
                  location: Self.location(of: line.lowerBound, onLine: k, from: lineBegin, column: 1, p),
                  start: lineBegin, itemStart: itemBuffer.count))
              bodyStart = titleEnd
            }
          }
          let body = bodyStart..<line.upperBound
          // Most lines hold no item: decided here, without a call.
          while nextStart < itemStarts.count && itemStarts[nextStart] < body.lowerBound { nextStart += 1 }
          let startsItem =
            bodyStart == line.lowerBound && bodyStart &+ 2 < p.count
            && itemBits.withUnsafeBufferPointer { Self.mayStartItem(at: bodyStart, in: p, bits: $0) }
          guard startsItem || (nextStart < itemStarts.count && itemStarts[nextStart] < body.upperBound) else {
            continue
          }
          Self.items(
            in: body, lineStart: line.lowerBound, line: k, from: lineBegin, starts: itemStarts, next: &nextStart, p: p,
            into: &itemBuffer)
        }
        while openCount > 0 { close(at: documentEnd) }
        let sections = children(from: 0, count: rootCount, text.bytes)
        let items = inlineItems(0..<(nodes.first?.itemStart ?? itemBuffer.count), text.bytes)
        return (sections, items, script)
      }
    }
  }

  /// The sections of the `count` sibling subtrees that start at node `first`; `source` is the decoded text.
  private func children(from first: Int, count: Int, _ source: [UInt8]) -> [Section] {
    guard count > 0 else { return [] }
    var sections: [Section] = []
    sections.reserveCapacity(count)
    var k = first
    for _ in 0..<count {
      sections.append(section(k, source))
      k = nodes[k].subtreeEnd
    }
    return sections
  }

  /// The section of node `k`, with its items and subsections.
  private func section(_ k: Int, _ source: [UInt8]) -> Section {
    let node = nodes[k]
    let itemEnd = k + 1 < nodes.count ? nodes[k + 1].itemStart : itemBuffer.count
    return Section(
      level: node.level, marker: node.marker, ordinal: node.ordinal, group: node.group, title: node.title,
      location: node.location, range: node.start..<node.end, items: inlineItems(node.itemStart..<itemEnd, source),
      children: children(from: k + 1, count: node.childCount, source), source: source)
  }

  /// The items `itemBuffer[range]` as records.
  private func inlineItems(_ range: Range<Int>, _ source: [UInt8]) -> [InlineItem] {
    guard !range.isEmpty else { return [] }
    var items: [InlineItem] = []
    items.reserveCapacity(range.count)
    for item in itemBuffer[range] {
      items.append(
        InlineItem(marker: item.marker, ordinal: item.ordinal, title: item.title, location: item.location, source: source))
    }
    return items
  }

  /// One bit per scalar of U+4000…U+9FFF that may start a heading: 第, 十 and the numerals. `HeadingMarker.heading`
  /// finds none at any other scalar of that range.
  static let headingBits = bits(of: [0x7B2C, 0x5341] + numerals)

  /// The scalars `ChineseNumeral.digit` values (〇 零 一 二 两 兩 三 … 九): the bitmaps are set from them, not by a
  /// test of every scalar of the range.
  static let numerals: [UInt32] = [
    0x3007, 0x96F6, 0x4E00, 0x4E8C, 0x4E24, 0x5169, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
  ]

  /// One bit per scalar of U+4000…U+9FFF among `scalars`.
  static func bits(of scalars: [UInt32]) -> [UInt64] {
    var bits = [UInt64](repeating: 0, count: 0x6000 / 64)
    for v in scalars where v >= 0x4000 && v < 0xA000 {
      let k = Int(v - 0x4000)
      bits[k >> 6] |= 1 << UInt64(k & 63)
    }
    return bits
  }

  /// False when the scalar at `i` (a line start) cannot begin a heading: most lines start with another Han
  /// character, told by one bit of `headingBits` (`bits`) without decoding it.
  @inline(__always)
  static func mayStartHeading(at i: Int, in p: UnsafeBufferPointer<UInt8>, bits: UnsafeBufferPointer<UInt64>) -> Bool {
    guard i &+ 2 < p.count else { return true }
    return p[i] &- 0xE4 >= 6 || mayStartItem(at: i, in: p, bits: bits)
  }

  /// The location of `offset` on the 0-based `line`, counting scalars on from `start` at `column` (as
  /// `LineTable.location` counts them from the line's first byte, without its search for the line).
  static func location(
    of offset: Int, onLine line: Int, from start: Int, column: Int, _ p: UnsafeBufferPointer<UInt8>
  ) -> SourceLocation {
    var column = column
    for i in start..<offset where p[i] & 0xC0 != 0x80 { column += 1 }
    return SourceLocation(line: line + 1, column: column, offset: offset)
  }

  /// The end of the clause starting at `i`: the first 。 (and ；; when asked), or `limit`.
  static func clauseEnd(from i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>, stopAtSemicolon: Bool) -> Int {
    var j = i
    let ones: UInt64 = 0x0101_0101_0101_0101
    // The bytes of `w` equal to `byte`, as their high bits: exact up to the first such byte (a false match can
    // only follow a true one), which is all the scan uses.
    func matches(_ w: UInt64, _ byte: UInt64) -> UInt64 {
      let x = w ^ (ones &* byte)
      return (x &- ones) & ~x & (ones << 7)
    }
    while j < limit {
      // Eight bytes at a time while none can begin 。 (E3) or, when asked, ； (EF) or ; (3B); else straight to
      // the first that can.
      if j &+ 8 <= limit, let base = p.baseAddress {
        let w = UInt64(littleEndian: UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self))
        var m = matches(w, 0xE3)
        if stopAtSemicolon { m |= matches(w, 0xEF) | matches(w, 0x3B) }
        if m == 0 {
          j &+= 8
          continue
        }
        j &+= m.trailingZeroBitCount >> 3
      }
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

  /// One bit per scalar of U+4000…U+9FFF that may start an inline item (`HeadingMarker.mayStartItem`).
  static let itemBits = bits(of: [0x5341, 0x9996, 0x5176, 0x518D, 0x6700] + numerals)

  /// Whether the scalar at `i` (a lead E4…E9 with its two continuation bytes) may start an inline item.
  @inline(__always)
  static func mayStartItem(at i: Int, in p: UnsafeBufferPointer<UInt8>, bits: UnsafeBufferPointer<UInt64>) -> Bool {
    let lead = p[i] &- 0xE4
    guard lead < 6 else { return false }
    let word = Int(lead) << 6 | Int(p[i &+ 1] & 0x3F)
    return bits[word] & (1 << UInt64(p[i &+ 2] & 0x3F)) != 0
  }

  /// `ScriptFolding.traditionalBits` indexed by a Han scalar's first two bytes as one little-endian load,
  /// masked: (b1 & 3F) << 8 | (b0 & 0F), for leads E4…E9. One mask replaces the decoding of both bytes.
  static let traditionalByPair: [UInt64] = {
    // Leads E4…EB (nibbles 4…B) fall within the mask; EA and EB stay zero.
    var table = [UInt64](repeating: 0, count: 0x4000)
    for lead in 0..<6 {
      for b1 in 0..<64 { table[b1 << 8 | (lead + 4)] = ScriptFolding.traditionalBits[lead << 6 | b1] }
    }
    return table
  }()

  /// One pass over the scalars of `p[start..<end]`: whether a traditional form stands there
  /// (`ScriptFolding.isTraditional`), and, in order, the offsets right after a clause mark (what
  /// `items` accepts before a marker) whose scalar may start an inline item. Line starts are `items`' own.
  static func scanHan(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (
    holdsTraditional: Bool, itemStarts: [Int]
  ) {
    var traditional: UInt64 = 0
    var starts: [Int] = []
    starts.reserveCapacity((end - start) >> 8)
    guard let base = p.baseAddress else { return (false, starts) }
    traditionalByPair.withUnsafeBufferPointer { bits in
      itemBits.withUnsafeBufferPointer { itemBits in
        @inline(__always) func pairBytes(at i: Int) -> Int {
          Int(UInt16(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt16.self)))
        }
        // A lead needs its two continuation bytes: stop where they would run past the buffer.
        let stop = min(end, p.count &- 2)
        // (Measured: this shape beats a local accumulator, a pointer walk and an early exit at the first
        // traditional form; Han runs are short, so entering and leaving the inner loop counts.)
        // `checked` is a constant at each call (so the loop is compiled twice): false when the byte at `end` is
        // ASCII and two bytes can be read there, so that every Han run stops by itself at `end` (no scalar
        // straddles it) and needs no bound test per scalar. A document ends before a line break, so only one
        // that ends the file takes the checked loop.
        @inline(__always) func run(checked: Bool) {
          var i = start
          outer: while i < stop {
            // A run of Han scalars: only the traditional test, bit 0 of the word (by the first two bytes)
            // shifted by the third byte.
            var pair = pairBytes(at: i)
            while UInt8(truncatingIfNeeded: pair) &- 0xE4 < 6 {
              traditional |= bits[pair & 0x3F0F] &>> UInt64(p[i &+ 2] & 0x3F)
              i &+= 3
              if checked {
                guard i < stop else { break outer }
              }
              pair = pairBytes(at: i)
            }
            if !checked {
              guard i < stop else { break }
            }
            let b = p[i]
            // Clause marks are far rarer than Han: the scalar after one is tested here.
            var next = i &+ 1
            if b < 0x80 {
              guard b == 0x3B || b == 0x3A || b == 0x2C || b == 0x21 || b == 0x3F else { i = next; continue }  // ; : , ! ?
            } else if b & 0xF0 == 0xE0 {
              next = i &+ 3
              guard Self.isWideClauseBoundary(b, p[i &+ 1], p[i &+ 2]) else { i = next; continue }
            } else {
              i = next
              continue
            }
            if next < stop && mayStartItem(at: next, in: p, bits: itemBits) { starts.append(next) }
            i = next
          }
        }
        if end >= start && end &+ 2 <= p.count && p[end] < 0x80 { run(checked: false) } else { run(checked: true) }
      }
    }
    return (traditional & 1 != 0, starts)
  }

  /// Appends the inline items (一是…, 首先…) in `range`, at the line start or after clause punctuation.
  /// `line` is the 0-based line, `lineBegin` the offset of its first byte; `starts` are the offsets where an
  /// item may start (`scanHan`), `next` the first of them not yet passed.
  static func items(
    in range: Range<Int>, lineStart: Int, line: Int, from lineBegin: Int, starts: [Int], next: inout Int,
    p: UnsafeBufferPointer<UInt8>, into items: inout [Item]
  ) {
    // Each title runs up to the next marker at most, so a marker is written when the next is found: a line of
    // 首先，其次，… with no 。 would otherwise scan and copy the rest of the line once per item (quadratic).
    var pending: (start: Int, end: Int, ordinal: Int)?
    // Columns counted on from the previous item: many items on one long line stay linear.
    var location = SourceLocation(line: line + 1, column: 1, offset: lineBegin)
    let end = range.upperBound
    var resume = range.lowerBound  // past the last marker
    while next < starts.count && starts[next] < range.lowerBound { next += 1 }
    // The line start first (no clause mark before it), then the scan's starts after clause marks; a start
    // met twice fails twice or lies before `resume`.
    var lineCandidate = -1
    if range.lowerBound == lineStart && lineStart < end && lineStart &+ 2 < p.count {
      let isStart = itemBits.withUnsafeBufferPointer { mayStartItem(at: lineStart, in: p, bits: $0) }
      if isStart { lineCandidate = lineStart }
    }
    while lineCandidate >= 0 || (next < starts.count && starts[next] < end) {
      let c: Int
      if lineCandidate >= 0 {
        c = lineCandidate
        lineCandidate = -1
      } else {
        c = starts[next]
        next += 1
      }
      // An item starts at the line start or right after a clause mark (the scalar before it), never inside
      // the last marker.
      guard c >= resume else { continue }
      if c == range.lowerBound {
        guard c == lineStart else { continue }
      } else if p[c - 1] < 0x80 {
        let b = p[c - 1]
        guard b == 0x3B || b == 0x3A || b == 0x2C || b == 0x21 || b == 0x3F else { continue }  // ; : , ! ?
      } else {
        guard c - 3 >= range.lowerBound, Self.isWideClauseBoundary(p[c - 3], p[c - 2], p[c - 1]) else { continue }
      }
      guard let match = itemMarker(at: c, limit: end, in: p) else { continue }
      let previous = pending?.ordinal ?? 0
      if let marker = pending {
        appendItem(marker, before: c, in: range, line: line, location: &location, p: p, into: &items)
      }
      pending = (c, match.end, match.ordinal == 0 ? previous + 1 : match.ordinal)
      resume = match.end
    }
    if let marker = pending {
      appendItem(marker, before: end, in: range, line: line, location: &location, p: p, into: &items)
    }
  }

  /// Appends the item of `marker`, its title cut at `next` (the next marker or the end of `range`).
  private static func appendItem(
    _ marker: (start: Int, end: Int, ordinal: Int), before next: Int, in range: Range<Int>, line: Int,
    location: inout SourceLocation, p: UnsafeBufferPointer<UInt8>, into items: inout [Item]
  ) {
    location = Self.location(of: marker.start, onLine: line, from: location.offset, column: location.column, p)
    var end = clauseEnd(from: marker.end, limit: next, in: p, stopAtSemicolon: true)
    if end == next && next < range.upperBound { end = trailingClauseBoundary(before: end, from: marker.end, in: p) }
    items.append(
      Item(
        marker: marker.start..<marker.end, title: TextLines.trim(marker.end..<end, in: p), ordinal: marker.ordinal,
        location: location))
  }
}
