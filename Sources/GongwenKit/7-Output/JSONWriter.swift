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
    out.field("schema", Self.schema)
    out.field("file", error.path)
    out.key(static: "error")
    out.beginObject()
    out.field("code", error.code)
    out.field("message", error.message)
    if let location = error.location {
      out.field("line", location.line)
      out.field("column", location.column)
    }
    out.endObject()
    out.endObject()
  }

  func writeDocument(_ document: Document, of file: InputFile, isFirst: Bool, isLast: Bool, to out: inout JSONEmitter) {
    out.beginObject()
    out.field("schema", Self.schema)
    out.field("file", file.path)
    out.field("document", document.index)
    out.field("encoding", file.encoding.rawValue)
    out.field("script", document.script.rawValue)
    out.field("title", document.title)
    out.field("first_line", document.firstLine)
    out.field("last_line", document.lastLine)
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
    out.field("first_line", block.firstLine)
    out.field("last_line", block.lastLine)
    out.field("text", block.text)
    out.endObject()
  }

  private func writeSection(_ section: Section, to out: inout JSONEmitter) {
    out.beginObject()
    out.field("level", section.level)
    out.field("marker", section.marker)
    out.field("ordinal", section.ordinal)
    out.field("group", section.group)
    out.field("title", section.title)
    out.field("line", section.location.line)
    out.field("column", section.location.column)
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
      out.field("marker", items[i].marker)
      out.field("ordinal", items[i].ordinal)
      out.field("title", items[i].title)
      out.field("line", items[i].location.line)
      out.field("column", items[i].location.column)
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
      out.field("file", file.path)
      out.field("document", document.index)
    }
    out.field("line", figure.start.line)
    out.field("column", figure.start.column)
    out.field("end_line", figure.end.line)
    out.field("end_column", figure.end.column)
    out.field("offset", figure.range.lowerBound)
    out.field("section", document.sectionPath(at: figure.range.lowerBound))
    out.field("kind", figure.kind.rawValue)
    out.field("metric", figure.metric?.rawValue ?? "")
    out.field("subject", figure.subject)
    out.field("base", figure.base)
    out.field("value", figure.value)
    out.field("unit", figure.unit)
    out.field("low", figure.low)
    out.field("high", figure.high)
    if figure.flags.isEmpty {
      out.emptyArray("flags")
    } else {
      out.key(static: "flags")
      out.beginArray()
      // Figure.Flags.names order without building the array of names set.
      for (flag, name) in Figure.Flags.names where figure.flags.contains(flag) { out.string(name) }
      out.endArray()
    }
    out.field("text", figure.text)
    out.endObject()
  }

  /// A finding object, as in `gongwen check --format json`: the fields the issue lists, in its order
  /// (`rule`, `severity`, `message`, `file`, `line`, `column`, `end_column`, `text`, `suggestion`), then
  /// `end_line`, `offset` (UTF-8 bytes into the decoded text) and `byte_offset` (into the file, for
  /// `invalid-bytes`; else null).
  public func writeFinding(_ finding: Finding, path: String, to out: inout JSONEmitter) {
    out.beginObject()
    out.field("rule", finding.rule)
    out.field("severity", finding.severity.rawValue)
    out.field("message", finding.message)
    out.field("file", path)
    out.field("line", finding.start.line)
    out.field("column", finding.start.column)
    out.field("end_column", finding.end.column)
    out.field("text", finding.text)
    out.field("suggestion", finding.suggestion)
    out.field("end_line", finding.end.line)
    out.field("offset", finding.start.offset)
    out.key(static: "byte_offset")
    if let byteOffset = finding.byteOffset { out.int(byteOffset) } else { out.null() }
    out.endObject()
  }
}
