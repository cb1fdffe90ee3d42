import Foundation
import Testing

@testable import gongwen

@Suite("FileReader: the bytes of a regular file, whatever stat says its size is")
struct FileReaderTests {
  @Test("files of 0, 1, 7 and 65,537 bytes read back exactly", arguments: [0, 1, 7, 65_537])
  func sizes(_ count: Int) throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("filereader-\(count)-\(getpid()).txt").path
    let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(try FileReader.read(path) == bytes)
  }

  @Test("a file whose stat size is 0 but has content (/proc) is read to its end")
  func procFile() throws {
    let bytes = try FileReader.read("/proc/self/cmdline")
    #expect(bytes.count > 1)
    #expect(bytes.last == 0)
  }
}
