import GongwenKit

/// `gongwen figures`: every statistic, one CSV row (or JSON object) each.
enum FiguresCommand: Command {
  static let name = "figures"
  static let abstract = "List every statistic: kind, metric, subject, base, value, flags and position, as CSV."
  static let discussion = """
    CSV columns: file,document,line,column,section,kind,metric,subject,base,value,unit,low,high,flags,text
    (see docs/csv.md and docs/metrics.md). An input that cannot be read or decoded becomes a row with
    'error' in the flags column and the message in the text column, and the exit status is 2.
    """
  static let usageArguments = "[<path> ...] [--format csv|jsonl|json] [--kind <k>,...] [--metric <m>,...] [-o <file>] [--no-bom]"
  static let options = [
    OptionSpec("format", value: "format", help: "csv (the default), jsonl (one figure per line) or json (an array)."),
    OptionSpec("kind", value: "kinds", help: "Only these kinds: percent, count, age-band, average, change, date, age."),
    OptionSpec("metric", value: "metrics", help: "Only figures with these metrics (see docs/metrics.md)."),
    OptionSpec("no-bom", help: "Write CSV without the UTF-8 byte-order mark."),
  ]

  static func run(_ arguments: ParsedArguments, context: CommandContext) -> ExitStatus {
    func fail(_ message: String) -> ExitStatus {
      Gongwen.usageError(message, usage: usage, helpHint: "gongwen figures --help", streams: context.streams)
    }
    let format = arguments.value("format") ?? "csv"
    guard ["csv", "jsonl", "json"].contains(format) else {
      return fail("invalid value '\(format)' for '--format' (expected csv, jsonl or json)")
    }
    var kinds: Set<Figure.Kind>?
    for name in arguments.list("kind") {
      guard let kind = Figure.Kind(rawValue: name) else {
        return fail("invalid kind '\(name)' (expected \(Figure.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
      }
      kinds = (kinds ?? []).union([kind])
    }
    let metrics: Set<Metric>?
    do throws(UsageError) { metrics = try arguments.metrics() } catch { return fail(error.message) }
    let shared: SharedOptions
    do throws(UsageError) { shared = try SharedOptions(arguments) } catch { return fail(error.message) }
    let table = FigureTable(kinds: kinds, metrics: metrics)
    var batch = Batch(shared: shared, context: context)
    batch.runsChecks = false
    if format == "csv" {
      let csv = CSVWriter(includesBOM: !arguments.has("no-bom"))
      return batch.run(Batch.inputs(arguments), framing: Batch.Framing(header: csv.header(FigureTable.figureColumns))) {
        result in
        var out: [UInt8] = []
        switch result {
        case .success(let file): table.appendFigureRows(of: file, to: &out)
        case .failure(let error): csv.appendRow(FigureTable.errorRow(error, columns: FigureTable.figureColumns), to: &out)
        }
        return out.isEmpty ? [] : [out]
      }
    }
    let pretty = format == "json"
    let writer = JSONWriter(pretty: pretty)
    let framing = JSONRecords.framing(pretty: pretty)
    return batch.run(Batch.inputs(arguments), framing: framing) { result in
      var records = JSONRecords(pretty: pretty)
      switch result {
      case .success(let file):
        for document in file.documents {
          for figure in document.figures where table.includes(figure) {
            records.append { writer.writeFigure(figure, in: document, of: file, withFile: true, to: &$0) }
          }
        }
      case .failure(let error):
        records.append(error)
      }
      return records.records
    }
  }
}
