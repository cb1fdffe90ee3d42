import GongwenKit

/// A command-line option a command accepts.
struct OptionSpec {
  let long: String
  let short: Character?
  let valueName: String?
  let help: String

  init(_ long: String, short: Character? = nil, value: String? = nil, help: String) {
    self.long = long
    self.short = short
    self.valueName = value
    self.help = help
  }

  var takesValue: Bool { valueName != nil }
}

/// A usage error: printed with the usage line, exit status 2.
struct UsageError: Error {
  let message: String
}

/// Parsed arguments: option values by long name (repeatable), flags, and positional arguments.
struct ParsedArguments {
  var values: [String: [String]] = [:]
  var flags: Set<String> = []
  var positional: [String] = []

  func value(_ long: String) -> String? { values[long]?.last }
  func has(_ long: String) -> Bool { flags.contains(long) }

  /// Comma-separated values across repeats: `--kind percent,count --kind age-band`.
  func list(_ long: String) -> [String] {
    (values[long] ?? []).flatMap { $0.split(separator: ",").map { String($0) } }.filter { !$0.isEmpty }
  }

  /// The metric keys of `--metric` (nil when not given).
  /// - Throws: `UsageError` naming an unknown key and the valid ones.
  func metrics() throws(UsageError) -> Set<Metric>? {
    var metrics: Set<Metric>?
    for name in list("metric") {
      guard let metric = Metric(rawValue: name) else {
        throw UsageError(message: "invalid metric '\(name)' (expected \(Metric.allCases.map(\.rawValue).joined(separator: ", ")))")
      }
      metrics = (metrics ?? []).union([metric])
    }
    return metrics
  }

  /// Parses `arguments` against `specs`; `--` ends options; `-` is positional.
  static func parse(_ arguments: [String], specs: [OptionSpec]) throws(UsageError) -> ParsedArguments {
    var result = ParsedArguments()
    var k = 0
    var optionsEnded = false
    while k < arguments.count {
      let arg = arguments[k]
      k += 1
      if optionsEnded || arg == "-" || !arg.hasPrefix("-") {
        result.positional.append(arg)
        continue
      }
      if arg == "--" { optionsEnded = true; continue }
      var name: String
      var inlineValue: String?
      let spec: OptionSpec?
      if arg.hasPrefix("--") {
        name = String(arg.dropFirst(2))
        if let eq = name.firstIndex(of: "=") {
          inlineValue = String(name[name.index(after: eq)...])
          name = String(name[..<eq])
        }
        spec = specs.first { $0.long == name }
      } else {
        let letters = Array(arg.dropFirst())
        // Bundled short flags (-rq) when none takes a value.
        if letters.count > 1, letters.allSatisfy({ l in specs.contains { $0.short == l && !$0.takesValue } }) {
          for l in letters { if let s = specs.first(where: { $0.short == l }) { result.flags.insert(s.long) } }
          continue
        }
        // A short option that takes a value may carry it attached: -j2, -oout.json.
        if letters.count > 1, let s = specs.first(where: { $0.short == letters[0] && $0.takesValue }) {
          result.values[s.long, default: []].append(String(arg.dropFirst(2)))
          continue
        }
        spec = letters.count == 1 ? specs.first { $0.short == letters[0] } : nil
        name = spec?.long ?? String(arg.dropFirst())
      }
      guard let spec else { throw UsageError(message: "unknown option '\(arg.split(separator: "=").first.map(String.init) ?? arg)'") }
      if spec.takesValue {
        let value: String
        if let inlineValue {
          value = inlineValue
        } else {
          guard k < arguments.count else { throw UsageError(message: "missing value for '\(arg)'") }
          value = arguments[k]
          k += 1
        }
        result.values[spec.long, default: []].append(value)
      } else {
        if inlineValue != nil { throw UsageError(message: "option '--\(spec.long)' takes no value") }
        result.flags.insert(spec.long)
      }
    }
    return result
  }
}
