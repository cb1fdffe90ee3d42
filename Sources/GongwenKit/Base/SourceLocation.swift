/// A position in an input file: 1-based line and column, plus the UTF-8 byte offset into the decoded text.
///
/// The column counts Unicode scalars, so `参选率达98.5%` puts the figure at column 5 whatever the
/// file's encoding. Lines end at LF, CR, CRLF, NEL, U+2028 and U+2029; both count after any BOM.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// 1-based line number.
  public let line: Int
  /// 1-based column, in Unicode scalars.
  public let column: Int
  /// 0-based UTF-8 byte offset into the decoded text.
  public let offset: Int

  /// Creates a location.
  public init(line: Int, column: Int, offset: Int) {
    self.line = line
    self.column = column
    self.offset = offset
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool { lhs.offset < rhs.offset }

  public var description: String { "\(line):\(column)" }
}

/// A half-open range of source locations.
public typealias SourceRange = Range<SourceLocation>
