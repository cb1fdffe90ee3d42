import Testing

@testable import GongwenKit

@Suite("TextDecoder: valid UTF-8 skips the sniffer only when it would count nothing")
struct SnifferSkipTests {
  func decode(_ bytes: [UInt8]) -> Result<TextEncoding, InputError> {
    do throws(InputError) { return .success(try TextDecoder().decode(bytes, path: "x.txt").encoding) } catch {
      return .failure(error)
    }
  }

  @Test("UTF-16LE of ASCII without a BOM is valid UTF-8, yet its NULs make it UTF-16")
  func asciiUTF16() throws {
    let bytes = Array("Turnout 95.7 percent\r\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    #expect(bytes.withUnsafeBufferPointer(UTF8Transcoder.lineStartsIfValid) != nil)
    #expect(try decode(bytes).get() == .utf16le)
  }

  @Test("valid UTF-8 that is 10% BEL bytes is binary; one BEL in Han is text")
  func controlBytes() throws {
    let han = Array("选举工作总结".utf8)
    var binary: [UInt8] = []
    for _ in 0..<20 { binary += han + [0x07, 0x07] }
    guard case .failure(let error) = decode(binary), case .notText = error.reason else {
      Issue.record("expected notText")
      return
    }
    #expect(try decode(han + [0x07] + han).get() == .utf8)
  }
}
