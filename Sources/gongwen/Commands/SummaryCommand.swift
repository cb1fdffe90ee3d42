import GongwenKit

/// `gongwen` with no arguments: a readable summary of the shipped sample.
enum SummaryCommand {
  static func run(_ arguments: ParsedArguments, context: CommandContext) -> ExitStatus {
    do throws(InputError) {
      let file = try InputFile(parsing: Sample.bytes, path: Sample.path)
      context.streams.writeOut(SummaryWriter().summary(of: file))
      context.streams.writeOut("\nThis is the shipped sample. Try 'gongwen parse FILE', or 'gongwen --help'.\n")
      return .success
    } catch {
      context.streams.writeErr("gongwen: \(error.path): \(error.message)\n")
      return .failure
    }
  }
}
