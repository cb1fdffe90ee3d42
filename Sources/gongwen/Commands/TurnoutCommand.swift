import GongwenKit

/// `gongwen turnout`: a CSV row per turnout, attendance or direct-election rate.
enum TurnoutCommand: Command {
  static let name = "turnout"
  static let abstract = "List turnout, attendance and direct-election rates with place, voters, voted and change, as CSV."
  static let discussion = """
    CSV columns: file,document,title,line,column,place,metric,value,voters,voted,change,flags,text
    (see docs/csv.md). An input that cannot be read or decoded becomes a row with 'error' in the flags
    column and the message in the text column, and the exit status is 2.
    """
  static let usageArguments = "[<path> ...] [-o <file>] [--no-bom]"
  static let options = [OptionSpec("no-bom", help: "Write CSV without the UTF-8 byte-order mark.")]

  static func run(_ arguments: ParsedArguments, context: CommandContext) -> ExitStatus {
    let shared: SharedOptions
    do throws(UsageError) { shared = try SharedOptions(arguments) } catch {
      return Gongwen.usageError(error.message, usage: usage, helpHint: "gongwen turnout --help", streams: context.streams)
    }
    let csv = CSVWriter(includesBOM: !arguments.has("no-bom"))
    let table = FigureTable()
    var batch = Batch(shared: shared, context: context)
    batch.runsChecks = false
    return batch.run(Batch.inputs(arguments), framing: Batch.Framing(header: csv.header(FigureTable.turnoutColumns))) {
      result in
      var out: [UInt8] = []
      switch result {
      case .success(let file): for row in table.turnoutRows(of: file) { csv.appendRow(row, to: &out) }
      case .failure(let error): csv.appendRow(FigureTable.errorRow(error, columns: FigureTable.turnoutColumns), to: &out)
      }
      return out.isEmpty ? [] : [out]
    }
  }
}
