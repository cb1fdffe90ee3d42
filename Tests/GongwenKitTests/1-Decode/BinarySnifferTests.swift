import Testing

@testable import GongwenKit

@Suite("BinarySniffer: control-byte counts and the UTF-16 pattern")
struct BinarySnifferTests {
  @Test("NUL bytes by parity and control bytes are counted exactly, across the eight-byte skips")
  func counts() {
    var bytes = Array(String(repeating: "参选率95.7%，", count: 40).utf8)  // 680 bytes, none counted
    bytes[3] = 0x00
    bytes[100] = 0x00
    bytes[101] = 0x00
    bytes[200] = 0x07  // BEL
    bytes[207] = 0x7F  // DEL
    bytes[208] = 0x1B  // ESC: terminals, not binary
    bytes[300] = 0x09  // tab
    bytes[301] = 0x0A
    bytes[302] = 0x0C  // form feed
    bytes[303] = 0x0E
    bytes[679] = 0x1F
    let sample = BinarySniffer.Sample(bytes)
    #expect(sample.count == 680)
    #expect(sample.zeroEven == 1 && sample.zeroOdd == 2)
    #expect(sample.control == 4)
  }

  @Test("only the first 64 KiB count, and an odd last byte is left out")
  func sampleSize() {
    let bytes = [UInt8](repeating: 0x41, count: 70_001).enumerated().map { $0.offset >= 65_530 ? 0 : $0.element }
    let sample = BinarySniffer.Sample(bytes)
    #expect(sample.count == 65_536)
    #expect(sample.nul == 6)
    #expect(BinarySniffer.Sample([0x41, 0x00, 0x00]).count == 2)
  }

  @Test("UTF-16 without BOM: LE and BE by the parity of zero bytes; UTF-8 with a few NULs is neither")
  func utf16() {
    let text = "换届选举工作总结\r\n全镇登记选民5210人，参选率95.7%。\r\n"
    let le = Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let be = Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    #expect(BinarySniffer.utf16WithoutBOM(le, sample: .init(le)) == .utf16le)
    #expect(BinarySniffer.utf16WithoutBOM(be, sample: .init(be)) == .utf16be)
    let utf8 = Array(text.utf8) + [0x00] + Array(text.utf8)
    #expect(BinarySniffer.utf16WithoutBOM(utf8, sample: .init(utf8)) == nil)
  }
}
