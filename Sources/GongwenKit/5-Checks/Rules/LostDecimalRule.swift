/// `lost-decimal` (warning): a decimal point that a conversion turned into `?`, `？`, U+FFFD or a
/// full stop: 90?8%, 96？3%, 51�2%, 90。5%. The suggestion is the figure with its point back (90.8%);
/// `gongwen check --fix` applies it.
///
///     Before: 其中男子178人,占90?8%
///     After:  其中男子178人,占90.8%
struct LostDecimalRule: Rule {
  static let id = "lost-decimal"
  static let severity = Finding.Severity.warning
  static let summary = "A decimal point lost to ?, ？, U+FFFD or 。: 90?8% for 90.8%."

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let bytes = context.text.bytes
    // Indices, not a copy of every figure: few lost their point.
    let figures = context.figures
    for k in figures.indices where figures[k].flags.contains(.lostDecimal) {
      let range = figures[k].range
      guard let mark = Self.mark(in: range, of: bytes) else { continue }
      // Point at the number and its unit (42?2岁), not at words the figure takes in (平均年龄).
      let start = Self.digitsStart(before: mark.lowerBound, floor: range.lowerBound, in: bytes)
      let end = min(range.upperBound, bytes.count)
      let suggestion = Self.repaired(start..<end, mark: mark, in: bytes)
      let written = context.text.string(start..<end)
      findings.append(
        finding(
          message("decimal point lost in ", written, ": read as ", suggestion), range: start..<end, text: written, in: context,
          suggestion: suggestion, after: figures[k].start))
    }
  }

  /// The bytes of `range` with `mark` (inside it) replaced by a point, as one String.
  static func repaired(_ range: Range<Int>, mark: Range<Int>, in bytes: [UInt8]) -> String {
    let head = mark.lowerBound - range.lowerBound
    let tail = range.upperBound - mark.upperBound
    return bytes.withUnsafeBufferPointer { p in
      String(unsafeUninitializedCapacity: head + 1 + tail) { buffer in
        for i in 0..<head { buffer[i] = p[range.lowerBound + i] }
        buffer[head] = 0x2E
        for i in 0..<tail { buffer[head + 1 + i] = p[mark.upperBound + i] }
        return head + 1 + tail
      }
    }
  }

  /// Start of the run of ASCII or full-width digits that ends at `i`, not before `floor`.
  static func digitsStart(before i: Int, floor: Int, in bytes: [UInt8]) -> Int {
    var j = i
    while j > floor {
      if bytes[j - 1] >= 0x30 && bytes[j - 1] <= 0x39 {
        j -= 1
      } else if j - 3 >= floor, bytes[j - 3] == 0xEF, bytes[j - 2] == 0xBC, bytes[j - 1] >= 0x90, bytes[j - 1] <= 0x99 {
        j -= 3
      } else {
        break
      }
    }
    return j
  }

  /// The byte range of the character standing for the point in `range` of `bytes`: the first `?`,
  /// `？` (EF BC 9F), U+FFFD (EF BF BD) or `。` (E3 80 82) with a digit on each side.
  static func mark(in range: Range<Int>, of bytes: [UInt8]) -> Range<Int>? {
    let lower = max(0, range.lowerBound)
    let upper = min(range.upperBound, bytes.count)
    return bytes.withUnsafeBufferPointer { p -> Range<Int>? in
      func isDigit(_ i: Int) -> Bool { i >= 0 && i < p.count && isASCIIOrWideDigit(at: i, p) }
      var i = lower
      while i < upper {
        var length = 0
        if p[i] == 0x3F {
          length = 1
        } else if i + 2 < upper || i + 2 < p.count {
          let b1 = i + 1 < p.count ? p[i + 1] : 0
          let b2 = i + 2 < p.count ? p[i + 2] : 0
          if (p[i] == 0xEF && b1 == 0xBC && b2 == 0x9F) || (p[i] == 0xEF && b1 == 0xBF && b2 == 0xBD)
            || (p[i] == 0xE3 && b1 == 0x80 && b2 == 0x82)
          {
            length = 3
          }
        }
        if length > 0, i > 0, isDigit(ScalarReader.previousBoundary(before: i, in: p)), isDigit(i + length) {
          return i..<(i + length)
        }
        i += 1
      }
      return nil
    }
  }

  /// Whether an ASCII digit or a full-width digit (EF BC 90…99) starts at `i`.
  private static func isASCIIOrWideDigit(at i: Int, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
    if p[i] >= 0x30 && p[i] <= 0x39 { return true }
    return p[i] == 0xEF && i + 2 < p.count && p[i + 1] == 0xBC && p[i + 2] >= 0x90 && p[i + 2] <= 0x99
  }
}
