import Foundation
import Testing

@testable import gongwen

@Suite("-o FILE: written through a temporary file and renamed")
struct OutputFileTests {
  func entries(_ dir: TemporaryDirectory) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
  }

  @Test("a successful run replaces the file whole and leaves no temporary file")
  func replaces() throws {
    let dir = try TemporaryDirectory()
    let target = try dir.write("out.jsonl", Array("old\n".utf8))
    let run = CLI.run(["parse", "--format", "jsonl", "-o", target, CLI.fixture("batch/summary-a.txt")])
    #expect(run.status == 0)
    #expect(run.out.isEmpty)
    let written = try String(contentsOfFile: target, encoding: .utf8)
    #expect(written.hasPrefix("{\"schema\":\"gongwen/1\""))
    #expect(try entries(dir) == ["out.jsonl"])
  }

  @Test("a symbolic link as the output stays a link; the file it points at is replaced")
  func symbolicLink() throws {
    let dir = try TemporaryDirectory()
    let real = try dir.write("real.jsonl", Array("old\n".utf8))
    try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.jsonl", withDestinationPath: real)
    let run = CLI.run(["parse", "--format", "jsonl", "-o", dir.path + "/link.jsonl", CLI.fixture("batch/summary-a.txt")])
    #expect(run.status == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.path + "/link.jsonl") == real)
    #expect(try String(contentsOfFile: real, encoding: .utf8).hasPrefix("{\"schema\""))
    #expect(try entries(dir) == ["link.jsonl", "real.jsonl"])
  }

  @Test("OutputFile.write writes a whole buffer at once; its failure reads as the system's message")
  func wholeBuffer() throws {
    let dir = try TemporaryDirectory()
    let streams = StandardStreams.capturing()
    try OutputFile.write(Array("表格\n".utf8), to: dir.path + "/t.csv", streams: streams)
    #expect(try String(contentsOfFile: dir.path + "/t.csv", encoding: .utf8) == "表格\n")
    try OutputFile.write(Array("out".utf8), to: "-", streams: streams)
    #expect(streams.capturedOut == Array("out".utf8))
    #expect(throws: OutputFile.Failure.self) { try OutputFile.write([], to: dir.path + "/none/t.csv", streams: streams) }
    do {
      try OutputFile.write([], to: dir.path + "/none/t.csv", streams: streams)
    } catch {
      #expect(error.localizedDescription == "No such file or directory")
    }
  }

  @Test("SIGTERM midway removes the temporary file and leaves the old file")
  func terminated() throws {
    let binary = try #require(CLI.binary, "the gongwen binary was not built")
    let dir = try TemporaryDirectory()
    let target = try dir.write("out.json", Array("old\n".utf8))
    let process = Process()
    process.executableURL = binary
    process.arguments = ["parse", "-o", target, "-"]
    let stdin = Pipe()
    process.standardInput = stdin  // never closed: gongwen waits for standard input with the output open
    try process.run()
    // Wait until the temporary file exists (at most 20 s), then end the run.
    var waited = 0
    while try entries(dir).count < 2 && waited < 2000 {
      usleep(10_000)
      waited += 1
    }
    #expect(try entries(dir).count == 2)
    process.terminate()
    waited = 0
    while process.isRunning && waited < 2000 {
      usleep(10_000)
      waited += 1
    }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }  // never hang the suite
    process.waitUntilExit()
    try? stdin.fileHandleForWriting.close()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(try entries(dir) == ["out.json"])
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
  }

  @Test("an input error still writes the whole output, with the error row")
  func inputErrorStillWrites() throws {
    let dir = try TemporaryDirectory()
    let target = dir.path + "/out.jsonl"
    let run = CLI.run(["parse", "--format", "jsonl", "-o", target, "/nonexistent.txt", CLI.fixture("batch/summary-a.txt")])
    #expect(run.status == 2)
    let lines = try String(contentsOfFile: target, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 2)
  }

  @Test("an output in a missing directory is an error before any input is read")
  func missingDirectory() throws {
    let run = CLI.run(["parse", "-o", "/nonexistent-dir/out.json", CLI.fixture("batch/summary-a.txt")])
    #expect(run.status == 2)
    #expect(run.errText == "gongwen: /nonexistent-dir/out.json: No such file or directory\n")
  }

  @Test("a write that fails midway (file-size limit) leaves the old file whole and no temporary file")
  func failsMidway() throws {
    let dir = try TemporaryDirectory()
    let old = Array(String(repeating: "old content\n", count: 10).utf8)
    let target = try dir.write("out.json", old)
    let binary = try #require(CLI.binary, "the gongwen binary was not built")
    // ulimit -f 8: writes past 8 blocks fail with EFBIG; gongwen ignores SIGXFSZ and reports the error.
    let script = "ulimit -f 8; exec \"$0\" parse -o \"$1\" \"$2\" \"$2\" \"$2\" \"$2\""
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script, binary.path, target, CLI.fixture("sample/000_2d09065b1503b549.txt")]
    let stderr = Pipe()
    process.standardError = stderr
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 2)
    #expect(message == "gongwen: \(target): File too large\n")
    #expect(Array(try Data(contentsOf: URL(fileURLWithPath: target))) == old)
    #expect(try entries(dir) == ["out.json"])
  }

  @Test("records kept and written by writev come out whole and in order: many small, empty and over a megabyte")
  func manyPieces() throws {
    let dir = try TemporaryDirectory()
    let streams = StandardStreams.capturing()
    var expected: [UInt8] = []
    let output = try OutputFile(path: dir.path + "/many.jsonl", streams: streams)
    for k in 0..<1500 {
      // Past the 512-piece and 1 MB limits, with empty pieces and one larger than the flush size.
      let count = k == 700 ? (1 << 20) + 3 : (k % 7 == 0 ? 0 : k % 1000 + 1)
      let piece = [UInt8](repeating: UInt8(truncatingIfNeeded: k), count: count)
      expected += piece
      output.write(piece)
    }
    try output.commit()
    #expect(Array(try Data(contentsOf: URL(fileURLWithPath: dir.path + "/many.jsonl"))) == expected)
    #expect(streams.capturedOut.isEmpty)
  }
}
