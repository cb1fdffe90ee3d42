/// What a subcommand declares: its name, help and options; `run` does the work.
protocol Command: SendableMetatype {
  static var name: String { get }
  static var abstract: String { get }
  static var discussion: String { get }
  /// The usage line's arguments after `gongwen <name>`.
  static var usageArguments: String { get }
  /// The options particular to this command, after the shared ones.
  static var options: [OptionSpec] { get }
  static func run(_ arguments: ParsedArguments, context: CommandContext) -> ExitStatus
}

extension Command {
  static var discussion: String { "" }
  static var usage: String { "gongwen \(name) \(usageArguments)" }
  static var allOptions: [OptionSpec] { options + SharedOptions.specs }
}

/// What a running command may touch: the streams and the environment.
struct CommandContext: Sendable {
  let streams: StandardStreams
  let environment: [String: String]
}
