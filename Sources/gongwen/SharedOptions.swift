import Foundation
import GongwenKit

/// Options every subcommand takes, parsed once.
struct SharedOptions: Sendable {
  static let specs: [OptionSpec] = [
    OptionSpec("output", short: "o", value: "file", help: "Write to <file> (through a temporary file, renamed at the end); '-' is standard output."),
    OptionSpec("encoding", value: "name", help: "Decode inputs as utf-8, utf-16le, utf-16be, gb18030 or big5 instead of detecting."),
    OptionSpec("color", value: "when", help: "Color output: auto, always or never (default: auto)."),
    OptionSpec("quiet", short: "q", help: "Print no progress or summary on standard error."),
    OptionSpec("recursive", short: "r", help: "Read directories, and the files below them."),
    OptionSpec("include", value: "glob", help: "With -r, read files whose name matches <glob> (default: *.txt, any case); repeatable."),
    OptionSpec("exclude", value: "glob", help: "With -r, skip files and directories matching <glob>; repeatable."),
    OptionSpec("files-from", value: "file", help: "Read input paths from <file>, one per line ('-' for standard input)."),
    OptionSpec("null", short: "0", help: "With --files-from, paths are separated by NUL bytes, not newlines."),
    OptionSpec("jobs", short: "j", value: "n", help: "Parse <n> files at once (default: the number of cores)."),
    OptionSpec("max-size", value: "bytes", help: "Refuse files larger than <bytes>; K, M, G suffixes (default: 256M)."),
    OptionSpec("progress", help: "Show progress and a summary on standard error even when it is not a terminal."),
    OptionSpec("help", short: "h", help: "Show help information."),
    OptionSpec("version", help: "Show the version."),
  ]

  var output: String
  var encoding: TextEncoding?
  var quiet: Bool
  /// `auto`, `always` or `never`.
  var color: String
  var recursive: Bool
  var includes: [Glob]
  var excludes: [Glob]
  var filesFrom: [String]
  var nullSeparated: Bool
  var jobs: Int
  var maxSize: Int
  var forcesProgress: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    output = arguments.value("output") ?? "-"
    quiet = arguments.has("quiet")
    if let name = arguments.value("encoding") {
      guard let e = TextEncoding(rawValue: name.lowercased()) else {
        throw UsageError(message: "unknown encoding '\(name)' (expected utf-8, utf-16le, utf-16be, gb18030 or big5)")
      }
      encoding = e
    }
    color = arguments.value("color") ?? "auto"
    guard ["auto", "always", "never"].contains(color) else {
      throw UsageError(message: "invalid value '\(color)' for '--color' (expected auto, always or never)")
    }
    recursive = arguments.has("recursive")
    let includePatterns = arguments.values["include"] ?? []
    includes = includePatterns.isEmpty ? [Glob("*.txt", ignoringCase: true)] : includePatterns.map { Glob($0) }
    excludes = (arguments.values["exclude"] ?? []).map { Glob($0) }
    filesFrom = arguments.values["files-from"] ?? []
    nullSeparated = arguments.has("null")
    if filesFrom.filter({ $0 == "-" }).count > 1 {
      throw UsageError(message: "'--files-from -' given twice: standard input can be read once")
    }
    if let value = arguments.value("jobs") {
      guard let n = Int(value), n >= 1, n <= 1024 else {
        throw UsageError(message: "invalid value '\(value)' for '--jobs' (expected a number from 1 to 1024)")
      }
      jobs = n
    } else {
      jobs = max(1, ProcessInfo.processInfo.activeProcessorCount)
    }
    if let value = arguments.value("max-size") {
      guard let n = Self.size(value) else {
        throw UsageError(message: "invalid value '\(value)' for '--max-size' (expected bytes, such as 1000000 or 64M)")
      }
      maxSize = n
    } else {
      maxSize = FileReader.defaultMaxSize
    }
    forcesProgress = arguments.has("progress")
  }

  /// The walker for `-r`, `--include` and `--exclude`.
  var walker: InputWalker { InputWalker(recursive: recursive, includes: includes, excludes: excludes) }

  /// Whether to show progress and the summary on standard error.
  func showsProgress(_ streams: StandardStreams) -> Bool { !quiet && (forcesProgress || streams.errIsTerminal) }

  /// `1000`, `64K`, `256M`, `1G` (powers of 1024 for the suffixes).
  static func size(_ text: String) -> Int? {
    var digits = Substring(text)
    var multiplier = 1
    switch text.last {
    case "k", "K": multiplier = 1 << 10
    case "m", "M": multiplier = 1 << 20
    case "g", "G": multiplier = 1 << 30
    default: break
    }
    if multiplier > 1 { digits = digits.dropLast() }
    guard let n = Int(digits), n >= 0 else { return nil }
    let (product, overflow) = n.multipliedReportingOverflow(by: multiplier)
    return overflow ? nil : product
  }
}
