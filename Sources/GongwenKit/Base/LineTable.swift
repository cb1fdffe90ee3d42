/// Line starts of a UTF-8 text, turning byte offsets into line and column on demand.
///
/// Built in one linear pass; each lookup is a binary search plus a count of the scalars
/// between the line start (or the last checkpoint of a long line) and the offset.
public struct LineTable: Sendable, Hashable {
  /// UTF-8 offset of the first byte of each line; `lineStarts[0] == 0`.
  public let lineStarts: [Int]
  /// Scalar boundaries about every `checkpointStride` bytes inside long lines, with their columns, so that
  /// a lookup never counts more than a stride: many figures on a 5 MB line stay linear, not quadratic.
  let checkpointOffsets: [Int]
  /// The 1-based column at each of `checkpointOffsets`.
  let checkpointColumns: [Int]
  /// Bytes between checkpoints.
  static let checkpointStride = 1024

  /// Records the start of every line of `text`.
  /// - Complexity: O(n) in the length of `text`.
  public init(_ text: [UInt8]) {
    var starts: [Int] = [0]
    starts.reserveCapacity(text.count / 40 + 1)
    let count = text.count
    text.withUnsafeBufferPointer { bytes in
      var i = 0
      while i < count {
        // Skip eight bytes at a time while none is below 0x0E or a lead of NEL (C2) or U+2028/2029 (E2), and
        // straight to the first that is.
        if let base = bytes.baseAddress {
          while i + 8 <= count {
            let flags = Self.breakCandidates(UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
            if flags != 0 {
              i += flags.trailingZeroBitCount >> 3
              break
            }
            i += 8
          }
          guard i < count else { break }
        }
        let b = bytes[i]
        if b == 0x0A {
          starts.append(i + 1)
        } else if b == 0x0D {
          if i + 1 < count, bytes[i + 1] == 0x0A { i += 1 }
          starts.append(i + 1)
        } else if b == 0xC2, i + 1 < count, bytes[i + 1] == 0x85 {
          i += 1
          starts.append(i + 1)
        } else if b == 0xE2, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
          i += 2
          starts.append(i + 1)
        }
        i += 1
      }
    }
    self.init(text, lineStarts: starts)
  }

  /// The table of `text` whose line starts are already known (found while validating it).
  init(_ text: [UInt8], lineStarts starts: [Int]) {
    let count = text.count
    lineStarts = starts
    var offsets: [Int] = []
    var columns: [Int] = []
    text.withUnsafeBufferPointer { bytes in
      starts.withUnsafeBufferPointer { s in
        // Most lines are short: a subtraction and a comparison each.
        for k in s.indices {
          let start = s[k]
          let end = k + 1 < s.count ? s[k + 1] : count
          guard end - start > Self.checkpointStride else { continue }
          var column = 1
          var next = start + Self.checkpointStride
          for i in start..<end where bytes[i] & 0xC0 != 0x80 {
            if i >= next {
              offsets.append(i)
              columns.append(column)
              next = i + Self.checkpointStride
            }
            column += 1
          }
        }
      }
    }
    checkpointOffsets = offsets
    checkpointColumns = columns
  }

  /// The high bit of each byte of `w` that is below 0x0E, 0xC2 or 0xE2 (C2 and E2 differ only in 0x20); bytes
  /// above the first such byte may be flagged falsely (a borrow), so only the lowest flag is exact.
  @inline(__always)
  static func breakCandidates(_ w: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let high: UInt64 = 0x8080_8080_8080_8080
    let lead = (w | ones &* 0x20) ^ (ones &* 0xE2)
    return ((w &- ones &* 0x0E) & ~w | (lead &- ones) & ~lead) & high
  }

  /// The number of lines (a final line without terminator counts; an empty last line too).
  public var lineCount: Int { lineStarts.count }

  /// 0-based index of the line holding `offset`.
  public func lineIndex(of offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// The line and scalar column of `offset` in `text`.
  /// - Complexity: O(log n + 1024): a binary search, then a count of at most one checkpoint stride.
  public func location(of offset: Int, in text: [UInt8]) -> SourceLocation {
    let index = lineIndex(of: offset)
    var start = lineStarts[index]
    var column = 1
    if let first = checkpointOffsets.first, first <= offset {
      var low = 0
      var high = checkpointOffsets.count - 1
      while low < high {
        let mid = (low + high + 1) / 2
        if checkpointOffsets[mid] <= offset { low = mid } else { high = mid - 1 }
      }
      if checkpointOffsets[low] >= start {
        start = checkpointOffsets[low]
        column = checkpointColumns[low]
      }
    }
    text.withUnsafeBufferPointer { bytes in
      var i = start
      let end = min(offset, bytes.count)
      while i < end {
        if bytes[i] & 0xC0 != 0x80 { column += 1 }
        i += 1
      }
    }
    return SourceLocation(line: index + 1, column: column, offset: offset)
  }
}
