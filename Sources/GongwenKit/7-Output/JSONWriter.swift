/// Writes parse records (`"schema": "gongwen/1"`) as JSON or JSON Lines. Field order is part of the contract
/// documented in docs/schema.md.
public struct JSONWriter: Sendable {
  /// The schema tag on every record.
  public static let schema = "gongwen/1"

  /// Indent records (for `--format json`); JSON Lines records are compact.
  public var pretty: Bool

  /// Creates a writer.
  public init(pretty: Bool = false) { self.pretty = pretty }

  /// Appends one record per document of `file`.
  public func write(_ file: InputFile, to out: inout JSONEmitter) {
    for k in file.documents.indices { writeDocument(at: k, of: file, to: &out) }
  }

  /// Appends the record of document `index` (0-based) of `file`, read in place (not copied).
  public func writeDocument(at index: Int, of file: InputFile, to out: inout JSONEmitter) {
    file.documents.withUnsafeBufferPointer { documents in
      guard let first = documents.baseAddress else { return }
      writeDocument(first + index, of: file, isFirst: index == 0, isLast: index == documents.count - 1, to: &out)
    }
  }

  /// Appends the error record for an input that could not be parsed.
  public func write(_ error: InputError, to out: inout JSONEmitter) {
    let code = error.code
    let message = error.message
    let strings = Self.schema.utf8.count + error.path.utf8.count + code.utf8.count + message.utf8.count
    out.reserving(fields: 11, nesting: 2, strings: strings) { s in
      s.beginObject()
      s.field("schema", Self.schema)
      s.field("file", error.path)
      s.key(static: "error")
      s.beginObject()
      s.field("code", code)
      s.field("message", message)
      if let location = error.location {
        s.field("line", location.line)
        s.field("column", location.column)
      }
      s.endObject()
      s.endObject()
    }
  }

  /// A record in five reservations besides its headings, figures and findings: the header with the front and
  /// trailer blocks, and each joint between two arrays.
  private func writeDocument(
    _ document: UnsafePointer<Document>, of file: InputFile, isFirst: Bool, isLast: Bool, to out: inout JSONEmitter
  ) {
    // A record is about twice its text (headings and their fields) and some 300 bytes a figure or finding;
    // room for the largest single reservation on top, so the buffer rarely grows mid-record.
    let records = document.pointee.figures.count + document.pointee.findings.count
    out.reserve(2 * document.pointee.range.count + 400 * records + 8192)
    let front = isFirst ? file.front : nil
    let trailer = isLast ? file.trailer : nil
    // Encoding and script names are ASCII words of at most 16 bytes.
    var strings = Self.schema.utf8.count + file.path.utf8.count + document.pointee.titleRange.count + 32
    strings += (front?.range.count ?? 0) + (trailer?.range.count ?? 0)
    out.reserving(fields: 9 + 2 * 6 + 2, nesting: 2, strings: strings) { scope in
      var s = scope
      defer { scope = s }
      s.beginObject()
      s.field("schema", Self.schema)
      s.field("file", file.path)
      s.field("document", document.pointee.index)
      s.field("encoding", file.encoding.rawValue)
      s.field("script", document.pointee.script.rawValue)
      document.pointee.source.withBytes(in: document.pointee.titleRange) { s.field("title", utf8: $0) }
      s.field("first_line", document.pointee.firstLine)
      s.field("last_line", document.pointee.lastLine)
      Self.writeBlock("front", front, to: &s)
      Self.writeBlock("trailer", trailer, to: &s)
      s.key(static: "sections")
      s.beginArray()
    }
    Self.forEachInPlace(document.pointee.sections) { writeSection($0, to: &out) }
    let items = Self.itemStrings(document.pointee.items)
    out.reserving(fields: 1 + 3 + 7 * items.count + 2, nesting: 2, strings: items.strings) { scope in
      var s = scope
      defer { scope = s }
      s.endArray()
      Self.writeItems(document.pointee.items, to: &s)
      s.key(static: "figures")
      s.beginArray()
    }
    var paths = SectionPathCursor(sections: document.pointee.sections)
    let index = document.pointee.index
    Self.forEachInPlace(document.pointee.figures) { figure in
      paths.withPath(at: figure.pointee.range.lowerBound) { path in
        writeFigure(figure, document: index, path: path, file: nil, to: &out)
      }
    }
    out.reserving(fields: 3, strings: 0) { s in
      s.endArray()
      s.key(static: "findings")
      s.beginArray()
    }
    if !document.pointee.findings.isEmpty {
      // Every finding repeats the path: quote it once.
      Self.withQuoted(file.path) { path in
        Self.forEachInPlace(document.pointee.findings) { writeFinding($0, quotedPath: path, to: &out) }
      }
    }
    out.reserving(fields: 2, strings: 0) { s in
      s.endArray()
      s.endObject()
    }
  }

  /// `"front":{…}` or `"front":null`: reserve 6 fields and the text.
  @inline(__always)
  private static func writeBlock(_ key: StaticString, _ block: InputFile.Block?, to s: inout JSONScope) {
    guard let block else {
      s.nullField(key)
      return
    }
    s.key(static: key)
    s.beginObject()
    s.field("first_line", block.firstLine)
    s.field("last_line", block.lastLine)
    block.source.withBytes(in: block.range) { s.field("text", utf8: $0) }
    s.endObject()
  }

  /// A heading's own fields and items in one reservation, closed there too when it has no children; its
  /// children each in theirs.
  private func writeSection(_ section: UnsafePointer<Section>, to out: inout JSONEmitter) {
    let isLeaf = section.pointee.children.isEmpty
    let strings = section.pointee.markerRange.count + section.pointee.titleRange.count
    let items = Self.itemStrings(section.pointee.items)
    out.reserving(fields: 15 + 7 * items.count, nesting: 3, strings: strings + items.strings) { scope in
      var s = scope
      defer { scope = s }
      s.eachLayout { Self.writeSectionFields(section, isLeaf: isLeaf, to: &$0) }
    }
    guard !isLeaf else { return }
    Self.forEachInPlace(section.pointee.children) { writeSection($0, to: &out) }
    out.reserving(fields: 2, strings: 0) { s in
      s.endArray()
      s.endObject()
    }
  }

  /// A heading's fields up to its children's `[`, and `]}` too for a leaf.
  @inline(__always)
  private static func writeSectionFields(_ section: UnsafePointer<Section>, isLeaf: Bool, to s: inout JSONScope) {
    s.beginObject()
    s.field("level", section.pointee.level)
    section.pointee.source.withBytes(in: section.pointee.markerRange) { s.field("marker", utf8: $0) }
    s.field("ordinal", section.pointee.ordinal)
    s.field("group", section.pointee.group)
    section.pointee.source.withBytes(in: section.pointee.titleRange) { s.field("title", utf8: $0) }
    s.field("line", section.pointee.location.line)
    s.field("column", section.pointee.location.column)
    writeItems(section.pointee.items, to: &s)
    s.key(static: "children")
    s.beginArray()
    if isLeaf {
      s.endArray()
      s.endObject()
    }
  }

  /// How many items, and the bytes of their markers and titles, read in place.
  @inline(__always)
  private static func itemStrings(_ items: [InlineItem]) -> (count: Int, strings: Int) {
    items.withUnsafeBufferPointer { items in
      var strings = 0
      for i in items.indices { strings += items[i].markerRange.count + items[i].titleRange.count }
      return (items.count, strings)
    }
  }

  /// `"items":[…]`: reserve 3 fields and 7 a item, and their markers and titles.
  @inline(__always)
  private static func writeItems(_ items: [InlineItem], to s: inout JSONScope) {
    s.key(static: "items")
    s.beginArray()
    if !items.isEmpty {
      forEachInPlace(items) { item in
        s.beginObject()
        item.pointee.source.withBytes(in: item.pointee.markerRange) { s.field("marker", utf8: $0) }
        s.field("ordinal", item.pointee.ordinal)
        item.pointee.source.withBytes(in: item.pointee.titleRange) { s.field("title", utf8: $0) }
        s.field("line", item.pointee.location.line)
        s.field("column", item.pointee.location.column)
        s.endObject()
      }
    }
    s.endArray()
  }

  /// A figure object: the CSV columns of `gongwen figures`, then positions. With `withFile` (the records of
  /// `gongwen figures --format json|jsonl`) it starts with "file" and "document", as the CSV does.
  public func writeFigure(
    _ figure: Figure, in document: Document, of file: InputFile, withFile: Bool = false, to out: inout JSONEmitter
  ) {
    var path = document.sectionPath(at: figure.range.lowerBound)
    path.withUTF8 { path in
      withUnsafePointer(to: figure) { figure in
        writeFigure(figure, document: document.index, path: path, file: withFile ? file.path : nil, to: &out)
      }
    }
  }

  /// A figure object, the file's path and the document first when `file` is given, in one reservation. Through a
  /// pointer: the figure's fields are read in place, the Figure is not copied; subject, base and text are copied
  /// from the decoded text's bytes, never made into Strings.
  private func writeFigure(
    _ figure: UnsafePointer<Figure>, document: Int, path: UnsafeBufferPointer<UInt8>, file: String?, to out: inout JSONEmitter
  ) {
    Figure.withSubject(of: figure) { subject in
      Figure.withBase(of: figure) { base in
        Figure.withText(of: figure) { text in
          var strings = path.count &+ subject.count &+ base.count &+ text.count
          strings &+= figure.pointee.unit.utf8.count &+ (file?.utf8.count ?? 0)
          // Kind and metric names, and every flag name (65 bytes together).
          strings &+= 2 * JSONName.bound + 72
          strings &+= JSONScope.extraBound(figure.pointee.value) &+ JSONScope.extraBound(figure.pointee.low)
          strings &+= JSONScope.extraBound(figure.pointee.high)
          let texts = FigureTexts(subject: subject, base: base, text: text)
          // 22 calls and 7 flag names at most.
          out.reserving(fields: 29, nesting: 2, strings: strings) { scope in
            var s = scope
            defer { scope = s }
            s.eachLayout { Self.writeFigureFields(figure, texts, document: document, path: path, file: file, to: &$0) }
          }
        }
      }
    }
  }

  /// The UTF-8 of a figure's subject, base and text, lent for one `writeFigure`.
  private struct FigureTexts {
    let subject: UnsafeBufferPointer<UInt8>
    let base: UnsafeBufferPointer<UInt8>
    let text: UnsafeBufferPointer<UInt8>
  }

  /// The fields of `writeFigure`, braces included.
  @inline(__always)
  private static func writeFigureFields(
    _ figure: UnsafePointer<Figure>, _ texts: FigureTexts, document: Int, path: UnsafeBufferPointer<UInt8>, file: String?,
    to s: inout JSONScope
  ) {
    s.beginObject()
    if let file {
      s.field("file", file)
      s.field("document", document)
    }
    s.field("line", figure.pointee.start.line)
    s.field("column", figure.pointee.start.column)
    s.field("end_line", figure.pointee.end.line)
    s.field("end_column", figure.pointee.end.column)
    s.field("offset", figure.pointee.range.lowerBound)
    s.field("section", utf8: path)
    s.field("kind", name: JSONName.of(figure.pointee.kind))
    s.field("metric", name: JSONName.of(figure.pointee.metric))
    s.field("subject", utf8: texts.subject)
    s.field("base", utf8: texts.base)
    s.field("value", figure.pointee.value)
    s.field("unit", figure.pointee.unit)
    s.field("low", figure.pointee.low)
    s.field("high", figure.pointee.high)
    s.key(static: "flags")
    s.beginArray()
    // Figure.Flags.names order without building the array of names set.
    if !figure.pointee.flags.isEmpty {
      for (flag, name) in Figure.Flags.names where figure.pointee.flags.contains(flag) { s.string(name) }
    }
    s.endArray()
    s.field("text", utf8: texts.text)
    s.endObject()
  }

  /// A finding object, as in `gongwen check --format json`: the fields the issue lists, in its order
  /// (`rule`, `severity`, `message`, `file`, `line`, `column`, `end_column`, `text`, `suggestion`), then
  /// `end_line`, `offset` (UTF-8 bytes into the decoded text) and `byte_offset` (into the file, for
  /// `invalid-bytes`; else null).
  public func writeFinding(_ finding: Finding, path: String, to out: inout JSONEmitter) {
    Self.quoted(path).withUnsafeBufferPointer { path in
      withUnsafePointer(to: finding) { writeFinding($0, quotedPath: path, to: &out) }
    }
  }

  /// Calls `body` with `"…"` for `s`, as a JSON string value, quoted on the stack (a long path on the heap).
  private static func withQuoted<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 6 * s.utf8.count + 2) { buffer in
      guard let base = buffer.baseAddress else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
      return body(UnsafeBufferPointer(start: base, count: ByteCursor.quote(s, to: base) - base))
    }
  }

  /// `"…"` for `s`, as a JSON string value.
  private static func quoted(_ s: String) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: 6 * s.utf8.count + 2) { buffer, count in
      guard let base = buffer.baseAddress else { return }
      count = ByteCursor.quote(s, to: base) - base
    }
  }

  /// A finding object read in place; `quotedPath` is the file's path already quoted.
  private func writeFinding(
    _ finding: UnsafePointer<Finding>, quotedPath path: UnsafeBufferPointer<UInt8>, to out: inout JSONEmitter
  ) {
    var strings = finding.pointee.rule.utf8.count + finding.pointee.message.utf8.count + path.count
    strings += finding.pointee.text.utf8.count + (finding.pointee.suggestion?.utf8.count ?? 0) + 16  // + severity
    out.reserving(fields: 15, strings: strings) { scope in
      var s = scope
      defer { scope = s }
      s.eachLayout { Self.writeFindingFields(finding, quotedPath: path, to: &$0) }
    }
  }

  /// The fields of `writeFinding`, braces included.
  @inline(__always)
  private static func writeFindingFields(
    _ finding: UnsafePointer<Finding>, quotedPath path: UnsafeBufferPointer<UInt8>, to s: inout JSONScope
  ) {
    s.beginObject()
    s.field("rule", finding.pointee.rule)
    s.field("severity", name: JSONName.of(finding.pointee.severity))
    s.field("message", finding.pointee.message)
    s.field("file", quoted: path)
    s.field("line", finding.pointee.start.line)
    s.field("column", finding.pointee.start.column)
    s.field("end_column", finding.pointee.end.column)
    s.field("text", finding.pointee.text)
    s.field("suggestion", finding.pointee.suggestion)
    s.field("end_line", finding.pointee.end.line)
    s.field("offset", finding.pointee.start.offset)
    s.key(static: "byte_offset")
    if let byteOffset = finding.pointee.byteOffset { s.int(byteOffset) } else { s.literal("null") }
    s.endObject()
  }

  /// Calls `body` with a pointer to each element of `array`, read in place: a record passed by value would
  /// be copied (every String in it retained) once or more per call.
  @inline(__always)
  private static func forEachInPlace<T>(_ array: [T], _ body: (UnsafePointer<T>) -> Void) {
    array.withUnsafeBufferPointer { elements in
      guard let first = elements.baseAddress else { return }
      for i in elements.indices { body(first + i) }
    }
  }
}
