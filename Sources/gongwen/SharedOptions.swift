import GongwenKit

/// Options every subcommand takes, parsed once.
struct SharedOptions {
  static let specs: [OptionSpec] = [
    OptionSpec("output", short: "o", value: "file", help: "Write to <file> (written whole, then renamed into place); '-' is standard output."),
    OptionSpec("encoding", value: "name", help: "Decode inputs as utf-8, utf-16le, utf-16be or gb18030 instead of detecting."),
    OptionSpec("color", value: "when", help: "Color output: auto, always or never (default: auto)."),
    OptionSpec("quiet", short: "q", help: "Print no progress or summary on standard error."),
    OptionSpec("recursive", short: "r", help: "Read directories, and the files below them."),
    OptionSpec("include", value: "glob", help: "With -r, read files matching <glob> (default: *.txt)."),
    OptionSpec("exclude", value: "glob", help: "With -r, skip files and directories matching <glob>."),
    OptionSpec("files-from", value: "file", help: "Read input paths from <file>, one per line ('-' for standard input)."),
    OptionSpec("null", short: "0", help: "With --files-from, paths are separated by NUL bytes."),
    OptionSpec("jobs", short: "j", value: "n", help: "Parse <n> files at once (default: the number of cores)."),
    OptionSpec("max-size", value: "bytes", help: "Refuse files larger than <bytes> (default: 268435456)."),
    OptionSpec("progress", help: "Show progress on standard error even when it is not a terminal."),
    OptionSpec("help", short: "h", help: "Show help information."),
    OptionSpec("version", help: "Show the version."),
  ]

  var output: String
  var encoding: TextEncoding?
  var quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    output = arguments.value("output") ?? "-"
    quiet = arguments.has("quiet")
    if let name = arguments.value("encoding") {
      guard let e = TextEncoding(rawValue: name.lowercased()) else {
        throw UsageError(message: "unknown encoding '\(name)' (expected utf-8, utf-16le, utf-16be or gb18030)")
      }
      encoding = e
    }
    if let color = arguments.value("color"), !["auto", "always", "never"].contains(color) {
      throw UsageError(message: "invalid value '\(color)' for '--color' (expected auto, always or never)")
    }
  }
}
