import Foundation
import Testing

@testable import gongwen

@Suite("Batch: every input gets a record or an error record, in input order")
struct BatchTests {
  /// A directory with two good summaries, a PNG named .txt and a Markdown file.
  func archive() throws -> TemporaryDirectory {
    let dir = try TemporaryDirectory()
    try dir.copy("batch/summary-a.txt", to: "2021/a.txt")
    try dir.copy("batch/image-named.txt", to: "2021/b-image.txt")
    try dir.copy("batch/summary-b.txt", to: "2022/c.txt")
    try dir.copy("batch/notes.md", to: "2022/notes.md")
    return dir
  }

  @Test("a directory with one bad file among good ones: all good parsed, error row, exit 2")
  func badAmongGood() throws {
    let dir = try archive()
    let run = CLI.run(["parse", "-r", "--format", "jsonl", dir.path])
    #expect(run.status == 2)
    let records = try run.jsonLines()
    #expect(records.map { $0["file"] as? String } == [
      dir.path + "/2021/a.txt", dir.path + "/2021/b-image.txt", dir.path + "/2022/c.txt",
    ])
    #expect(records[0]["title"] as? String == "红石乡换届选举工作总结")
    #expect(records[2]["title"] as? String == "白沙镇人大代表换届选举工作总结")
    let error = try #require(records[1]["error"] as? [String: Any])
    #expect(error["code"] as? String == "not-text")
    #expect(error["message"] as? String == "not text (PNG image)")
    #expect(run.errText == "gongwen: \(dir.path)/2021/b-image.txt: not text (PNG image)\n")
  }

  @Test("without -r a directory is an error record, and the other inputs are still parsed")
  func directoryWithoutRecursive() throws {
    let dir = try archive()
    let run = CLI.run(["parse", "--format", "jsonl", dir.path + "/2021", dir.path + "/2021/a.txt"])
    #expect(run.status == 2)
    let records = try run.jsonLines()
    #expect(records.count == 2)
    let error = try #require(records[0]["error"] as? [String: Any])
    #expect(error["code"] as? String == "not-regular-file")
    #expect(error["message"] as? String == "not a regular file (directory)")
    #expect(records[1]["document"] as? Int == 1)
  }

  @Test("--include and --exclude choose what a walk reads")
  func includeExclude() throws {
    let dir = try archive()
    let md = CLI.run(["parse", "-r", "--format", "jsonl", "--include", "*.md", dir.path])
    #expect(try md.jsonLines().map { $0["file"] as? String } == [dir.path + "/2022/notes.md"])
    let excluded = CLI.run(["parse", "-r", "--format", "jsonl", "--exclude", "2021", dir.path])
    #expect(excluded.status == 0)
    #expect(try excluded.jsonLines().map { $0["file"] as? String } == [dir.path + "/2022/c.txt"])
    let byPath = CLI.run(["parse", "-r", "--format", "jsonl", "--exclude", "20*/b-*", dir.path])
    #expect(byPath.status == 0)
    #expect(try byPath.jsonLines().count == 2)
  }

  @Test("--files-from: missing paths get error rows in list order, the rest are parsed")
  func filesFromWithMissing() throws {
    let dir = try archive()
    let list = "\(dir.path)/2022/c.txt\n\(dir.path)/missing.txt\n\n\(dir.path)/2021/a.txt\n"
    let listPath = try dir.write("list.txt", Array(list.utf8))
    let run = CLI.run(["parse", "--format", "jsonl", "--files-from", listPath])
    #expect(run.status == 2)
    let records = try run.jsonLines()
    #expect(records.map { $0["file"] as? String } == [
      dir.path + "/2022/c.txt", dir.path + "/missing.txt", dir.path + "/2021/a.txt",
    ])
    #expect((records[1]["error"] as? [String: Any])?["code"] as? String == "not-found")
    #expect(run.errText == "gongwen: \(dir.path)/missing.txt: cannot open: no such file or directory\n")
  }

  @Test("--files-from - -0 reads NUL-separated paths from standard input, newlines in names kept")
  func filesFromNulSeparated() throws {
    let dir = try TemporaryDirectory()
    let odd = try dir.copy("batch/summary-a.txt", to: "line\nbreak \"quoted\".txt")
    let plain = try dir.copy("batch/summary-b.txt", to: "plain.txt")
    let list = Array(odd.utf8) + [0] + Array(plain.utf8) + [0]
    let run = CLI.run(["parse", "--format", "jsonl", "--files-from", "-", "-0"], input: list)
    #expect(run.status == 0)
    #expect(try run.jsonLines().map { $0["file"] as? String } == [odd, plain])
  }

  @Test("a missing name with a newline: JSON keeps the newline, standard error escapes it on one line")
  func newlineInMissingName() throws {
    let run = CLI.run(["parse", "--format", "jsonl", "/nonexistent/a\nb.txt"])
    #expect(run.status == 2)
    #expect(try run.jsonLines().map { $0["file"] as? String } == ["/nonexistent/a\nb.txt"])
    #expect(run.errText == "gongwen: /nonexistent/a\\x0Ab.txt: cannot open: no such file or directory\n")
  }

  @Test("--files-from a list that does not exist is an error row for the list")
  func missingList() throws {
    let run = CLI.run(["parse", "--format", "jsonl", "--files-from", "/nonexistent/list.txt"])
    #expect(run.status == 2)
    let records = try run.jsonLines()
    #expect(records.count == 1)
    #expect(records[0]["file"] as? String == "/nonexistent/list.txt")
  }

  @Test("same output, byte for byte, with --jobs 1, 2 and 7")
  func orderUnderJobs() throws {
    let dir = try TemporaryDirectory()
    var paths: [String] = []
    for k in 0..<24 {
      // Sizes vary so that files finish out of order.
      let fixture = k % 5 == 3 ? "batch/image-named.txt" : k % 2 == 0 ? "sample/000_2d09065b1503b549.txt" : "batch/summary-b.txt"
      paths.append(try dir.copy(fixture, to: String(format: "f%02d.txt", k)))
    }
    paths.insert(dir.path + "/absent.txt", at: 5)
    let one = CLI.run(["parse", "--jobs", "1"] + paths)
    let two = CLI.run(["parse", "--jobs", "2"] + paths)
    let seven = CLI.run(["parse", "-j", "7"] + paths)
    #expect(one.status == 2 && two.status == 2 && seven.status == 2)
    #expect(two.out == one.out)
    #expect(seven.out == one.out)
    #expect(two.err == one.err)
    let array = try #require(try JSONSerialization.jsonObject(with: Data(two.out)) as? [[String: Any]])
    let files = array.map { $0["file"] as? String ?? "" }
    var firstSeen: [String] = []
    for f in files where firstSeen.last != f { firstSeen.append(f) }
    #expect(firstSeen == paths)
  }

  @Test("standard input is read with '-' and named <stdin>")
  func standardInput() throws {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: CLI.fixture("batch/summary-b.txt"))))
    let run = CLI.run(["parse", "--format", "jsonl", "-"], input: bytes)
    #expect(run.status == 0)
    #expect(try run.jsonLines().map { $0["file"] as? String } == ["<stdin>"])
  }

  @Test("'--' ends options: a file named like an option is read")
  func doubleDash() throws {
    let dir = try TemporaryDirectory()
    try dir.copy("batch/summary-a.txt", to: "-rf.txt")
    let run = CLI.run(["parse", "--format", "jsonl", "--", "-rf.txt"])
    // Relative to the test's working directory the file is absent: an error row names it as typed.
    let records = try run.jsonLines()
    #expect(records.map { $0["file"] as? String } == ["-rf.txt"])
    let found = CLI.run(["parse", "--format", "jsonl", "--", dir.path + "/-rf.txt"])
    #expect(found.status == 0)
    #expect(try found.jsonLines().first?["document"] as? Int == 1)
  }

  @Test("files over --max-size get a too-large error record")
  func maxSize() throws {
    let run = CLI.run(["parse", "--format", "jsonl", "--max-size", "100", CLI.fixture("batch/summary-a.txt")])
    #expect(run.status == 2)
    let error = try #require(try run.jsonLines().first?["error"] as? [String: Any])
    #expect(error["code"] as? String == "too-large")
    #expect(error["message"] as? String == "file too large (178 bytes, limit 100)")
  }

  @Test("JSON Lines stay valid with quotes, tabs, backslashes and control characters in the text")
  func hostileText() throws {
    let run = CLI.run(["parse", "--format", "jsonl", CLI.fixture("batch/hostile-text.txt")])
    #expect(run.status == 0)
    let records = try run.jsonLines()
    #expect(records.count == 1)
    #expect(records[0]["title"] as? String == "\"引号\"镇换届选举工作总结,逗号;分号\t制表符\\反斜杠")
    #expect(run.out.filter { $0 == 0x0A }.count == 1)
    #expect(!run.out.contains(0x1B) && !run.out.contains(0x07) && !run.out.contains(0x7F))
  }

  @Test("no progress on a pipe; --progress shows the summary line; --quiet silences it")
  func progress() throws {
    let path = CLI.fixture("batch/summary-a.txt")
    #expect(CLI.run(["parse", path]).err.isEmpty)
    let shown = CLI.run(["parse", "--progress", path])
    // A slow machine may draw the progress line first; the summary follows the last carriage return.
    let summary = shown.errText.split(separator: "\r").last.map(String.init) ?? ""
    #expect(summary.hasPrefix("gongwen: 1 files, 1 documents, 0 errors, 178 bytes in "))
    #expect(summary.hasSuffix(" s\n"))
    #expect(CLI.run(["parse", "--progress", "--quiet", path]).err.isEmpty)
    #expect(!CLI.run(["parse", path], errIsTerminal: true).err.isEmpty)
    #expect(CLI.run(["parse", "-q", path], errIsTerminal: true).err.isEmpty)
  }

  @Test("-r with no path walks the current directory, paths starting ./")
  func recursiveWithoutPath() throws {
    let dir = try archive()
    let (run, timedOut, _) = try CLI.launch(["parse", "-r", "--format", "jsonl"], directory: dir.path + "/2022")
    #expect(!timedOut)
    #expect(run.status == 0)
    #expect(try run.jsonLines().map { $0["file"] as? String } == ["./c.txt"])
  }

  @Test("no arguments: the shipped sample")
  func sample() throws {
    let run = CLI.run(["parse", "--format", "jsonl"])
    #expect(run.status == 0)
    #expect(try run.jsonLines().count == 5)
  }
}
