import Foundation

@main
struct Gongwen {
  static let version = "0.1.0"

  /// The subcommands, in help order.
  static let commands: [any Command.Type] = [
    ParseCommand.self, FiguresCommand.self, TurnoutCommand.self, CheckCommand.self, CompareCommand.self,
  ]

  static func main() {
    // Over a file-size limit, a write fails (and the output is discarded) instead of the process dying.
    signal(SIGXFSZ, SIG_IGN)
    // A parent may hand down blocked signals (test runners do); -o's cleanup must still see these.
    var handled = sigset_t()
    sigemptyset(&handled)
    for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&handled, sig) }
    pthread_sigmask(SIG_UNBLOCK, &handled, nil)
    // Raw argv: CommandLine.arguments would replace bytes of non-UTF-8 file names with U+FFFD.
    let status = run(
      arguments: LosslessArgument.processArguments(), environment: ProcessInfo.processInfo.environment,
      streams: .process())
    exit(status.rawValue)
  }

  /// Runs gongwen as if from the command line; tests call this in process.
  static func run(arguments: [String], environment: [String: String], streams: StandardStreams) -> ExitStatus {
    let context = CommandContext(streams: streams, environment: environment)
    guard let first = arguments.first else {
      return SummaryCommand.run(ParsedArguments(), context: context)
    }
    switch first {
    case "-h", "--help":
      streams.writeOut(Help.overview())
      return .success
    case "--version":
      streams.writeOut("gongwen \(version)\n")
      return .success
    case "help":
      guard arguments.count > 1 else { streams.writeOut(Help.overview()); return .success }
      guard let command = commands.first(where: { $0.name == arguments[1] }) else {
        return usageError("unknown subcommand '\(arguments[1])'", usage: "gongwen <subcommand>", helpHint: "gongwen --help", streams: streams)
      }
      streams.writeOut(Help.text(for: command))
      return .success
    default:
      break
    }
    guard let command = commands.first(where: { $0.name == first }) else {
      if first.hasPrefix("-") {
        return usageError("unknown option '\(first)'", usage: "gongwen <subcommand>", helpHint: "gongwen --help", streams: streams)
      }
      return usageError("unknown subcommand '\(first)'", usage: "gongwen <subcommand>", helpHint: "gongwen --help", streams: streams)
    }
    let rest = Array(arguments.dropFirst())
    let parsed: ParsedArguments
    do throws(UsageError) {
      parsed = try ParsedArguments.parse(rest, specs: command.allOptions)
      if parsed.has("help") { streams.writeOut(Help.text(for: command)); return .success }
      if parsed.has("version") { streams.writeOut("gongwen \(version)\n"); return .success }
      _ = try SharedOptions(parsed)
    } catch {
      return usageError(error.message, usage: command.usage, helpHint: "gongwen \(command.name) --help", streams: streams)
    }
    return command.run(parsed, context: context)
  }

  static func usageError(_ message: String, usage: String, helpHint: String, streams: StandardStreams) -> ExitStatus {
    streams.writeErr("error: \(message)\nUsage: \(usage)\n  See '\(helpHint)' for more information.\n")
    return .failure
  }
}
