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
    let framing =
      pretty
      ? Batch.Framing(header: Array("[\n".utf8), separator: Array(",\n".utf8), footer: Array("\n]\n".utf8))
      : Batch.Framing(header: [], separator: [], footer: [])
    let batch = Batch(shared: shared, context: context)
    return batch.runConcurrently(Batch.inputs(arguments), framing: framing) { result in
      var records: [[UInt8]] = []
      var emitter = JSONEmitter(pretty: pretty)
      switch result {
      case .success(let file):
        for k in file.documents.indices {
          writer.writeDocument(at: k, of: file, to: &emitter)
          if !pretty { emitter.raw("\n") }
          records.append(emitter.take())
        }
      case .failure(let error):
        writer.write(error, to: &emitter)
        if !pretty { emitter.raw("\n") }
        records.append(emitter.take())
      }
      return records
    }
  }
}
