import Testing

@testable import GongwenKit

@Suite("Figure: subject, base, place and text kept as byte ranges, equal and hashed by content")
struct FigureStorageTests {
  static func figures(_ s: String) throws -> [Figure] {
    try InputFile(parsing: Array(s.utf8), path: "t.txt").documents.flatMap(\.figures)
  }

  /// The figure `f` made again by the public initializer from its public properties.
  static func rebuilt(_ f: Figure, subject: String? = nil) -> Figure {
    Figure(
      kind: f.kind, value: f.value, unit: f.unit, low: f.low, high: f.high, subject: subject ?? f.subject, base: f.base,
      metric: f.metric, place: f.place, sentence: f.sentence, flags: f.flags, range: f.range, start: f.start, end: f.end,
      text: f.text)
  }

  @Test("a parsed share and the same figure made by the public init are equal and hash alike")
  func parsedEqualsPublic() throws {
    let figures = try Self.figures("全镇农村党支部书记306人，其中男子178人，占58.2%。\n芝山镇参选率97.0%。")
    let share = try #require(figures.first { $0.kind == .percent })
    #expect(share.subject == "男子" && share.base == "农村党支部书记" && share.text == "58.2%" && share.place == "")
    let turnout = try #require(figures.first { $0.metric == .turnout })
    #expect(turnout.place == "芝山镇" && turnout.subject == "参选率" && turnout.text == "97.0%")
    for f in figures { #expect(Self.rebuilt(f) == f && Self.rebuilt(f).hashValue == f.hashValue) }
    let made = Self.rebuilt(share)
    #expect(made == share && share == made)
    #expect(made.hashValue == share.hashValue)
    #expect(Set([share, made]).count == 1)
    let other = Self.rebuilt(share, subject: "女子")
    #expect(other != share && Set([share, other]).count == 2)
  }

  @Test("a previous-term average reads 上届 and equals one made with that subject")
  func previousTerm() throws {
    let figures = try Self.figures("新一届班子平均年龄45.2岁，比上届(47.9岁)年轻。")
    let previous = try #require(figures.first { $0.value == ExactDecimal("47.9") })
    #expect(previous.subject == "上届" && previous.kind == .average)
    let made = Self.rebuilt(previous)
    #expect(made == previous && made.hashValue == previous.hashValue)
    #expect(Self.rebuilt(previous, subject: "上") != previous)
  }

  @Test("the public init's strings read back exactly, empty, ASCII and beyond the BMP alike")
  func readBack() {
    let at = SourceLocation(line: 1, column: 1, offset: 0)
    let cases: [(String, String, String, String)] = [
      ("妇女代表", "代表总数", "芝山镇", "25.0%"), ("", "", "", "x%"), ("a,\"b\"", "𠀋𠀋", "e\u{301}", "90?8%"),
    ]
    for (subject, base, place, text) in cases {
      let f = Figure(
        kind: .percent, value: nil, unit: "%", subject: subject, base: base, place: place, range: 0..<3, start: at, end: at,
        text: text)
      #expect(f.subject == subject && f.base == base && f.place == place && f.text == text)
      #expect(Array(f.subject.utf8) == Array(subject.utf8) && Array(f.place.utf8) == Array(place.utf8))
    }
  }
}
