import GongwenKit

/// `gongwen parse`: one JSON record per document, with its heading tree, figures and findings.
enum ParseCommand: Command {
  static let name = "parse"
  static let abstract = "Parse files into JSON records: documents, heading trees, figures, findings."
  static let discussion = """
    Each document becomes one object with "schema": "gongwen/1" (see docs/schema.md). An input that
    cannot be read or decoded becomes an error object, and the exit status is 2; the others are still parsed.
    """
  static let usageArguments = "[<path> ...] [-r] [--files-from <file>] [--format json|jsonl] [-o <file>] [--jobs <n>]"
  static let options = [
    OptionSpec("format", value: "format", help: "json (an indented array, the default) or jsonl (one record per line).")
  ]

  static func run(_ arguments: ParsedArguments, context: CommandContext) -> ExitStatus {
    let format = arguments.value("format") ?? "json"
    guard format == "json" || format == "jsonl" else {
      return Gongwen.usageError(
        "invalid value '\(format)' for '--format' (expected json or jsonl)", usage: usage,
        helpHint: "gongwen parse --help", streams: context.streams)
    }
    let shared: SharedOptions
    do throws(UsageError) { shared = try SharedOptions(arguments) } catch {
      return Gongwen.usageError(error.message, usage: usage, helpHint: "gongwen parse --help", streams: context.streams)
    }
    let pretty = format == "json"
    let writer = JSONWriter(pretty: pretty)
    let framing = JSONRecords.framing(pretty: pretty)
    let batch = Batch(shared: shared, context: context)
    return batch.runConcurrently(Batch.inputs(arguments), framing: framing) { result in
      var records = JSONRecords(pretty: pretty)
      switch result {
      case .success(let file):
        for k in file.documents.indices { records.append { writer.writeDocument(at: k, of: file, to: &$0) } }
      case .failure(let error):
        records.append(error)
      }
      return records.records
    }
  }
}
