import Foundation
import Testing

@testable import gongwen

/// `gongwen check --fix`, run in process on copies of the fixtures.
@Suite("check --fix")
struct CheckFixCommandTests {
  static func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-fix-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  static func fixture(_ name: String) -> String { "\(CheckCommandTests.checks)/\(name)" }

  @Test("--fix -o writes the repaired GB18030 file byte for byte and lists the changes", arguments: [
    "fix-gb18030-crlf", "fix-utf16le-bom", "fix-utf8-invalid", "fix-big5",
  ])
  func output(_ name: String) throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = dir.appendingPathComponent("fixed.txt").path
    let r = CheckCommandTests.run(["--fix", "-o", out, Self.fixture("\(name).txt")])
    #expect(r.status == .success)
    let fixed = try Data(contentsOf: URL(fileURLWithPath: out))
    #expect(fixed == (try Data(contentsOf: URL(fileURLWithPath: Self.fixture("\(name).fixed.txt")))))
    #expect(r.out.split(separator: "\n").count == (name == "fix-utf8-invalid" ? 2 : 3))
  }

  @Test("--fix to standard output: the file on stdout, the changes on stderr")
  func standardOutput() throws {
    let r = CheckCommandTests.run(["--fix", Self.fixture("lost-decimal.txt")])
    #expect(r.status == .success)
    #expect(r.out == "其中男子178人,占90.8%;女28人,占9.2%,平均年龄42.2岁。\n")
    #expect(
      r.err.hasPrefix("\(Self.fixture("lost-decimal.txt")):1:11: 90?8% → 90.8%\n"))
  }

  @Test("--in-place keeps FILE.orig and rewrites the file")
  func inPlace() throws {
    let dir = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("a.txt").path
    let original = try Data(contentsOf: URL(fileURLWithPath: Self.fixture("fix-gb18030-crlf.txt")))
    try original.write(to: URL(fileURLWithPath: path))
    let r = CheckCommandTests.run(["--fix", "--in-place", "-q", path])
    #expect(r.status == .success)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".orig")) == original)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: path))
        == (try Data(contentsOf: URL(fileURLWithPath: Self.fixture("fix-gb18030-crlf.fixed.txt")))))
    #expect(r.out == "\(path):1:9: 90?8% → 90.8%\n\(path):1:21: 9？2% → 9.2%\n\(path):2:5: 42。2岁 → 42.2岁\n")
  }
}
