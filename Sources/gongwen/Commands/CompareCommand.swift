import GongwenKit

/// `gongwen compare`: documents side by side, a column per metric, with a summary per metric.
enum CompareCommand: Command {
  static let name = "compare"
  static let abstract = "Compare documents side by side: a column per metric, a summary per metric."
  static let discussion = """
    Each document becomes a row: file, document, title, the place and year its title (or opening line)
    names, and per metric (turnout, women-share, …) the first value it reports, with its stated change
    against the previous term. Blanks and placeholders show as such and never enter a statistic. A summary
    per metric follows: n, blank, min, median, max, mean. See docs/compare.md.
    """
  static let usageArguments = "[<path> ...] [--format text|csv|json|html] [--by place|year|file] [--metric <m>,...] [-o <file>]"
  static let options = [
    OptionSpec("format", value: "format", help: "text (a table, the default), csv, json or html (a self-contained report)."),
    OptionSpec("by", value: "key", help: "Group rows by place, year or file and summarise each group."),
    OptionSpec("metric", value: "metrics", help: "Compare only these metrics (see docs/metrics.md), e.g. turnout,women-share."),
    OptionSpec("no-bom", help: "With --format csv, write no UTF-8 byte-order mark."),
  ]

  static func run(_ arguments: ParsedArguments, context: CommandContext) -> ExitStatus {
    func usageError(_ message: String) -> ExitStatus {
      Gongwen.usageError(message, usage: usage, helpHint: "gongwen compare --help", streams: context.streams)
    }
    let format = arguments.value("format") ?? "text"
    guard ["text", "csv", "json", "html"].contains(format) else {
      return usageError("invalid value '\(format)' for '--format' (expected text, csv, json or html)")
    }
    var grouping: Comparison.Grouping?
    if let key = arguments.value("by") {
      guard let g = Comparison.Grouping(rawValue: key) else {
        return usageError("invalid value '\(key)' for '--by' (expected place, year or file)")
      }
      grouping = g
    }
    let metrics: Set<Metric>?
    do throws(UsageError) { metrics = try arguments.metrics() } catch { return usageError(error.message) }
    let shared: SharedOptions
    do throws(UsageError) { shared = try SharedOptions(arguments) } catch { return usageError(error.message) }

    // Opened first, so a bad -o fails before any parsing.
    let output: OutputFile
    do throws(OutputFile.Failure) {
      output = try OutputFile(path: shared.output, streams: context.streams)
    } catch {
      context.streams.writeErr("gongwen: \(InputPath(argument: shared.output).terminalDisplay): \(error.message)\n")
      return .failure
    }
    // The summary needs every document: keep each file's rows (not the file), render once at the end.
    var rows: [ComparisonRow] = []
    var errors: [InputError] = []
    var collecting = shared
    collecting.output = "-"
    let analyzer = Analyzer()
    var status = Batch(shared: collecting, context: context).run(Batch.inputs(arguments), framing: Batch.Framing()) {
      result in
      switch result {
      case .success(let file): rows.append(contentsOf: analyzer.rows(of: file))
      case .failure(let error): errors.append(error)
      }
      return []
    }
    let comparison = Comparison(rows: rows, by: grouping, errors: errors, metrics: metrics)
    var out: [UInt8] = []
    switch format {
    case "csv":
      CompareCSVWriter(byteOrderMark: !arguments.has("no-bom")).write(comparison, to: &out)
    case "json":
      var emitter = JSONEmitter(pretty: true)
      CompareJSONWriter().write(comparison, to: &emitter)
      out = emitter.take()
      out.append(0x0A)
    case "html":
      HTMLReportWriter().write(comparison, to: &out)
    default:
      CompareTableWriter().write(comparison, to: &out)
    }
    output.write(out)
    do throws(OutputFile.Failure) {
      try output.commit()
    } catch {
      context.streams.writeErr("gongwen: \(InputPath(argument: shared.output).terminalDisplay): \(error.message)\n")
      status = .failure
    }
    return status
  }
}
