import Testing

@testable import GongwenKit

@Suite("Full stop scan: eight bytes at a time, as the plain byte loop finds it")
struct FullStopScanTests {
  /// The plain loop: 。 (E3 80 82) starting anywhere with its three bytes in `line`.
  private func plain(_ line: Range<Int>, _ bytes: [UInt8]) -> Bool {
    var i = line.lowerBound
    while i + 2 < line.upperBound {
      if bytes[i] == 0xE3 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x82 { return true }
      i += 1
    }
    return false
  }

  @Test("。 at every position of lines up to 20 bytes, cut by the line end, next to its look-alikes")
  func everyPosition() {
    let fillers: [[UInt8]] = [Array("a".utf8), Array("选".utf8), [0xE3, 0x80, 0x81], [0xE3, 0x80], [0xE3]]
    var checked = 0
    for filler in fillers {
      for length in 0...20 {
        for stop in -1..<length {
          var bytes = [UInt8]()
          while bytes.count < length { bytes += filler }
          bytes = Array(bytes.prefix(length))
          if stop >= 0 { bytes += [0xE3, 0x80, 0x82] + bytes }
          for lower in [0, 1, 3] where lower <= bytes.count {
            for upper in Set([bytes.count, max(lower, bytes.count - 1), max(lower, bytes.count - 2)]) {
              let found = bytes.withUnsafeBufferPointer { DocumentSplitter.containsFullStop(lower..<upper, in: $0) }
              #expect(found == plain(lower..<upper, bytes), "\(bytes) \(lower)..<\(upper)")
              checked += 1
            }
          }
        }
      }
    }
    #expect(checked > 1000)
  }
}
