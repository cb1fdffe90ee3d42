import Foundation
import Testing

@testable import gongwen

/// What a run of gongwen left behind.
struct CLIResult {
  let status: Int32
  let out: [UInt8]
  let err: [UInt8]
  var outText: String { String(decoding: out, as: UTF8.self) }
  var errText: String { String(decoding: err, as: UTF8.self) }
  /// Standard output as JSON Lines, one object per line.
  func jsonLines(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
    try out.split(separator: 0x0A).map { line in
      try #require(
        try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], sourceLocation: sourceLocation)
    }
  }
}

enum CLI {
  /// The repository: Tests/gongwenTests/Support/CLI.swift is three folders down.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `Fixtures/<name>` as an absolute path.
  static func fixture(_ name: String) -> String { root.appendingPathComponent("Fixtures/\(name)").path }

  /// Runs gongwen in process, with captured streams.
  static func run(_ arguments: [String], input: [UInt8] = [], errIsTerminal: Bool = false) -> CLIResult {
    let streams = StandardStreams.capturing(input: input, errIsTerminal: errIsTerminal)
    let status = Gongwen.run(arguments: arguments, environment: [:], streams: streams)
    return CLIResult(status: status.rawValue, out: streams.capturedOut, err: streams.capturedErr)
  }

  /// The built `gongwen` binary, beside the test bundle; nil when it was not built.
  static var binary: URL? {
    let candidates = [
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent(),
      root.appendingPathComponent(".build/debug"),
    ]
    return candidates.map { $0.appendingPathComponent("gongwen") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }

  /// Runs the built binary with `input` on standard input; kills it after `timeout` seconds.
  static func launch(
    _ arguments: [String], input: [UInt8] = [], timeout: TimeInterval = 300, environment: [String: String]? = nil,
    directory: String? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> (result: CLIResult, timedOut: Bool, signalled: Bool) {
    let binary = try #require(binary, "the gongwen binary was not built", sourceLocation: sourceLocation)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let collector = OutputCollector()
    let group = DispatchGroup()
    for (pipe, isOut) in [(stdout, true), (stderr, false)] {
      group.enter()
      DispatchQueue.global().async {
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        collector.set(Array(data), isOut: isOut)
        group.leave()
      }
    }
    DispatchQueue.global().async {
      stdin.fileHandleForWriting.write(Data(input))
      try? stdin.fileHandleForWriting.close()
    }
    let timedOut = group.wait(timeout: .now() + timeout) == .timedOut
    // SIGKILL: the child may inherit a mask that blocks SIGTERM from the test runner's thread.
    if timedOut { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    let signalled = process.terminationReason == .uncaughtSignal
    let (out, err) = collector.value
    return (CLIResult(status: process.terminationStatus, out: out, err: err), timedOut, signalled)
  }
}

private final class OutputCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var out: [UInt8] = []
  private var err: [UInt8] = []
  func set(_ bytes: [UInt8], isOut: Bool) { lock.withLock { if isOut { out = bytes } else { err = bytes } } }
  var value: ([UInt8], [UInt8]) { lock.withLock { (out, err) } }
}

/// A directory under the system's temporary directory, removed when the test ends.
final class TemporaryDirectory {
  let url: URL
  var path: String { url.path }

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// Writes `bytes` to `name` below the directory (folders made as needed) and returns its path.
  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
    return file.path
  }

  /// Copies `Fixtures/<fixture>` to `name` below the directory and returns its path.
  @discardableResult
  func copy(_ fixture: String, to name: String) throws -> String {
    try write(name, Array(try Data(contentsOf: URL(fileURLWithPath: CLI.fixture(fixture)))))
  }
}
