/// A parsed input file: decode → split into documents → heading tree → figures → checks.
///
///     let file = try InputFile(parsing: bytes, path: "2021/东城区.txt")
///     for document in file.documents { print(document.title, document.figures.count) }
public struct InputFile: Sendable {
  /// Options for parsing.
  public struct Options: Sendable, Hashable {
    /// Decode as this encoding instead of detecting one.
    public var encoding: TextEncoding?
    /// Creates options.
    public init(encoding: TextEncoding? = nil) { self.encoding = encoding }
  }

  /// Text kept apart from the documents: web-page front matter or trailing debris.
  ///
  /// The text is read from the file's decoded text when asked for: a block keeps that text alive.
  public struct Block: Sendable, Hashable {
    /// The text as written.
    public var text: String { source.utf8String(range) }
    /// First line (1-based).
    public let firstLine: Int
    /// Last line (1-based).
    public let lastLine: Int
    /// UTF-8 offsets.
    public let range: Range<Int>
    /// The decoded text `range` points into.
    let source: [UInt8]

    /// Same lines and range, and the same text.
    public static func == (a: Block, b: Block) -> Bool {
      a.firstLine == b.firstLine && a.lastLine == b.lastLine && a.range == b.range
        && a.source.sameBytes(a.range, as: b.source, b.range)
    }

    /// The fields `==` compares, the text by its bytes.
    public func hash(into hasher: inout Hasher) {
      source.hashBytes(range, into: &hasher)
      hasher.combine(firstLine)
      hasher.combine(lastLine)
      hasher.combine(range)
    }
  }

  /// The path as given.
  public let path: String
  /// The decoded text.
  public let text: DecodedText
  /// Front matter before the first document.
  public let front: Block?
  /// Debris after the last document.
  public let trailer: Block?
  /// The documents, in file order; at least one.
  public private(set) var documents: [Document]

  /// The encoding the file was decoded from.
  public var encoding: TextEncoding { text.encoding }

  /// Parses a file's bytes.
  /// - Throws: `InputError` when the bytes are not text.
  public init(parsing bytes: [UInt8], path: String, options: Options = Options()) throws(InputError) {
    let text = try TextDecoder(forcedEncoding: options.encoding).decode(bytes, path: path)
    self.init(decoded: text, path: path)
  }

  /// Titles are cut to this many Unicode scalars.
  public static let maximumTitleLength = 200

  /// The first `scalars` scalars of `range`.
  static func prefix(of range: Range<Int>, scalars: Int, in p: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var i = range.lowerBound
    var count = 0
    while i < range.upperBound && count < scalars {
      i += 1
      while i < range.upperBound && p[i] & 0xC0 == 0x80 { i += 1 }
      count += 1
    }
    return range.lowerBound..<i
  }

  /// Parses already decoded text.
  /// - Parameter runsChecks: false leaves every document's `findings` empty, for callers that need only
  ///   the structure and figures (`gongwen figures` and `turnout`): the checks are a sixth of the work.
  public init(decoded text: DecodedText, path: String, runsChecks: Bool = true) {
    self.init(sectioned: text, path: path)
    extractFigures()
    if runsChecks { runChecks() }
  }

  /// The split and section stage alone: documents with heading trees, no figures or findings yet.
  /// Timed on its own by gongwen-bench; `init(decoded:path:)` runs it first.
  package init(sectioned text: DecodedText, path: String) {
    self.path = path
    self.text = text
    let lines = TextLines(text)
    let layout = DocumentSplitter().split(text, lines: lines)
    func block(_ lineRange: Range<Int>?) -> Block? {
      guard let r = lineRange, !r.isEmpty else { return nil }
      let range = lines.content[r.lowerBound].lowerBound..<lines.content[r.upperBound - 1].upperBound
      return Block(firstLine: r.lowerBound + 1, lastLine: r.upperBound, range: range, source: text.bytes)
    }
    front = block(layout.front)
    trailer = block(layout.trailer)
    var parser = SectionParser()
    var documents: [Document] = []
    documents.reserveCapacity(layout.documents.count)
    for (n, span) in layout.documents.enumerated() {
      let lineRange = span.firstLine..<max(span.endLine, span.firstLine)
      let range: Range<Int> =
        lineRange.isEmpty
        ? 0..<0 : lines.content[lineRange.lowerBound].lowerBound..<lines.content[lineRange.upperBound - 1].upperBound
      let title = text.bytes.withUnsafeBufferPointer { p in
        let line = span.titleLine < lines.count ? lines.trimmedContent[span.titleLine] : 0..<0
        // A file without line breaks would make its whole text the title, copied into every row that names it.
        return Self.prefix(of: line, scalars: Self.maximumTitleLength, in: p)
      }
      let (sections, items, script) = parser.parse(
        text, lines: lines, lineRange: lineRange, skipping: span.firstLine, span.titleLine)
      let document = Document(
        index: n + 1, title: title, range: range, firstLine: span.firstLine + 1,
        lastLine: max(span.endLine, span.firstLine + 1), script: script,
        sections: sections, items: items, source: text.bytes)
      documents.append(document)
    }
    self.documents = documents
  }

  /// A file of `documents` only, sharing the text: `front` kept only when the first document is among
  /// them and `trailer` only when the last is, so writers that add them to the first and last record
  /// write a file piece by piece exactly as whole.
  private init(piece documents: ArraySlice<Document>, of file: InputFile) {
    path = file.path
    text = file.text
    front = documents.startIndex == 0 ? file.front : nil
    trailer = documents.endIndex == file.documents.count ? file.trailer : nil
    self.documents = Array(documents)
  }

  /// Parses already decoded text a few documents at a time, so that a large file never holds the figures,
  /// findings and records of all its documents at once: `body` gets each piece, in file order, with its
  /// figures and findings, as if it were the whole file (the first piece holds `front`, the last `trailer`).
  ///
  /// The pieces together hold exactly the documents, figures and findings of `init(decoded:path:)`: the
  /// checks never look across documents, and each piece's checks see the text from its first document up
  /// to the next piece (the first from the start of the file, the last to its end).
  /// - Parameter pieceBytes: documents are gathered into a piece until it holds at least this many bytes.
  package static func parsePieces(
    decoded text: DecodedText, path: String, pieceBytes: Int, _ body: (InputFile) -> Void
  ) {
    let pieces = Pieces(decoded: text, path: path, pieceBytes: pieceBytes)
    for k in 0..<pieces.count { body(pieces.piece(k)) }
  }

  /// A large file cut into pieces of whole documents: sectioned once, then each piece filled on demand with
  /// its figures and findings, in any order and on any thread (pieces share nothing but the text).
  package struct Pieces: Sendable {
    /// The file with its documents' heading trees, no figures or findings yet.
    let skeleton: InputFile
    /// The documents of each piece, as index ranges into `skeleton.documents`.
    let bounds: [Range<Int>]

    /// Sections `text` and gathers its documents into pieces of at least `pieceBytes` (the last may be smaller).
    package init(decoded text: DecodedText, path: String, pieceBytes: Int) {
      skeleton = InputFile(sectioned: text, path: path)
      let documents = skeleton.documents
      var bounds: [Range<Int>] = []
      var start = 0
      while start < documents.count {
        var end = start + 1
        while end < documents.count && documents[end].range.lowerBound - documents[start].range.lowerBound < pieceBytes {
          end += 1
        }
        bounds.append(start..<end)
        start = end
      }
      self.bounds = bounds
    }

    /// The number of pieces.
    package var count: Int { bounds.count }

    /// Piece `k` with its figures and findings, as if it were the whole file.
    package func piece(_ k: Int, runsChecks: Bool = true) -> InputFile {
      let documents = skeleton.documents
      let (start, end) = (bounds[k].lowerBound, bounds[k].upperBound)
      let scopeStart = start == 0 ? 0 : documents[start].range.lowerBound
      let scopeEnd = end == documents.count ? skeleton.text.bytes.count : documents[end].range.lowerBound
      var piece = InputFile(piece: documents[start..<end], of: skeleton)
      piece.extractFigures()
      if runsChecks { piece.runChecks(in: scopeStart..<scopeEnd) }
      return piece
    }
  }

  /// The figure stage alone: fills each document's figures (after `init(sectioned:path:)`).
  package mutating func extractFigures() {
    var extractor = FigureExtractor()
    for k in documents.indices { documents[k].figures = extractor.figures(in: text, document: documents[k]) }
  }

  /// The check stage alone: runs the rules and places each finding in its document (after the figures).
  /// `scope`: the part of the text whose placeholders and invalid bytes count (nil: all of it).
  package mutating func runChecks(in scope: Range<Int>? = nil) {
    let findings = Checker().findings(in: RuleContext(self, scope: scope))
    Checker.distribute(findings, into: &documents)
  }
}
