import Foundation
import Testing

@testable import gongwen

@Suite("InputPath: path bytes and the text written for them")
struct InputPathTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let bytes: [UInt8], display: String, terminal: String
    var testDescription: String { display }
  }

  @Test("display forms map back to the bytes without ambiguity", arguments: [
    Case(bytes: Array("2021/东城区.txt".utf8), display: "2021/东城区.txt", terminal: "2021/东城区.txt"),
    Case(bytes: Array("a\nb.txt".utf8), display: "a\nb.txt", terminal: "a\\x0Ab.txt"),
    Case(bytes: Array("a\\xB9.txt".utf8), display: "a\\\\xB9.txt", terminal: "a\\\\xB9.txt"),
    Case(bytes: Array("fs-".utf8) + [0xD1, 0xA1, 0xBE, 0xD9] + Array(".txt".utf8),
         display: "fs-ѡ\\xBE\\xD9.txt", terminal: "fs-ѡ\\xBE\\xD9.txt"),  // D1 A1 happens to be UTF-8
    Case(bytes: [0x22, 0x27, 0x24, 0x28, 0x29], display: "\"'$()", terminal: "\"'$()"),
  ])
  func display(_ c: Case) {
    let path = InputPath(bytes: c.bytes)
    #expect(path.display == c.display)
    #expect(path.terminalDisplay == c.terminal)
    #expect(HostileInputs.unescape(path.display) == c.bytes)
  }

  @Test("raw argv bytes that are not UTF-8 survive the trip through String")
  func losslessArgument() {
    let raw: [UInt8] = Array("选举-".utf8) + [0xD1, 0xA1, 0xFF, 0x80] + Array(".txt".utf8)
    let argument = LosslessArgument.string(raw)
    #expect(LosslessArgument.bytes(of: argument) == raw)
    #expect(InputPath(argument: argument).bytes == raw)
    #expect(LosslessArgument.string(Array("plain.txt".utf8)) == "plain.txt")
  }

  @Test("a non-UTF-8 file name given as an argument to the binary is read and named with \\x escapes")
  func nonUTF8Argument() throws {
    let binary = try #require(CLI.binary, "the gongwen binary was not built")
    let dir = try TemporaryDirectory()
    let name: [UInt8] = Array("gbk-".utf8) + [0xD1, 0xA1, 0xBE, 0xD9] + Array(".txt".utf8)
    let source = try Data(contentsOf: URL(fileURLWithPath: CLI.fixture("batch/summary-b.txt")))
    let path = Array(dir.path.utf8) + [0x2F] + name
    let fd = open(path.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    try #require(fd >= 0)
    _ = source.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "exec \"$0\" parse --format jsonl \"$1\"/\"$(printf 'gbk-\\321\\241\\276\\331.txt')\"", binary.path, dir.path]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(record["file"] as? String == dir.path + "/gbk-ѡ\\xBE\\xD9.txt")
    #expect(record["document"] as? Int == 1)
  }
}

@Suite("InputPath: the ASCII shortcut writes what the scalar walk writes")
struct InputPathDisplayTests {
  @Test("every byte value among printable ASCII, for records and for standard error")
  func everyByte() {
    var mismatches = 0
    for b in 0...255 {
      for bytes in [[UInt8(b)], [0x61, UInt8(b), 0x2E, 0x74], [UInt8(b), UInt8(b)]] {
        for escaping in [false, true] {
          let display = InputPath.display(bytes, escapingControls: escaping)
          if display != InputPath.displayByScalars(bytes, escapingControls: escaping) { mismatches += 1 }
        }
      }
    }
    #expect(mismatches == 0)
    #expect(InputPath(bytes: Array("dir/a b.txt".utf8)).display == "dir/a b.txt")
  }
}

@Suite("Glob: shell patterns on path bytes")
struct GlobTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let pattern: String, text: String, matches: Bool
    var testDescription: String { "\(pattern) ~ \(text)" }
  }

  @Test("patterns", arguments: [
    Case(pattern: "*.txt", text: "东城区.txt", matches: true),
    Case(pattern: "*.txt", text: "a.txt.gz", matches: false),
    Case(pattern: "*.txt", text: ".hidden.txt", matches: true),
    Case(pattern: "*.txt", text: "dir/a.txt", matches: false),
    Case(pattern: "**.txt", text: "dir/a.txt", matches: true),
    Case(pattern: "20??/*.txt", text: "2021/a.txt", matches: true),
    Case(pattern: "20??/*.txt", text: "2021/x/a.txt", matches: false),
    Case(pattern: "2021/**/*.txt", text: "2021/x/y/a.txt", matches: true),
    Case(pattern: "[0-9]*", text: "7.txt", matches: true),
    Case(pattern: "[!0-9]*", text: "7.txt", matches: false),
    Case(pattern: "[^a]b", text: "cb", matches: true),
    Case(pattern: "\\*.txt", text: "*.txt", matches: true),
    Case(pattern: "\\*.txt", text: "a.txt", matches: false),
    Case(pattern: "[abc", text: "[abc", matches: true),
    Case(pattern: "*a*a*a*a*a*b", text: String(repeating: "a", count: 200), matches: false),
    Case(pattern: "", text: "", matches: true),
    Case(pattern: "*", text: "", matches: true),
  ])
  func pattern(_ c: Case) {
    #expect(Glob(c.pattern).matches(Array(c.text.utf8)) == c.matches)
  }

  @Test("a star then plain bytes matches as the set of positions does", arguments: ["*.txt", "*", "*/a", "*.TXT", "*a", "*x/"])
  func starSuffix(_ pattern: String) {
    let texts = [
      "", "a", "a.txt", "A.TXT", ".txt", "txt", "b/a.txt", "a.txt/", "a/", "/a", "x/", "东城区.txt", "a.txt.gz", "/",
      "a/b/c.TXT", "ａ.txt", "a\u{0}.txt",
    ]
    for ignoringCase in [false, true] {
      let glob = Glob(pattern, ignoringCase: ignoringCase)
      #expect(glob.starSuffix != nil)
      for text in texts {
        let bytes = Array(text.utf8)
        #expect(glob.matches(bytes) == glob.matchesByPositions(bytes), "\(pattern) ~ \(text)")
      }
    }
  }

  @Test("the default include ignores ASCII case")
  func defaultIgnoresCase() {
    #expect(Glob("*.txt", ignoringCase: true).matches(Array("UPPER.TXT".utf8)))
    #expect(!Glob("*.txt").matches(Array("UPPER.TXT".utf8)))
  }
}
