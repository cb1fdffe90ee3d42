import Testing

@testable import GongwenKit

@Suite("Pipeline stages called one by one, as gongwen-bench times them")
struct PipelineStageTests {
  @Test("sections, then figures, then checks give the same file as parsing in one call")
  func stagesInTurn() throws {
    let bytes = try Fixtures.bytes("sample/000_2d09065b1503b549.txt")
    let whole = try InputFile(parsing: bytes, path: "sample.txt")
    var staged = InputFile(sectioned: try TextDecoder().decode(bytes, path: "sample.txt"), path: "sample.txt")
    #expect(staged.documents.allSatisfy { $0.figures.isEmpty && $0.findings.isEmpty })
    staged.extractFigures()
    staged.runChecks()
    #expect(staged.documents == whole.documents)
    #expect(staged.front == whole.front && staged.trailer == whole.trailer)
  }

  @Test("without the checks: the same documents and figures, and no findings")
  func withoutChecks() throws {
    let bytes = try Fixtures.bytes("sample/000_2d09065b1503b549.txt")
    let whole = try InputFile(parsing: bytes, path: "sample.txt")
    let figuresOnly = InputFile(decoded: try TextDecoder().decode(bytes, path: "sample.txt"), path: "sample.txt", runsChecks: false)
    #expect(figuresOnly.documents.map(\.figures) == whole.documents.map(\.figures))
    #expect(figuresOnly.documents.map(\.sections) == whole.documents.map(\.sections))
    #expect(figuresOnly.documents.allSatisfy { $0.findings.isEmpty })
    #expect(whole.documents.contains { !$0.findings.isEmpty })
  }
}
