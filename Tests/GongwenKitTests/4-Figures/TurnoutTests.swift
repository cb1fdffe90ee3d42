import Testing

@testable import GongwenKit

@Suite("Turnout rows: place, voters, voted and change named with each rate")
struct TurnoutTests {
  @Test("each rate takes the counts since the previous rate, the place before it and the change after it")
  func rows() throws {
    let file = try Fixtures.file("figures/turnout-rows.txt")
    let rows = file.documents.flatMap { Turnout.rows(in: $0) }
    #expect(rows.map(\.place) == ["全区", "石亭镇", ""])
    #expect(rows.map { $0.rate.metric } == [.turnout, .turnout, .attendance])
    #expect(rows.map { $0.rate.value?.description } == ["96.5", "98", "93"])
    #expect(rows.map { $0.voters?.value?.description } == ["3214", nil, "1934"])
    #expect(rows.map { $0.voted?.value?.description } == ["3100", "1185", "1800"])
    #expect(rows.map { $0.change?.value?.description } == ["1.2", "-0.5", nil])
    #expect(rows[2].rate.flags == .atLeast)
  }
}
