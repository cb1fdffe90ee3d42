import Foundation
import GongwenKit
import Testing

@testable import gongwen

@Suite("A file larger than Batch.pieceBytes is written piece by piece, exactly as if parsed whole")
struct LargeFileTests {
  @Test("parse --format jsonl of a 4.6 MB file equals the records of the file parsed whole")
  func parseInPieces() throws {
    let sample = try Data(contentsOf: URL(fileURLWithPath: CLI.fixture("sample/000_2d09065b1503b549.txt")))
    var bytes = Array("资料汇编\n\n网友 分享 时间:\n\n".utf8)
    while bytes.count <= Batch.pieceBytes + 300_000 { bytes += sample; bytes += Array("\n".utf8) }
    bytes += Array("\n（本文来源于网络，仅供参考）\n".utf8)
    let dir = try TemporaryDirectory()
    let path = dir.path + "/large.txt"
    try Data(bytes).write(to: URL(fileURLWithPath: path))

    let run = CLI.run(["parse", "--format", "jsonl", "-j", "1", path])
    #expect(run.status == 0)
    let whole = try InputFile(parsing: bytes, path: path)
    #expect(whole.documents.count > 500 && whole.front != nil && whole.trailer != nil)
    var expected: [UInt8] = []
    for k in whole.documents.indices {
      var out = JSONEmitter()
      JSONWriter().writeDocument(at: k, of: whole, to: &out)
      expected += out.take()
      expected.append(0x0A)
    }
    #expect(run.out.count == expected.count)
    #expect(run.out == expected)
  }
}
