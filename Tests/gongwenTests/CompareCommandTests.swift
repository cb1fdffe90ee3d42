import Foundation
import Testing

@testable import gongwen

@Suite("gongwen compare")
struct CompareCommandTests {
  static func fixture(_ name: String) -> String { CLI.fixture("analysis/\(name)") }
  static let fixtures = [
    "qingquan-2019.txt", "qingquan-2021.txt", "shitang-2019.txt", "linling-2016-traditional.txt", "masked-blank.txt",
  ].map(fixture)

  struct Run {
    let status: gongwen.ExitStatus
    let out: String
    let err: String
  }

  static func run(_ arguments: [String]) -> Run {
    let r = CLI.run(arguments)
    return Run(status: gongwen.ExitStatus(rawValue: r.status) ?? .failure, out: r.outText, err: r.errText)
  }

  @Test("text table: a row per document with place and year, masked ones as placeholders")
  func text() {
    let r = Self.run(["compare"] + Self.fixtures)
    #expect(r.status == .success && r.err == "")
    let lines = r.out.split(separator: "\n").map(String.init)
    #expect(lines[0].hasPrefix("file") && lines[0].contains("place") && lines[0].contains("year"))
    #expect(lines[1].contains("  1  青泉街道2019年人大代表换届…  青泉街道       2019"))
    #expect(lines[4].contains("  1  林嶺鄉2016年村黨組織換屆選…  林嶺鄉         2016"))
    #expect(lines[5].contains("(placeholder)  (placeholder)"))
  }

  @Test("--format csv --by year: groups ascending, summary rows name the year")
  func csvByYear() {
    let r = Self.run(["compare", "--format", "csv", "--no-bom", "--by", "year"] + Self.fixtures)
    #expect(r.status == .success)
    let lines = r.out.components(separatedBy: "\r\n")
    #expect(lines[0].hasPrefix("file,document,title,place,year,turnout,"))
    let years = lines.dropFirst().filter { !$0.isEmpty }.map { $0.split(separator: ",", omittingEmptySubsequences: false)[4] }
    #expect(years == ["2016"] + Array(repeating: "2016", count: 6) + ["2019", "2019"] + Array(repeating: "2019", count: 6)
      + ["2021"] + Array(repeating: "2021", count: 6) + ["(placeholder)"] + Array(repeating: "(placeholder)", count: 6))
    #expect(lines[1].hasSuffix(",林嶺鄉,2016,99.1,,,,,,,52,17.3,,,,,,"))
    #expect(lines[2] == ",,n,,2016,1,0,0,0,0,0,0,1,1,0,0,0,0,0,")
  }

  @Test("--by file: a table per file, two documents of one file together")
  func byFile() {
    let two = Self.fixture("two-districts.txt")
    let r = Self.run(["compare", "--by", "file", two, Self.fixtures[2]])
    let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "file: \(two) (2 documents)")
    #expect(lines[2].hasSuffix("  1  东湖区2022年人大代表换届选…  东湖区  2022  98.0%    81230人  79604人  -        -"))
    #expect(lines[3].hasSuffix("  2  西山县2022年人大代表换届选…  西山县  2022  97.0%    65410人  63447人  -        -"))
    #expect(lines.contains("file: \(Self.fixtures[2]) (1 document)"))
  }

  @Test("--by place: summary rows carry the place in CSV")
  func csvByPlace() {
    let r = Self.run(["compare", "--format", "csv", "--no-bom", "--by", "place"] + Self.fixtures)
    let lines = r.out.components(separatedBy: "\r\n")
    #expect(lines[1].hasPrefix("\(Self.fixtures[0]),1,青泉街道2019年人大代表换届选举工作总结,青泉街道,2019,"))
    #expect(lines[2].hasPrefix("\(Self.fixtures[1]),1,青泉街道2021年村委会换届选举工作总结,青泉街道,2021,"))
    #expect(lines[3].hasPrefix(",,n,青泉街道,,"))
    #expect(lines[9].hasPrefix("\(Self.fixtures[2]),1,"))
  }

  @Test("--metric: only the chosen metrics, in Metric order, in the table, CSV, JSON and the blank column")
  func chosenMetrics() throws {
    let text = Self.run(["compare", "--metric", "women-share,turnout"] + Self.fixtures)
    #expect(text.status == .success)
    let lines = text.out.split(separator: "\n").map(String.init)
    #expect(lines[0].hasSuffix("year           turnout        women-share"))
    #expect(lines[5].hasSuffix("(placeholder)  (placeholder)  (placeholder)  (blank)"))
    #expect(lines.contains { $0 == "turnout      4      1  96.0    97.9  99.1  97.725" })
    #expect(!text.out.contains("average-age"))

    let csv = Self.run(["compare", "--format", "csv", "--no-bom", "--metric", "turnout,women-share"] + Self.fixtures)
    let rows = csv.out.components(separatedBy: "\r\n")
    #expect(rows[0] == "file,document,title,place,year,turnout,women-share,blank")
    #expect(rows[5].hasSuffix(",(placeholder),(placeholder),,,turnout;women-share"))

    let json = Self.run(["compare", "--format", "json", "--metric", "turnout"] + Self.fixtures)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    #expect(object["metrics"] as? [String] == ["turnout"])
    let first = try #require((object["rows"] as? [[String: Any]])?.first)
    #expect((first["values"] as? [String: Any])?.keys.sorted() == ["turnout"])
  }

  @Test("--metric with an unknown key is a usage error naming the valid ones")
  func unknownMetric() {
    let r = Self.run(["compare", "--metric", "turnout,quorum"] + Self.fixtures)
    #expect(r.status == .failure)
    #expect(r.err.hasPrefix("error: invalid metric 'quorum' (expected turnout, attendance,"))
  }

  @Test("--format json: one object, a row per document")
  func json() throws {
    let r = Self.run(["compare", "--format", "json"] + Self.fixtures)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    let rows = try #require(object["rows"] as? [[String: Any]])
    #expect(object["schema"] as? String == "gongwen/1")
    #expect(rows.count == 5)
    #expect(rows.map { $0["place"] as? String } == ["青泉街道", "青泉街道", "石塘镇", "林嶺鄉", nil])
    #expect(rows.map { $0["place_status"] as? String } == ["named", "named", "named", "named", "placeholder"])
  }

  @Test("--format html -o: one self-contained file")
  func html() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-compare-\(getpid()).html").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let r = Self.run(["compare", "--format", "html", "-o", path] + Self.fixtures)
    #expect(r.status == .success && r.out == "")
    let html = try String(contentsOfFile: path, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
    #expect(html.contains("<td class=\"title\">青泉街道2019年人大代表换届选举工作总结</td>"))
    #expect(!html.contains("<script") && !html.contains("http"))
  }

  @Test("the sample, as a text table and as CSV: golden files")
  func sampleGolden() throws {
    let text = CLI.run(["compare"])
    #expect(text.status == 0)
    try FiguresGoldenTests().expectGolden(text.out, named: "sample-compare.txt")
    let csv = CLI.run(["compare", "--format", "csv", "--no-bom"])
    #expect(csv.status == 0)
    try FiguresGoldenTests().expectGolden(csv.out, named: "sample-compare.csv")
  }

  @Test("usage errors: exit 2 with the usage line", arguments: [
    (["compare", "--by", "county"], "error: invalid value 'county' for '--by' (expected place, year or file)"),
    (["compare", "--format", "xml"], "error: invalid value 'xml' for '--format' (expected text, csv, json or html)"),
  ])
  func usage(_ arguments: [String], _ message: String) {
    let r = Self.run(arguments)
    #expect(r.status == .failure && r.out == "")
    #expect(r.err.hasPrefix(message + "\nUsage: gongwen compare "))
  }

  @Test("an unreadable input is reported, the others compared, exit 2")
  func missing() {
    let r = Self.run(["compare", "--format", "csv", "/nonexistent/x.txt", Self.fixtures[0]])
    #expect(r.status == .failure && r.err.contains("/nonexistent/x.txt"))
    #expect(r.out.contains("青泉街道"))
    let rows = r.out.split(separator: "\r\n").map(String.init)
    #expect(rows[2] == "/nonexistent/x.txt,error,cannot open: no such file or directory" + String(repeating: ",", count: 17))
    #expect(rows[3].hasPrefix(",,n,"))
  }

  @Test("an unreadable input is an entry of errors in JSON and a line in the text table")
  func missingInJSONAndText() throws {
    let json = Self.run(["compare", "--format", "json", "/nonexistent/x.txt"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    let errors = try #require(object["errors"] as? [[String: String]])
    #expect(errors == [["file": "/nonexistent/x.txt", "code": "not-found", "message": "cannot open: no such file or directory"]])
    #expect(json.status == .failure)
    let text = Self.run(["compare", "/nonexistent/x.txt"])
    #expect(text.out.hasSuffix("error: /nonexistent/x.txt: cannot open: no such file or directory\n"))
  }

  @Test("200 generated documents: every one compared, as many as gongwen parse reads")
  func generatedCorpus() throws {
    let generator = CLI.root.deletingLastPathComponent().appendingPathComponent("shared/perf/gen_corpus.py").path
    guard FileManager.default.fileExists(atPath: generator) else { return }  // ../shared is absent: skip
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-compare-corpus-\(getpid())")
    defer { try? FileManager.default.removeItem(at: dir) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", generator, "--out", dir.path, "--docs", "200", "--seed", "3"]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
      .map { dir.appendingPathComponent($0).path }
    let compare = Self.run(["compare", "--format", "json"] + files)
    #expect(compare.status == .success)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(compare.out.utf8)) as? [String: Any])
    let rows = try #require(object["rows"] as? [[String: Any]])
    let parse = Self.run(["parse", "--format", "jsonl"] + files)
    let documents = parse.out.split(separator: "\n").count
    #expect(rows.count == documents)
    #expect(rows.count == 200)
    let groups = try #require(object["groups"] as? [[String: Any]])
    #expect(groups.count == 1 && groups[0]["documents"] as? Int == 200)

    // Per metric, the documents reporting it and leaving it blank agree with the first figure of that metric
    // in each document that `gongwen figures` lists.
    let figures = CLI.run(["figures", "--format", "jsonl"] + files)
    var first: [String: Bool] = [:]  // "file#document#metric" → reported
    var documentsWithFigures = Set<String>()
    for figure in try figures.jsonLines() {
      let document = "\(figure["file"] as? String ?? "")#\(figure["document"] as? Int ?? 0)"
      documentsWithFigures.insert(document)
      guard let metric = figure["metric"] as? String, !metric.isEmpty, figure["kind"] as? String != "change" else {
        continue
      }
      let key = document + "#" + metric
      if first[key] == nil { first[key] = !(figure["value"] is NSNull) }
    }
    let rowDocuments = Set(rows.map { "\($0["file"] as? String ?? "")#\($0["document"] as? Int ?? 0)" })
    #expect(documentsWithFigures.isSubset(of: rowDocuments))
    let summary = try #require(groups[0]["summary"] as? [String: [String: Any]])
    var checked = 0
    for (metric, statistics) in summary {
      let reported = first.filter { $0.key.hasSuffix("#" + metric) && $0.value }.count
      let blank = first.filter { $0.key.hasSuffix("#" + metric) && !$0.value }.count
      #expect(statistics["n"] as? Int == reported, "\(metric) n")
      #expect(statistics["blank"] as? Int == blank, "\(metric) blank")
      checked += reported
    }
    #expect(checked > 200)
  }
}
