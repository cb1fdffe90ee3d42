/// Text decoded into valid UTF-8, with what the decoder saw on the way.
public struct DecodedText: Sendable, Hashable {
  /// A run of bytes that were not valid in `encoding`, replaced by U+FFFD.
  public struct InvalidBytes: Sendable, Hashable {
    /// Byte offset in the original file (BOM included).
    public let sourceOffset: Int
    /// Number of invalid bytes in the original file.
    public let length: Int
    /// UTF-8 offset of the replacement character in `bytes`.
    public let textOffset: Int
  }

  /// Valid UTF-8, BOM removed; every later stage works on offsets into it.
  public let bytes: [UInt8]
  /// The encoding the bytes were decoded from.
  public let encoding: TextEncoding
  /// Whether the file began with a byte-order mark.
  public let hadBOM: Bool
  /// Invalid sequences, in file order.
  public let invalidBytes: [InvalidBytes]
  /// Line starts of `bytes`.
  public let lines: LineTable

  /// Wraps already decoded text.
  public init(bytes: [UInt8], encoding: TextEncoding, hadBOM: Bool = false, invalidBytes: [InvalidBytes] = []) {
    self.bytes = bytes
    self.encoding = encoding
    self.hadBOM = hadBOM
    self.invalidBytes = invalidBytes
    self.lines = LineTable(bytes)
  }

  /// Wraps valid UTF-8 whose line table was built while validating it.
  init(validUTF8 bytes: [UInt8], hadBOM: Bool = false, lines: LineTable) {
    self.bytes = bytes
    encoding = .utf8
    self.hadBOM = hadBOM
    invalidBytes = []
    self.lines = lines
  }

  /// The location of a UTF-8 offset into `bytes`.
  public func location(of offset: Int) -> SourceLocation { lines.location(of: offset, in: bytes) }

  /// The text between two offsets as a `String`.
  public func string(_ range: Range<Int>) -> String {
    let lower = max(0, min(range.lowerBound, bytes.count))
    let upper = max(lower, min(range.upperBound, bytes.count))
    return String(decoding: bytes[lower..<upper], as: UTF8.self)
  }
}
