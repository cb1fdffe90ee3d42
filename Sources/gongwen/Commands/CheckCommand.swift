import Foundation
import GongwenKit

/// `gongwen check`: findings as compiler-style diagnostics, JSON or SARIF; `--fix` repairs lost decimals.
enum CheckCommand: Command {
  static let name = "check"
  static let abstract = "Flag blanks, placeholders, lost decimals and figures that do not add up."
  static var discussion: String {
    "Each finding is printed as FILE:LINE:COLUMN: SEVERITY: MESSAGE [RULE], with a summary on standard error.\n"
      + "Exit status: 0 no finding at or above --severity, 1 findings, 2 usage or read errors.\n\nRULES:\n"
      + RuleDescriptor.all.map { "  \($0.id.padding(toLength: 20, withPad: " ", startingAt: 0)) \($0.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \($0.summary)" }
      .joined(separator: "\n") + "\n\nSee docs/rules.md for examples."
  }
  static let usageArguments = "[<path> ...] [--format text|json|sarif] [--rule <ids>] [--severity <level>] [--fix -o <file> | --in-place]"
  static let options = [
    OptionSpec("format", value: "format", help: "text (the default), json (an array of findings) or sarif (SARIF 2.1.0)."),
    OptionSpec("rule", value: "ids", help: "Run only these rules (comma-separated, repeatable)."),
    OptionSpec("disable", value: "ids", help: "Do not run these rules (comma-separated, repeatable)."),
    OptionSpec("severity", value: "level", help: "Report findings at or above error, warning or note (default: note)."),
    OptionSpec("fix", help: "Repair lost decimal points; write the repaired file to -o (one input)."),
    OptionSpec("in-place", help: "With --fix, rewrite each file in place, keeping FILE.orig."),
  ]

  static func run(_ arguments: ParsedArguments, context: CommandContext) -> ExitStatus {
    let streams = context.streams
    func usageError(_ message: String) -> ExitStatus {
      Gongwen.usageError(message, usage: usage, helpHint: "gongwen check --help", streams: streams)
    }
    let shared: SharedOptions
    do throws(UsageError) { shared = try SharedOptions(arguments) } catch { return usageError(error.message) }
    let format = arguments.value("format") ?? "text"
    guard ["text", "json", "sarif"].contains(format) else {
      return usageError("invalid value '\(format)' for '--format' (expected text, json or sarif)")
    }
    let known = Set(RuleDescriptor.all.map(\.id))
    for id in arguments.list("rule") + arguments.list("disable") where !known.contains(id) {
      return usageError("unknown rule '\(id)' (see 'gongwen check --help')")
    }
    var threshold = Finding.Severity.note
    if let level = arguments.value("severity") {
      guard let parsed = Finding.Severity(rawValue: level) else {
        return usageError("invalid value '\(level)' for '--severity' (expected error, warning or note)")
      }
      threshold = parsed
    }
    let chosen = arguments.list("rule")
    let enabled = known.filter { (chosen.isEmpty || chosen.contains($0)) && !arguments.list("disable").contains($0) }
    if arguments.has("fix") || arguments.has("in-place") {
      return fix(arguments, shared: shared, context: context, usageError: usageError)
    }

    var errors = 0
    var warnings = 0
    var notes = 0
    var files: Set<String> = []
    func selected(_ file: InputFile) -> [Finding] {
      let found = file.documents.flatMap(\.findings).filter { enabled.contains($0.rule) && $0.severity >= threshold }
      for finding in found {
        switch finding.severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .note: notes += 1
        }
      }
      if !found.isEmpty { files.insert(file.path) }
      return found
    }

    let batch = Batch(shared: shared, context: context)
    let status: ExitStatus
    switch format {
    case "json":
      let writer = JSONWriter(pretty: true)
      let framing = Batch.Framing(header: Array("[\n".utf8), separator: Array(",\n".utf8), footer: Array("\n]\n".utf8))
      status = batch.run(Batch.inputs(arguments), framing: framing) { result in
        guard case .success(let file) = result else {
          guard case .failure(let error) = result else { return [] }
          var out = JSONEmitter(pretty: true)
          writer.write(error, to: &out)
          return [out.take()]
        }
        return selected(file).map { finding in
          var out = JSONEmitter(pretty: true)
          writer.writeFinding(finding, path: file.path, to: &out)
          return out.take()
        }
      }
    case "sarif":
      let writer = SARIFWriter(toolVersion: Gongwen.version)
      let framing = Batch.Framing(header: writer.header(), separator: writer.separator, footer: writer.footer)
      status = batch.run(Batch.inputs(arguments), framing: framing) { result in
        guard case .success(let file) = result else {
          guard case .failure(let error) = result else { return [] }
          var out = JSONEmitter()
          writer.writeResult(error, to: &out)
          return [out.take()]
        }
        return selected(file).map { finding in
          var out = JSONEmitter()
          writer.writeResult(finding, path: file.path, to: &out)
          return out.take()
        }
      }
    default:
      let writer = DiagnosticWriter(
        colored: useColor(arguments.value("color") ?? "auto", toTerminal: shared.output == "-" && streams.outIsTerminal, environment: context.environment))
      status = batch.run(Batch.inputs(arguments), framing: Batch.Framing()) { result in
        var out: [UInt8] = []
        guard case .success(let file) = result else {
          guard case .failure(let error) = result else { return [] }
          writer.write(error, to: &out)
          return [out]
        }
        for finding in selected(file) { writer.write(finding, path: file.path, to: &out) }
        return out.isEmpty ? [] : [out]
      }
    }
    if !shared.quiet {
      streams.writeErr(DiagnosticWriter.summary(errors: errors, warnings: warnings, notes: notes, files: files.count) + "\n")
    }
    return max(status, errors + warnings + notes > 0 ? .findings : .success)
  }

  /// Color when asked to, or when writing to a terminal with `NO_COLOR` unset or empty and `TERM` not `dumb`.
  static func useColor(_ when: String, toTerminal: Bool, environment: [String: String]) -> Bool {
    switch when {
    case "always": return true
    case "never": return false
    default:
      return toTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }
  }

  // MARK: - --fix

  private static func fix(
    _ arguments: ParsedArguments, shared: SharedOptions, context: CommandContext, usageError: (String) -> ExitStatus
  ) -> ExitStatus {
    let inPlace = arguments.has("in-place")
    let paths = Batch.inputs(arguments)
    if inPlace {
      if arguments.value("output") != nil { return usageError("--in-place and -o cannot be used together") }
      if paths.isEmpty || paths.contains("-") { return usageError("--in-place needs files to rewrite") }
    } else if paths.count != 1 {
      return usageError("--fix -o <file> takes exactly one input (use --in-place for several)")
    }
    var status = ExitStatus.success
    for path in paths {
      status = max(status, fix(path, inPlace: inPlace, shared: shared, context: context))
    }
    return status
  }

  private static func fix(_ path: String, inPlace: Bool, shared: SharedOptions, context: CommandContext) -> ExitStatus {
    let streams = context.streams
    let name = path == "-" ? "<stdin>" : path
    let bytes: [UInt8]
    let file: InputFile
    do throws(InputError) {
      if path == "-" {
        do { bytes = try streams.readInput() } catch { throw InputError(path: name, reason: .unreadable(errno: EIO)) }
      } else {
        bytes = try FileReader.read(InputPath(argument: path), maxSize: shared.maxSize)
      }
      file = try InputFile(parsing: bytes, path: name, options: InputFile.Options(encoding: shared.encoding))
    } catch {
      streams.writeErr("gongwen: \(error.path): \(error.message)\n")
      return .failure
    }
    let (fixed, changes) = Fixer().fix(bytes, file: file)
    // What changed goes to standard output unless the repaired text does.
    let reportToErr = !inPlace && shared.output == "-"
    for change in changes {
      let line = "\(name):\(change.location.line):\(change.location.column): \(change.before) → \(change.after)\n"
      if reportToErr { streams.writeErr(line) } else { streams.writeOut(line) }
    }
    let target = inPlace ? path : shared.output
    do throws(OutputFile.Failure) {
      if inPlace {
        guard !changes.isEmpty else { return .success }
        // The original is kept before the file is replaced; the replacement is a rename, so atomic.
        let original = path + ".orig"
        do {
          if FileManager.default.fileExists(atPath: original) { try FileManager.default.removeItem(atPath: original) }
          try FileManager.default.copyItem(atPath: path, toPath: original)
        } catch {
          throw OutputFile.Failure(message: "cannot keep \(original): \(error.localizedDescription)")
        }
      }
      let output = try OutputFile(path: target, streams: streams)
      output.write(fixed)
      try output.commit()
    } catch {
      streams.writeErr("gongwen: \(InputPath(argument: target).terminalDisplay): \(error.message)\n")
      return .failure
    }
    if !shared.quiet {
      streams.writeErr("\(changes.count) lost decimal point\(changes.count == 1 ? "" : "s") repaired in \(name)\n")
    }
    return .success
  }
}
