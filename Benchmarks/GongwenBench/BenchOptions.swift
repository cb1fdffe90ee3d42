import Foundation

/// The command line of `gongwen-bench`.
struct BenchOptions {
  static let usage = """
    USAGE: gongwen-bench [--corpus <path>] [--mb <n>] [--jobs <n>] [--runs <n>] [--stages <list>]

    OPTIONS:
      --corpus <path>   A directory of .txt files (manifest.json beside them) or one file (<file>.manifest.json).
                        Default: /tmp/gongwen-bench/c<mb>, generated with ../shared/perf/gen_corpus.py,
                        or with a small built-in generator when ../shared is absent.
      --mb <n>          Size of the generated corpus in MB (10^6 bytes; default 100).
      --jobs <n>        Workers for the parallel rows (default: the number of cores); one job is always measured.
      --runs <n>        Timed runs per row after one warm-up; the best is kept (default 3).
      --stages <list>   Comma-separated subset of: whole,read,decode,sections,figures,checks,json,csv (default: all).
      -h, --help        Show this help.

    """

  var corpus: String?
  var megabytes = 100
  var jobs = ProcessInfo.processInfo.activeProcessorCount
  var runs = 3
  var stages: Set<String> = ["whole", "read", "decode", "sections", "figures", "checks", "json", "csv"]

  /// Parses `arguments` (without the program name); prints usage and exits on `--help` or a mistake.
  init(_ arguments: [String]) {
    var rest = arguments[...]
    func value(_ name: String) -> String {
      guard let v = rest.popFirst() else { Self.fail("missing value for '\(name)'") }
      return v
    }
    func number(_ name: String) -> Int {
      let v = value(name)
      guard let n = Int(v), n > 0 else { Self.fail("invalid value '\(v)' for '\(name)'") }
      return n
    }
    while let argument = rest.popFirst() {
      switch argument {
      case "--corpus": corpus = value(argument)
      case "--mb": megabytes = number(argument)
      case "--jobs", "-j": jobs = number(argument)
      case "--runs": runs = number(argument)
      case "--stages":
        let list = value(argument).split(separator: ",").map(String.init)
        for s in list where !stages.contains(s) { Self.fail("unknown stage '\(s)'") }
        stages = Set(list)
      case "-h", "--help":
        print(Self.usage, terminator: "")
        exit(0)
      default:
        if !argument.hasPrefix("-") && corpus == nil { corpus = argument } else { Self.fail("unknown option '\(argument)'") }
      }
    }
  }

  static func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("gongwen-bench: error: \(message)\n\(usage)".utf8))
    exit(2)
  }
}
