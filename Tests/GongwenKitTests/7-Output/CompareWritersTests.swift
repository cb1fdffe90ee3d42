import Testing

@testable import GongwenKit

@Suite("Compare writers: text table, CSV, JSON, HTML")
struct CompareWritersTests {
  typealias S = AnalysisSupport

  static let comparison: Comparison = {
    var women = S.reading(.womenShare, "25.0")
    women = MetricReading(
      metric: .womenShare, status: .reported, value: women.value, unit: "%", start: women.start,
      change: MetricReading.Change(
        value: ExactDecimal("1.2"), unit: "个百分点", start: SourceLocation(line: 1, column: 1, offset: 0)))
    return Comparison(rows: [
      S.row("青泉.txt", place: .named("青泉街道"), year: .named(2019), [S.reading(.turnout, "98.5"), women]),
      S.row("masked.txt", place: .placeholder, year: .placeholder, [S.blank(.turnout, .placeholder), S.blank(.womenShare)]),
      S.row("s.txt", place: .named("石塘镇"), year: .named(2019), [S.reading(.turnout, "97.3")]),
    ])
  }()

  @Test("display width: Han and full-width forms take two cells, ASCII one, combining marks none")
  func displayWidth() {
    #expect(DisplayWidth.of("青泉街道") == 8)
    #expect(DisplayWidth.of("98.5%") == 5)
    #expect(DisplayWidth.of("９８．５％") == 10)
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of("　") == 2)
    #expect(DisplayWidth.truncated("青泉街道2019年", to: 9) == "青泉街道…")
  }

  @Test("text table: columns line up in terminal cells with Chinese text")
  func table() {
    var out: [UInt8] = []
    CompareTableWriter().write(Self.comparison, to: &out)
    let text = String(decoding: out, as: UTF8.self)
    let expected = """
      file        doc  title       place          year           turnout        women-share
      青泉.txt      1  青泉.txt    青泉街道       2019           98.5%          25.0% (+1.2个百分点)
      masked.txt    1  masked.txt  (placeholder)  (placeholder)  (placeholder)  (blank)
      s.txt         1  s.txt       石塘镇         2019           97.3%          -

      metric       n  blank   min  median   max  mean
      turnout      2      1  97.3    97.9  98.5  97.9
      women-share  1      1  25.0    25.0  25.0  25.0

      """
    #expect(text == expected)
  }

  @Test("CSV: BOM, CRLF, a column per metric key, blank keys, then summary rows")
  func csv() {
    var out: [UInt8] = []
    CompareCSVWriter().write(Self.comparison, to: &out)
    #expect(out.starts(with: [0xEF, 0xBB, 0xBF]))
    let lines = String(decoding: out.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
    let empty9 = String(repeating: ",", count: 9)
    #expect(lines[0] == "file,document,title,place,year,turnout,attendance,direct-election-rate,renewal-rate,success-rate,voters,voted,elected,women-share,party-member-share,college-share,minority-share,re-elected-share,average-age,blank")
    #expect(lines[1] == "青泉.txt,1,青泉.txt,青泉街道,2019,98.5,,,,,,,,25.0\(String(repeating: ",", count: 5)),")
    #expect(lines[2] == "masked.txt,1,masked.txt,(placeholder),(placeholder),\(empty9)\(String(repeating: ",", count: 5))turnout;women-share")
    #expect(lines[4] == ",,n,,,2,0,0,0,0,0,0,0,1,0,0,0,0,0,")
    #expect(lines[5] == ",,blank,,,1,0,0,0,0,0,0,0,1,0,0,0,0,0,")
    #expect(lines[7] == ",,median,,,97.9,,,,,,,,25.0,,,,,,")
    #expect(lines.count == 11 && lines[10] == "")
    var noBOM: [UInt8] = []
    CompareCSVWriter(byteOrderMark: false).write(Self.comparison, to: &noBOM)
    #expect(noBOM.starts(with: Array("file,".utf8)))
  }

  @Test("CSV: quoting and the formula guard on text cells")
  func csvQuoting() {
    let row = ComparisonRow(file: "=cmd.txt", document: 1, title: "a \"b\", c", place: nil, year: nil, readings: [:])
    var out: [UInt8] = []
    CompareCSVWriter(byteOrderMark: false).write(Comparison(rows: [row]), to: &out)
    let lines = String(decoding: out, as: UTF8.self).components(separatedBy: "\r\n")
    #expect(lines[1].hasPrefix("'=cmd.txt,1,\"a \"\"b\"\", c\",,,"))
  }

  @Test("JSON: rows with every metric, statuses, changes and group summaries")
  func json() {
    var emitter = JSONEmitter(pretty: false)
    CompareJSONWriter(pretty: false).write(Self.comparison, to: &emitter)
    let text = String(decoding: emitter.take(), as: UTF8.self)
    #expect(text.hasPrefix("{\"schema\":\"gongwen/1\",\"by\":null,\"metrics\":[\"turnout\",\"attendance\","))
    #expect(text.contains("\"place\":\"青泉街道\",\"place_status\":\"named\",\"year\":2019,\"year_status\":\"named\""))
    #expect(text.contains("\"place\":null,\"place_status\":\"placeholder\",\"year\":null,\"year_status\":\"placeholder\""))
    #expect(text.contains("\"women-share\":{\"status\":\"reported\",\"value\":25.0,\"unit\":\"%\",\"line\":1,\"column\":1,\"change\":{\"status\":\"reported\",\"value\":1.2,\"unit\":\"个百分点\",\"line\":1,\"column\":1}}"))
    #expect(text.contains("\"turnout\":{\"status\":\"placeholder\",\"value\":null,"))
    #expect(text.contains("\"blank\":[\"turnout\",\"women-share\"]"))
    #expect(text.contains("\"summary\":{\"turnout\":{\"n\":2,\"blank\":1,\"min\":97.3,\"median\":97.9,\"max\":98.5,\"mean\":97.9}"))
  }

  @Test("HTML: hostile document text is escaped; no script, no external URL")
  func htmlEscaping() {
    let finding = Finding(
      rule: "blank-number", severity: .warning, message: "参选率 has no value <b>&</b>",
      start: SourceLocation(line: 12, column: 7, offset: 0), end: SourceLocation(line: 12, column: 9, offset: 0),
      text: "%")
    let row = ComparisonRow(
      file: "<img src=x onerror=alert(1)>.txt", document: 1, title: "<script>alert(\"x\")</script> 'q' & co",
      place: .named("<i>区"), year: nil, readings: [.turnout: S.reading(.turnout, "98.5")], findings: [finding])
    var out: [UInt8] = []
    HTMLReportWriter().write(Comparison(rows: [row]), to: &out)
    let html = String(decoding: out, as: UTF8.self)
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("<i>"))
    #expect(!html.contains("<b>"))
    #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#39;q&#39; &amp; co"))
    #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;.txt"))
    #expect(html.contains("<td class=\"num\">12</td><td>warning</td><td>blank-number</td><td>参选率 has no value &lt;b&gt;&amp;&lt;/b&gt;</td>"))
    #expect(!html.contains("http:") && !html.contains("https:") && !html.contains("@import") && !html.contains("url(http"))
  }

  @Test("HTML: a chart per metric, blanks hatched and labelled, the summary table")
  func htmlCharts() {
    var out: [UInt8] = []
    HTMLReportWriter().write(Self.comparison, to: &out)
    let html = String(decoding: out, as: UTF8.self)
    #expect(html.components(separatedBy: "<svg class=\"chart\"").count == 3)
    #expect(html.contains("fill=\"url(#hatch-turnout)\""))
    #expect(html.contains("<text class=\"blank\" x=\"546\" y=\"38\">(placeholder)</text>"))
    #expect(html.contains("<text class=\"blank\" x=\"546\" y=\"38\">(blank)</text>"))
    // 98.5 is the largest turnout: the full 640 px; 97.3 in proportion.
    #expect(html.contains("<rect x=\"380\" y=\"6\" width=\"640\""))
    #expect(html.contains("<rect x=\"380\" y=\"46\" width=\"632\""))
    #expect(html.contains("<td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">97.3</td><td class=\"num\">97.9</td>"))
    #expect(html.contains("1 document does not mention women-share."))
    // The median turnout, 97.9, at 380 + 97.9 / 98.5 × 640 px.
    #expect(html.contains("<line class=\"median\" x1=\"1016\" y1=\"0\" x2=\"1016\" y2=\"68\"><title>median 97.9</title></line>"))
  }
}
