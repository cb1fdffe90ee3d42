/// The lines of a decoded text as content ranges: terminator excluded, leading indentation skipped.
struct TextLines {
  /// UTF-8 offsets of each line's content, without its terminator.
  let content: [Range<Int>]
  /// Each line's content without leading and trailing blanks, computed once: the splitter and the section
  /// parser both ask for every line.
  let trimmedContent: [Range<Int>]

  init(_ text: DecodedText) {
    let starts = text.lines.lineStarts
    var content: [Range<Int>] = []
    var trimmedContent: [Range<Int>] = []
    content.reserveCapacity(starts.count)
    trimmedContent.reserveCapacity(starts.count)
    text.bytes.withUnsafeBufferPointer { p in
      for (k, start) in starts.enumerated() {
        var end = k + 1 < starts.count ? starts[k + 1] : p.count
        // Strip the terminator: LF, CR, CRLF, NEL (C2 85), U+2028/2029 (E2 80 A8/A9).
        if end > start, p[end - 1] == 0x0A { end -= 1 }
        if end > start, p[end - 1] == 0x0D { end -= 1 }
        if end - start >= 2, p[end - 2] == 0xC2, p[end - 1] == 0x85, k + 1 < starts.count { end -= 2 }
        if end - start >= 3, p[end - 3] == 0xE2, p[end - 2] == 0x80, p[end - 1] == 0xA8 || p[end - 1] == 0xA9,
          k + 1 < starts.count
        {
          end -= 3
        }
        content.append(start..<end)
        trimmedContent.append(TextLines.trim(start..<end, in: p))
      }
    }
    self.content = content
    self.trimmedContent = trimmedContent
  }

  var count: Int { content.count }

  /// The content of line `k` without leading and trailing blanks (spaces, tabs, U+3000, NBSP, BOM, form feed).
  func trimmed(_ k: Int, in p: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    trimmedContent[k]
  }

  static func trim(_ range: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var lo = range.lowerBound
    var hi = range.upperBound
    while lo < hi {
      let n = blankLength(at: lo, in: p, limit: hi)
      if n == 0 { break }
      lo += n
    }
    while hi > lo {
      let j = ScalarReader.previousBoundary(before: hi, in: p)
      if blankLength(at: j, in: p, limit: hi) == hi - j { hi = j } else { break }
    }
    return lo..<hi
  }

  /// Length of a blank scalar at `i` (space, tab, form feed, CR, U+3000, NBSP, U+FEFF, zero-width space), else 0.
  @inline(__always)
  static func blankLength(at i: Int, in p: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
    let b = p[i]
    if b == 0x20 || b == 0x09 || b == 0x0C || b == 0x0D || b == 0x0B { return 1 }
    if b == 0xC2, i + 1 < limit, p[i + 1] == 0xA0 { return 2 }
    if b == 0xE3, i + 2 < limit, p[i + 1] == 0x80, p[i + 2] == 0x80 { return 3 }
    if b == 0xEF, i + 2 < limit, p[i + 1] == 0xBB, p[i + 2] == 0xBF { return 3 }
    if b == 0xE2, i + 2 < limit, p[i + 1] == 0x80, p[i + 2] == 0x8B { return 3 }
    return 0
  }
}
