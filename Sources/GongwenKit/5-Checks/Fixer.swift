/// Applies the unambiguous repairs, lost decimal points only, to a file's original bytes: each `?`, `？`,
/// `。` or invalid byte run standing for a point becomes `.` in the file's own encoding (`2E` in UTF-8 and
/// GB18030, `2E 00` in UTF-16LE, `00 2E` in UTF-16BE). Every other byte, line endings and BOM included,
/// stays as it was.
package struct Fixer: Sendable {
  /// One repair: where, and the figure before and after.
  package struct Change: Sendable, Hashable {
    /// Where the figure starts.
    package let location: SourceLocation
    /// The figure as written (`90?8%`).
    package let before: String
    /// The figure repaired (`90.8%`).
    package let after: String
  }

  package init() {}

  /// `original` with every lost decimal point of `file` (parsed from `original`) repaired, and the
  /// changes made, in text order.
  /// - Complexity: O(n) in the size of the file.
  package func fix(_ original: [UInt8], file: InputFile) -> (bytes: [UInt8], changes: [Change]) {
    fix(original, text: file.text, findings: file.documents.flatMap(\.findings))
  }

  /// `original`, decoded as `text`, with the lost decimal points among `findings` repaired.
  func fix(_ original: [UInt8], text: DecodedText, findings: [Finding]) -> (bytes: [UInt8], changes: [Change]) {
    var marks: [(mark: Range<Int>, finding: Finding)] = []
    for finding in findings where finding.rule == LostDecimalRule.id {
      if let mark = LostDecimalRule.mark(in: finding.start.offset..<finding.end.offset, of: text.bytes) {
        marks.append((mark, finding))
      }
    }
    marks.sort { $0.mark.lowerBound < $1.mark.lowerBound }
    let sources = sourceRanges(of: marks.map(\.mark), in: text, original: original)
    var out: [UInt8] = []
    out.reserveCapacity(original.count)
    var copied = 0
    var changes: [Change] = []
    let point: [UInt8] =
      switch text.encoding {
      case .utf8, .gb18030, .big5: [0x2E]
      case .utf16le: [0x2E, 0x00]
      case .utf16be: [0x00, 0x2E]
      }
    for (k, entry) in marks.enumerated() {
      guard let source = sources[k], source.lowerBound >= copied, source.upperBound <= original.count else { continue }
      out.append(contentsOf: original[copied..<source.lowerBound])
      out.append(contentsOf: point)
      copied = source.upperBound
      changes.append(Change(location: entry.finding.start, before: entry.finding.text, after: entry.finding.suggestion ?? ""))
    }
    out.append(contentsOf: original[copied...])
    return (out, changes)
  }

  /// The bytes of `original` that each text range (sorted, one scalar each) was decoded from; nil where
  /// the original does not hold what the text says.
  private func sourceRanges(of marks: [Range<Int>], in text: DecodedText, original: [UInt8]) -> [Range<Int>?] {
    var result: [Range<Int>?] = Array(repeating: nil, count: marks.count)
    guard !marks.isEmpty else { return result }
    let invalid = text.invalidBytes
    var nextInvalid = 0
    var t = 0  // offset in the decoded text
    var s = 0  // offset in the original
    switch text.encoding {
    case .utf8: s = text.hadBOM ? 3 : 0
    case .utf16le, .utf16be: s = text.hadBOM ? 2 : 0
    case .gb18030: s = text.hadBOM ? 4 : 0
    case .big5: s = 0
    }
    var k = 0
    text.bytes.withUnsafeBufferPointer { p in
      while k < marks.count && t < p.count {
        let (scalar, length) = ScalarReader.scalar(at: t, in: p)
        var sourceLength: Int
        let isInvalid = nextInvalid < invalid.count && invalid[nextInvalid].textOffset == t
        if isInvalid {
          s = invalid[nextInvalid].sourceOffset
          sourceLength = invalid[nextInvalid].length
          nextInvalid += 1
        } else {
          switch text.encoding {
          case .utf8: sourceLength = length
          case .utf16le, .utf16be: sourceLength = length == 4 ? 4 : 2
          case .gb18030:
            guard s < original.count else { return }
            let b = original[s]
            sourceLength = b < 0x80 ? 1 : (s + 1 < original.count && original[s + 1] >= 0x30 && original[s + 1] <= 0x39 ? 4 : 2)
          case .big5:
            guard s < original.count else { return }
            sourceLength = original[s] < 0x80 ? 1 : 2
          }
        }
        if marks[k].lowerBound == t {
          let range = s..<(s + sourceLength)
          let same: Bool
          if text.encoding == .utf8 {
            same = range.upperBound <= original.count && original[range].elementsEqual(p[t..<(t + length)])
          } else {
            same = holds(scalar, at: range, of: original, encoding: text.encoding)
          }
          if isInvalid || same { result[k] = range }
          k += 1
        }
        t += length
        s += sourceLength
      }
    }
    return result
  }

  /// Whether `original[range]` encodes `scalar` (a `?`, `？` or `。`) in `encoding`.
  private func holds(_ scalar: UInt32, at range: Range<Int>, of original: [UInt8], encoding: TextEncoding) -> Bool {
    guard range.upperBound <= original.count else { return false }
    let bytes = Array(original[range])
    switch encoding {
    case .utf8: return false  // compared byte for byte by the caller
    case .utf16le: return bytes.count == 2 && UInt32(bytes[0]) | UInt32(bytes[1]) << 8 == scalar
    case .utf16be: return bytes.count == 2 && UInt32(bytes[1]) | UInt32(bytes[0]) << 8 == scalar
    case .gb18030:
      switch scalar {
      case 0x3F: return bytes == [0x3F]
      case 0xFF1F: return bytes == [0xA3, 0xBF]
      case 0x3002: return bytes == [0xA1, 0xA3]
      default: return false
      }
    case .big5:
      switch scalar {
      case 0x3F: return bytes == [0x3F]
      case 0xFF1F: return bytes == [0xA1, 0x48]
      case 0x3002: return bytes == [0xA1, 0x43]
      default: return false
      }
    }
  }
}
