/// The lines of a decoded text as content ranges: terminator excluded, leading indentation skipped.
struct TextLines {
  /// UTF-8 offsets of each line's content, without its terminator.
  let content: [Range<Int>]
  /// Each line's content without leading and trailing blanks (spaces, tabs, U+3000, NBSP, BOM, form feed),
  /// computed once: the splitter and the section parser both ask for every line.
  let trimmedContent: [Range<Int>]

  init(_ text: DecodedText) {
    let starts = text.lines.lineStarts
    let n = starts.count
    var trimmedContent: [Range<Int>] = []
    content = text.bytes.withUnsafeBufferPointer { p in
      // Both arrays written in place, one pass over the line starts (ranges are trivial values).
      [Range<Int>](unsafeUninitializedCapacity: n) { contentOut, contentCount in
        trimmedContent = [Range<Int>](unsafeUninitializedCapacity: n) { trimmedOut, trimmedCount in
          for k in 0..<n {
            let start = starts[k]
            let last = k + 1 == n
            var end = last ? p.count : starts[k + 1]
            // Strip the terminator: LF, CR, CRLF, NEL (C2 85), U+2028/2029 (E2 80 A8/A9).
            if end > start, p[end - 1] == 0x0A { end -= 1 }
            if end > start, p[end - 1] == 0x0D { end -= 1 }
            // NEL and U+2028/2029 end in 85, A8 or A9: most lines end otherwise and skip both tests.
            if !last, end > start, case let b = p[end - 1], b == 0x85 || b &- 0xA8 < 2 {
              if end - start >= 2, p[end - 2] == 0xC2, p[end - 1] == 0x85 { end -= 2 }
              if end - start >= 3, p[end - 3] == 0xE2, p[end - 2] == 0x80, p[end - 1] == 0xA8 || p[end - 1] == 0xA9 {
                end -= 3
              }
            }
            contentOut[k] = start..<end
            trimmedOut[k] = TextLines.trim(start..<end, in: p)
          }
          trimmedCount = n
        }
        contentCount = n
      }
    }
    self.trimmedContent = trimmedContent
  }

  var count: Int { content.count }

  @inline(__always)
  static func trim(_ range: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    // Most lines start with a Han character or a marker and end in one or in punctuation: a blank scalar
    // starts with 09 0B 0C 0D 20 C2 E2 E3 or EF and ends with one of those ASCII bytes or 80 8B A0 BF.
    // Decided inline; the trimming itself is a call.
    guard range.lowerBound < range.upperBound,
      Self.mayStartBlank(p[range.lowerBound]) || Self.mayEndBlank(p[range.upperBound - 1])
    else { return range }
    return trimBlanks(range, in: p)
  }

  /// `trim` past its first test.
  @inline(never)
  private static func trimBlanks(_ range: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var lo = range.lowerBound
    var hi = range.upperBound
    while lo < hi {
      let n = blankLength(at: lo, in: p, limit: hi)
      if n == 0 { break }
      lo += n
    }
    // Backward by the last bytes (valid UTF-8: they tell the last scalar), as `blankLength` reads forward.
    while hi > lo {
      let b = p[hi - 1]
      if b == 0x20 || b == 0x09 || b == 0x0C || b == 0x0D || b == 0x0B {
        hi -= 1
      } else if b == 0xA0, hi - 2 >= lo, p[hi - 2] == 0xC2 {
        hi -= 2
      } else if hi - 3 >= lo, case let (b0, b1) = (p[hi - 3], p[hi - 2]),
        (b0 == 0xE3 && b1 == 0x80 && b == 0x80) || (b0 == 0xEF && b1 == 0xBB && b == 0xBF)
          || (b0 == 0xE2 && b1 == 0x80 && b == 0x8B)
      {
        hi -= 3
      } else {
        break
      }
    }
    return lo..<hi
  }

  @inline(__always)
  private static func mayStartBlank(_ b: UInt8) -> Bool {
    b <= 0x20 || b == 0xC2 || b == 0xE2 || b == 0xE3 || b == 0xEF
  }

  @inline(__always)
  private static func mayEndBlank(_ b: UInt8) -> Bool {
    b <= 0x20 || b == 0x80 || b == 0x8B || b == 0xA0 || b == 0xBF
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
