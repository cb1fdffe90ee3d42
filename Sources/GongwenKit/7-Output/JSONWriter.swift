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
    for k in file.documents.indices {
      writeDocument(file.documents[k], of: file, isFirst: k == 0, isLast: k == file.documents.count - 1, to: &out)
    }
  }

  /// Appends the record of document `index` (0-based) of `file`.
  public func writeDocument(at index: Int, of file: InputFile, to out: inout JSONEmitter) {
    writeDocument(
      file.documents[index], of: file, isFirst: index == 0, isLast: index == file.documents.count - 1, to: &out)
  }

  /// Appends the error record for an input that could not be parsed.
  public func write(_ error: InputError, to out: inout JSONEmitter) {
    out.beginObject()
    out.key(static: "schema"); out.string(Self.schema)
    out.key(static: "file"); out.string(error.path)
    out.key(static: "error")
    out.beginObject()
    out.key(static: "code"); out.string(error.code)
    out.key(static: "message"); out.string(error.message)
    if let location = error.location {
      out.key(static: "line"); out.int(location.line)
      out.key(static: "column"); out.int(location.column)
    }
    out.endObject()
    out.endObject()
  }

  func writeDocument(_ document: Document, of file: InputFile, isFirst: Bool, isLast: Bool, to out: inout JSONEmitter) {
    out.beginObject()
    out.key(static: "schema"); out.string(Self.schema)
    out.key(static: "file"); out.string(file.path)
    out.key(static: "document"); out.int(document.index)
    out.key(static: "encoding"); out.string(file.encoding.rawValue)
    out.key(static: "script"); out.string(document.script.rawValue)
    out.key(static: "title"); out.string(document.title)
    out.key(static: "first_line"); out.int(document.firstLine)
    out.key(static: "last_line"); out.int(document.lastLine)
    out.key(static: "front"); writeBlock(isFirst ? file.front : nil, to: &out)
    out.key(static: "trailer"); writeBlock(isLast ? file.trailer : nil, to: &out)
    out.key(static: "sections")
    out.beginArray()
    for i in document.sections.indices { writeSection(document.sections[i], to: &out) }
    out.endArray()
    out.key(static: "items"); writeItems(document.items, to: &out)
    out.key(static: "figures")
    out.beginArray()
    for i in document.figures.indices { writeFigure(document.figures[i], in: document, of: file, to: &out) }
    out.endArray()
    out.key(static: "findings")
    out.beginArray()
    for i in document.findings.indices { writeFinding(document.findings[i], path: file.path, to: &out) }
    out.endArray()
    out.endObject()
  }

  private func writeBlock(_ block: InputFile.Block?, to out: inout JSONEmitter) {
    guard let block else { out.null(); return }
    out.beginObject()
    out.key(static: "first_line"); out.int(block.firstLine)
    out.key(static: "last_line"); out.int(block.lastLine)
    out.key(static: "text"); out.string(block.text)
    out.endObject()
  }

  private func writeSection(_ section: Section, to out: inout JSONEmitter) {
    out.beginObject()
    out.key(static: "level"); out.int(section.level)
    out.key(static: "marker"); out.string(section.marker)
    out.key(static: "ordinal"); out.int(section.ordinal)
    out.key(static: "group"); out.int(section.group)
    out.key(static: "title"); out.string(section.title)
    out.key(static: "line"); out.int(section.location.line)
    out.key(static: "column"); out.int(section.location.column)
    out.key(static: "items"); writeItems(section.items, to: &out)
    out.key(static: "children")
    out.beginArray()
    for i in section.children.indices { writeSection(section.children[i], to: &out) }
    out.endArray()
    out.endObject()
  }

  private func writeItems(_ items: [InlineItem], to out: inout JSONEmitter) {
    out.beginArray()
    for i in items.indices {
      out.beginObject()
      out.key(static: "marker"); out.string(items[i].marker)
      out.key(static: "ordinal"); out.int(items[i].ordinal)
      out.key(static: "title"); out.string(items[i].title)
      out.key(static: "line"); out.int(items[i].location.line)
      out.key(static: "column"); out.int(items[i].location.column)
      out.endObject()
    }
    out.endArray()
  }

  /// A figure object: the CSV columns of `gongwen figures`, then positions. With `withFile` (the records of
  /// `gongwen figures --format json|jsonl`) it starts with "file" and "document", as the CSV does.
  public func writeFigure(
    _ figure: Figure, in document: Document, of file: InputFile, withFile: Bool = false, to out: inout JSONEmitter
  ) {
    out.beginObject()
    if withFile {
      out.key(static: "file"); out.string(file.path)
      out.key(static: "document"); out.int(document.index)
    }
    out.key(static: "line"); out.int(figure.start.line)
    out.key(static: "column"); out.int(figure.start.column)
    out.key(static: "end_line"); out.int(figure.end.line)
    out.key(static: "end_column"); out.int(figure.end.column)
    out.key(static: "offset"); out.int(figure.range.lowerBound)
    out.key(static: "section"); out.string(document.sectionPath(at: figure.range.lowerBound))
    out.key(static: "kind"); out.string(figure.kind.rawValue)
    out.key(static: "metric"); out.string(figure.metric?.rawValue ?? "")
    out.key(static: "subject"); out.string(figure.subject)
    out.key(static: "base"); out.string(figure.base)
    out.key(static: "value"); out.decimal(figure.value)
    out.key(static: "unit"); out.string(figure.unit)
    out.key(static: "low"); out.decimal(figure.low)
    out.key(static: "high"); out.decimal(figure.high)
    out.key(static: "flags")
    out.beginArray()
    // Figure.Flags.names order without building the array of names set.
    for (flag, name) in Figure.Flags.names where figure.flags.contains(flag) { out.string(name) }
    out.endArray()
    out.key(static: "text"); out.string(figure.text)
    out.endObject()
  }

  /// A finding object, as in `gongwen check --format json`: the fields the issue lists, in its order
  /// (`rule`, `severity`, `message`, `file`, `line`, `column`, `end_column`, `text`, `suggestion`), then
  /// `end_line`, `offset` (UTF-8 bytes into the decoded text) and `byte_offset` (into the file, for
  /// `invalid-bytes`; else null).
  public func writeFinding(_ finding: Finding, path: String, to out: inout JSONEmitter) {
    out.beginObject()
    out.key(static: "rule"); out.string(finding.rule)
    out.key(static: "severity"); out.string(finding.severity.rawValue)
    out.key(static: "message"); out.string(finding.message)
    out.key(static: "file"); out.string(path)
    out.key(static: "line"); out.int(finding.start.line)
    out.key(static: "column"); out.int(finding.start.column)
    out.key(static: "end_column"); out.int(finding.end.column)
    out.key(static: "text"); out.string(finding.text)
    out.key(static: "suggestion"); out.string(finding.suggestion)
    out.key(static: "end_line"); out.int(finding.end.line)
    out.key(static: "offset"); out.int(finding.start.offset)
    out.key(static: "byte_offset")
    if let byteOffset = finding.byteOffset { out.int(byteOffset) } else { out.null() }
    out.endObject()
  }
}
