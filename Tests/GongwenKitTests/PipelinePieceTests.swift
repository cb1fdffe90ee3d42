import Testing

@testable import GongwenKit

@Suite("A large file parsed a few documents at a time gives what parsing it whole gives")
struct PipelinePieceTests {
  /// The pieces of `fixture` at `pieceBytes`, and the file parsed whole.
  func pieces(of fixture: String, pieceBytes: Int) throws -> (pieces: [InputFile], whole: InputFile) {
    let bytes = try Fixtures.bytes(fixture)
    let whole = try InputFile(parsing: bytes, path: "f.txt")
    var pieces: [InputFile] = []
    InputFile.parsePieces(decoded: try TextDecoder().decode(bytes, path: "f.txt"), path: "f.txt", pieceBytes: pieceBytes) {
      pieces.append($0)
    }
    return (pieces, whole)
  }

  @Test("one document per piece: same documents, figures and findings; front first, trailer last", arguments: [1, 400, 1 << 20])
  func threeDocuments(pieceBytes: Int) throws {
    let (pieces, whole) = try pieces(of: "pieces/three-documents.txt", pieceBytes: pieceBytes)
    #expect(pieces.count == (pieceBytes == 1 ? 3 : pieceBytes == 400 ? 2 : 1))
    #expect(pieces.flatMap(\.documents) == whole.documents)
    #expect(pieces.first?.front == whole.front && whole.front != nil)
    #expect(pieces.last?.trailer == whole.trailer && whole.trailer != nil)
    #expect(pieces.dropFirst().allSatisfy { $0.front == nil })
    #expect(pieces.dropLast().allSatisfy { $0.trailer == nil })
    // Each rule's findings stay in the piece of their document: the placeholders on the last line of the
    // first document, the invalid byte in the second, the boilerplate notes at both ends.
    let rules = pieces.flatMap(\.documents).map { $0.findings.map(\.rule) }
    #expect(rules == [
      ["boilerplate", "placeholder-name", "placeholder-name", "placeholder-number"],
      ["lost-decimal", "invalid-bytes"],
      ["placeholder-name", "placeholder-date", "blank-number", "boilerplate"],
    ])
    let invalid = try #require(pieces.flatMap(\.documents).flatMap(\.findings).first { $0.rule == "invalid-bytes" })
    #expect(invalid.start.line == 15 && invalid.start.column == 9)
  }

  @Test("the user's sample in pieces of every size gives the whole file's documents", arguments: [1, 4_000, 20_000])
  func sample(pieceBytes: Int) throws {
    let (pieces, whole) = try pieces(of: "sample/000_2d09065b1503b549.txt", pieceBytes: pieceBytes)
    #expect(pieces.flatMap(\.documents) == whole.documents)
    #expect(pieces.flatMap(\.documents).flatMap(\.findings).count == whole.documents.flatMap(\.findings).count)
  }
}
