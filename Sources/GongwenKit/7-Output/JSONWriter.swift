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
    for (k, document) in file.documents.enumerated() {
      writeDocument(document, of: file, isFirst: k == 0, isLast: k == file.documents.count - 1, to: &out)
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
    out.key("schema"); out.string(Self.schema)
    out.key("file"); out.string(error.path)
    out.key("error")
    out.beginObject()
    out.key("code"); out.string(error.code)
    out.key("message"); out.string(error.message)
    if let location = error.location {
      out.key("line"); out.int(location.line)
      out.key("column"); out.int(location.column)
    }
    out.endObject()
    out.endObject()
  }

  func writeDocument(_ document: Document, of file: InputFile, isFirst: Bool, isLast: Bool, to out: inout JSONEmitter) {
    out.beginObject()
    out.key("schema"); out.string(Self.schema)
    out.key("file"); out.string(file.path)
    out.key("document"); out.int(document.index)
    out.key("encoding"); out.string(file.encoding.rawValue)
    out.key("script"); out.string(document.script.rawValue)
    out.key("title"); out.string(document.title)
    out.key("first_line"); out.int(document.firstLine)
    out.key("last_line"); out.int(document.lastLine)
    out.key("front"); writeBlock(isFirst ? file.front : nil, to: &out)
    out.key("trailer"); writeBlock(isLast ? file.trailer : nil, to: &out)
    out.key("sections")
    out.beginArray()
    for section in document.sections { writeSection(section, to: &out) }
    out.endArray()
    out.key("items"); writeItems(document.items, to: &out)
    out.key("figures")
    out.beginArray()
    for figure in document.figures { writeFigure(figure, in: document, of: file, to: &out) }
    out.endArray()
    out.key("findings")
    out.beginArray()
    for finding in document.findings { writeFinding(finding, path: file.path, to: &out) }
    out.endArray()
    out.endObject()
  }

  private func writeBlock(_ block: InputFile.Block?, to out: inout JSONEmitter) {
    guard let block else { out.null(); return }
    out.beginObject()
    out.key("first_line"); out.int(block.firstLine)
    out.key("last_line"); out.int(block.lastLine)
    out.key("text"); out.string(block.text)
    out.endObject()
  }

  private func writeSection(_ section: Section, to out: inout JSONEmitter) {
    out.beginObject()
    out.key("level"); out.int(section.level)
    out.key("marker"); out.string(section.marker)
    out.key("ordinal"); out.int(section.ordinal)
    out.key("group"); out.int(section.group)
    out.key("title"); out.string(section.title)
    out.key("line"); out.int(section.location.line)
    out.key("column"); out.int(section.location.column)
    out.key("items"); writeItems(section.items, to: &out)
    out.key("children")
    out.beginArray()
    for child in section.children { writeSection(child, to: &out) }
    out.endArray()
    out.endObject()
  }

  private func writeItems(_ items: [InlineItem], to out: inout JSONEmitter) {
    out.beginArray()
    for item in items {
      out.beginObject()
      out.key("marker"); out.string(item.marker)
      out.key("ordinal"); out.int(item.ordinal)
      out.key("title"); out.string(item.title)
      out.key("line"); out.int(item.location.line)
      out.key("column"); out.int(item.location.column)
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
      out.key("file"); out.string(file.path)
      out.key("document"); out.int(document.index)
    }
    out.key("line"); out.int(figure.start.line)
    out.key("column"); out.int(figure.start.column)
    out.key("end_line"); out.int(figure.end.line)
    out.key("end_column"); out.int(figure.end.column)
    out.key("offset"); out.int(figure.range.lowerBound)
    out.key("section"); out.string(document.sectionPath(at: figure.range.lowerBound))
    out.key("kind"); out.string(figure.kind.rawValue)
    out.key("metric"); out.string(figure.metric?.rawValue ?? "")
    out.key("subject"); out.string(figure.subject)
    out.key("base"); out.string(figure.base)
    out.key("value"); out.decimal(figure.value)
    out.key("unit"); out.string(figure.unit)
    out.key("low"); out.decimal(figure.low)
    out.key("high"); out.decimal(figure.high)
    out.key("flags")
    out.beginArray()
    for name in figure.flags.names { out.string(name) }
    out.endArray()
    out.key("text"); out.string(figure.text)
    out.endObject()
  }

  /// A finding object, as in `gongwen check --format json`: the fields the issue lists, in its order
  /// (`rule`, `severity`, `message`, `file`, `line`, `column`, `end_column`, `text`, `suggestion`), then
  /// `end_line`, `offset` (UTF-8 bytes into the decoded text) and `byte_offset` (into the file, for
  /// `invalid-bytes`; else null).
  public func writeFinding(_ finding: Finding, path: String, to out: inout JSONEmitter) {
    out.beginObject()
    out.key("rule"); out.string(finding.rule)
    out.key("severity"); out.string(finding.severity.rawValue)
    out.key("message"); out.string(finding.message)
    out.key("file"); out.string(path)
    out.key("line"); out.int(finding.start.line)
    out.key("column"); out.int(finding.start.column)
    out.key("end_column"); out.int(finding.end.column)
    out.key("text"); out.string(finding.text)
    out.key("suggestion"); out.string(finding.suggestion)
    out.key("end_line"); out.int(finding.end.line)
    out.key("offset"); out.int(finding.start.offset)
    out.key("byte_offset")
    if let byteOffset = finding.byteOffset { out.int(byteOffset) } else { out.null() }
    out.endObject()
  }
}
