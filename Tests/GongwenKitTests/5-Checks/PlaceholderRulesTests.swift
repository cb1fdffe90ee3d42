import Testing

@testable import GongwenKit

@Suite("Placeholder rules on text")
struct PlaceholderRulesTests {
  @Test("placeholder-name: **区, *镇, xx街道, XX街, X镇, ××县, 某某 and a lone *")
  func names() throws {
    let spots = try fixtureFindings("placeholder-name.txt", rule: "placeholder-name").map(Spot.init)
    #expect(
      spots == [
        Spot("placeholder-name", 1, 4, 7, "**区"), Spot("placeholder-name", 1, 8, 10, "*镇"),
        Spot("placeholder-name", 1, 11, 15, "xx街道"), Spot("placeholder-name", 1, 16, 19, "XX街"),
        Spot("placeholder-name", 1, 20, 22, "X镇"), Spot("placeholder-name", 1, 23, 26, "××县"),
        Spot("placeholder-name", 1, 33, 35, "某某"), Spot("placeholder-name", 1, 43, 44, "*"),
      ])
  }

  @Test("placeholder-date: 20xx年, xxxx年, XX月XX日, x月xx日 and a blank 月日")
  func dates() throws {
    let findings = try fixtureFindings("placeholder-date.txt", rule: "placeholder-date")
    #expect(
      findings.map(Spot.init) == [
        Spot("placeholder-date", 1, 1, 6, "20xx年"), Spot("placeholder-date", 1, 7, 12, "xxxx年"),
        Spot("placeholder-date", 1, 14, 20, "XX月XX日"), Spot("placeholder-date", 1, 21, 26, "x月xx日"),
        Spot("placeholder-date", 1, 36, 38, "月日"),
      ])
    #expect(findings.last?.message == "date 月日 has no digits")
    #expect(findings.first?.message == "date 20xx年 has placeholders for its digits")
  }

  @Test("placeholder-date: a title's year left out (《青禾县年…》), not 全区年度")
  func titleYear() throws {
    let findings = try fixtureFindings("placeholder-date-title-year.txt", rule: "placeholder-date")
    #expect(findings.map(Spot.init) == [Spot("placeholder-date", 1, 7, 8, "年")])
    #expect(findings.first?.message == "date 禾县年 has no digits")
  }

  @Test("placeholder-number: x%, xx人, xxx个, ××名 and an ordinal xx大")
  func numbers() throws {
    let findings = try fixtureFindings("placeholder-number.txt", rule: "placeholder-number")
    // Figures quote their unit (x%); the ordinal, no figure, is quoted from the text.
    #expect(findings.map { "\($0.start.line):\($0.start.column)" } == ["1:7", "1:12", "1:20", "1:27", "1:35"])
    #expect(findings.last?.message == "xx stands for a number (xx大)")
    #expect(findings.last?.text == "xx")
  }

  @Test("words, arithmetic, Chinese numerals and 某人 raise nothing")
  func clean() throws {
    #expect(try fixtureFindings("clean-placeholders.txt").map(Spot.init) == [])
  }

  @Test("full-width and traditional forms match", arguments: [
    ("ＸＸ區召開會議", "ＸＸ區", PlaceholderScanner.Kind.name),
    ("＊＊鎮", "＊＊鎮", .name),
    ("ｘｘｘｘ年底", "ｘｘｘｘ年", .date),
    ("xx后的成员", "xx", .number),
  ])
  func folded(_ text: String, _ expected: String, _ kind: PlaceholderScanner.Kind) throws {
    let bytes = Array(text.utf8)
    let match = try #require(PlaceholderScanner().matches(in: bytes).first)
    #expect(String(decoding: bytes[match.range], as: UTF8.self) == expected)
    #expect(match.kind == kind)
  }

  @Test("a bare run listed before a masked name is a name: 和xx、xx苑")
  func listedName() {
    let bytes = Array("和xx、xx苑居委会".utf8)
    let kinds = PlaceholderScanner().matches(in: bytes).map(\.kind)
    #expect(kinds == [.name, .name])
  }

  @Test("a placeholder is found at every offset of a long text, however the text is cut into blocks", arguments: [
    ("xx镇", PlaceholderScanner.Kind.name), ("××县", .name), ("＊＊鎮", .name), ("ｘ月ｘ日", .date), ("某某", .name),
    ("月日", .date), ("x%", .number), ("Ｘ人", .number),
  ])
  func everyOffset(_ placeholder: String, _ kind: PlaceholderScanner.Kind) {
    let tail = "，全区召开会议，部署换届选举工作。全区召开会议，部署换届选举工作。"
    for k in 0..<40 {
      // Padding of one- and three-byte characters moves the placeholder across every block boundary.
      let pad = String(repeating: "。", count: k / 3) + String(repeating: ",", count: k % 3)
      let bytes = Array((pad + placeholder + tail).utf8)
      let start = pad.utf8.count
      let matches = PlaceholderScanner().matches(in: bytes)
      #expect(matches.map(\.range.lowerBound) == [start], "offset \(start)")
      #expect(matches.map(\.kind) == [kind])
    }
  }
}
