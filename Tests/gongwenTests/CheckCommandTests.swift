import Foundation
import Testing

@testable import gongwen

/// `gongwen check`, run in process.
@Suite("check command")
struct CheckCommandTests {
  static let checks = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/checks").path

  struct Run {
    let status: gongwen.ExitStatus
    let out: String
    let err: String
  }

  static func run(_ arguments: [String], environment: [String: String] = [:], outIsTerminal: Bool = false) -> Run {
    let streams = StandardStreams.capturing(outIsTerminal: outIsTerminal)
    let status = Gongwen.run(arguments: ["check"] + arguments, environment: environment, streams: streams)
    return Run(
      status: status, out: String(decoding: streams.capturedOut, as: UTF8.self),
      err: String(decoding: streams.capturedErr, as: UTF8.self))
  }

  static func fixture(_ name: String) -> String { "\(checks)/\(name)" }

  @Test("findings print one compiler-style line each, a summary goes to stderr, exit 1")
  func text() {
    let path = Self.fixture("placeholder-date.txt")
    let r = Self.run([path])
    #expect(r.status == .findings)
    #expect(
      r.out.split(separator: "\n").first
        == "\(path):1:1: warning: date 20xx年 has placeholders for its digits [placeholder-date]")
    #expect(r.out.split(separator: "\n").count == 5)
    #expect(r.err == "0 errors, 5 warnings in 1 file\n")
  }

  @Test("a file that raises nothing exits 0; --quiet drops the summary")
  func clean() {
    let r = Self.run([Self.fixture("clean-placeholders.txt")])
    #expect(r.status == .success)
    #expect(r.out == "")
    #expect(r.err == "0 errors, 0 warnings in 0 files\n")
    #expect(Self.run(["-q", Self.fixture("clean-placeholders.txt")]).err == "")
  }

  @Test("--rule and --disable choose rules")
  func choose() {
    let path = Self.fixture("placeholder-name.txt")
    #expect(Self.run(["--rule", "placeholder-date,lost-decimal", path]).status == .success)
    #expect(Self.run(["--disable", "placeholder-name", path]).status == .success)
    #expect(Self.run(["--rule", "placeholder-name", path]).out.split(separator: "\n").count == 8)
  }

  @Test("--severity sets the threshold for output and exit status")
  func severity() {
    #expect(Self.run(["--severity", "error", Self.fixture("placeholder-name.txt")]).status == .success)
    let r = Self.run(["--severity", "error", Self.fixture("invalid-bytes.txt"), Self.fixture("boilerplate.txt")])
    #expect(r.status == .findings)
    #expect(r.out.split(separator: "\n").map { $0.hasSuffix("[invalid-bytes]") } == [true])
    #expect(r.err == "1 error, 0 warnings in 1 file\n")
  }

  @Test("usage errors exit 2", arguments: [
    (["--rule", "nope"], "error: unknown rule 'nope' (see 'gongwen check --help')"),
    (["--severity", "fatal"], "error: invalid value 'fatal' for '--severity' (expected error, warning or note)"),
    (["--format", "xml"], "error: invalid value 'xml' for '--format' (expected text, json or sarif)"),
    (["--fix", "a.txt", "b.txt"], "error: --fix -o <file> takes exactly one input (use --in-place for several)"),
  ])
  func usage(_ arguments: [String], _ message: String) {
    let r = Self.run(arguments)
    #expect(r.status == .failure)
    #expect(r.err.hasPrefix(message + "\nUsage: gongwen check "))
  }

  @Test("an unreadable input exits 2 even with findings, and the other inputs are still checked")
  func unreadable() {
    let r = Self.run([Self.fixture("no-such-file.txt"), Self.fixture("placeholder-name.txt")])
    #expect(r.status == .failure)
    #expect(r.out.split(separator: "\n").count == 9)  // 7 findings and the input-error line
    #expect(r.err.contains("no-such-file.txt: cannot open: no such file or directory"))
  }

  @Test("--format json is an array of findings")
  func json() throws {
    let r = Self.run(["--format", "json", Self.fixture("placeholder-date.txt")])
    let array = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
    #expect(array.count == 5)
    #expect(array.first?["rule"] as? String == "placeholder-date")
    #expect(array.first?["end_column"] as? Int == 6)
    #expect(array.first?["text"] as? String == "20xx年")
  }

  @Test("--format sarif is SARIF 2.1.0 with every rule and one result per finding")
  func sarif() throws {
    let r = Self.run(["--format", "sarif", Self.fixture("placeholder-name.txt"), Self.fixture("placeholder-date.txt")])
    let root = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    #expect(root["version"] as? String == "2.1.0")
    let run = try #require((root["runs"] as? [[String: Any]])?.first)
    #expect(run["columnKind"] as? String == "unicodeCodePoints")
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["version"] as? String == Gongwen.version)
    #expect((driver["rules"] as? [[String: Any]])?.count == 11)
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 13)
    #expect(Set(results.compactMap { $0["ruleId"] as? String }) == ["placeholder-name", "placeholder-date"])
  }

  @Test("color: always, never, or auto on a terminal without NO_COLOR or TERM=dumb", arguments: [
    ("always", false, [String: String](), true), ("never", true, [:], false), ("auto", true, [:], true),
    ("auto", false, [:], false), ("auto", true, ["NO_COLOR": "1"], false), ("auto", true, ["NO_COLOR": ""], true),
    ("auto", true, ["TERM": "dumb"], false),
  ])
  func color(_ when: String, _ terminal: Bool, _ environment: [String: String], _ expected: Bool) {
    #expect(CheckCommand.useColor(when, toTerminal: terminal, environment: environment) == expected)
  }

  @Test("colored output on a terminal, plain with NO_COLOR")
  func coloredRun() {
    let path = Self.fixture("placeholder-date.txt")
    #expect(Self.run([path], outIsTerminal: true).out.hasPrefix("\u{1B}[1m"))
    #expect(!Self.run([path], environment: ["NO_COLOR": "1"], outIsTerminal: true).out.contains("\u{1B}"))
  }

  @Test("the same findings appear in gongwen parse records under findings")
  func parseRecords() throws {
    let streams = StandardStreams.capturing()
    _ = Gongwen.run(arguments: ["parse", "--format", "jsonl", Self.fixture("sum-mismatch.txt")], environment: [:], streams: streams)
    let record = try #require(try JSONSerialization.jsonObject(with: Data(streams.capturedOut)) as? [String: Any])
    let findings = try #require(record["findings"] as? [[String: Any]])
    #expect(findings.compactMap { $0["rule"] as? String } == ["sum-mismatch"])
    #expect(findings.first?["message"] as? String == "男子 178 + 女 28 = 206, not 农村党支部书记 306 (306人)")
    #expect(findings.first?["line"] as? Int == 1)
    #expect(findings.first?["column"] as? Int == 8)
  }

  @Test("help lists every rule")
  func help() {
    let streams = StandardStreams.capturing()
    #expect(Gongwen.run(arguments: ["help", "check"], environment: [:], streams: streams) == .success)
    let text = String(decoding: streams.capturedOut, as: UTF8.self)
    #expect(text.hasPrefix("OVERVIEW: Flag blanks, placeholders, lost decimals and figures that do not add up.\n"))
    for id in ["blank-number", "percent-total", "boilerplate"] { #expect(text.contains("  \(id) ")) }
  }
}

/// `gongwen check` through the built binary: real exit statuses and standard input.
@Suite("check binary")
struct CheckBinaryTests {
  @Test("exit 0 clean, 1 findings, 2 unreadable; '-' reads standard input as <stdin>")
  func exitStatuses() throws {
    let clean = try CLI.launch(["check", "-q", CLI.fixture("checks/clean-placeholders.txt")])
    #expect(clean.result.status == 0)
    let found = try CLI.launch(["check", "-"], input: Array("全区月日统一投票。\n".utf8), environment: ["NO_COLOR": "1"])
    #expect(found.result.status == 1)
    #expect(found.result.outText == "<stdin>:1:3: warning: date 月日 has no digits [placeholder-date]\n")
    #expect(found.result.errText == "0 errors, 1 warning in 1 file\n")
    let missing = try CLI.launch(["check", CLI.fixture("checks/no-such-file.txt"), CLI.fixture("checks/placeholder-date.txt")])
    #expect(missing.result.status == 2)
  }
}

@Suite("gongwen check: inputs that cannot be read still appear in the output")
struct CheckInputErrorTests {
  @Test("text, JSON and SARIF each carry the unreadable input; exit 2")
  func inputError() throws {
    let text = CLI.run(["check", "/nonexistent/x.txt"])
    #expect(text.status == 2)
    #expect(text.outText == "/nonexistent/x.txt: error: cannot open: no such file or directory [input-error]\n")
    let json = CLI.run(["check", "--format", "json", "/nonexistent/x.txt"])
    let array = try #require(try JSONSerialization.jsonObject(with: Data(json.out)) as? [[String: Any]])
    #expect(array.count == 1 && (array[0]["error"] as? [String: String])?["code"] == "not-found")
    let sarif = CLI.run(["check", "--format", "sarif", "/nonexistent/x.txt"])
    let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.out)) as? [String: Any])
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 1 && results[0]["ruleId"] as? String == "input-error" && results[0]["level"] as? String == "error")
  }
}
