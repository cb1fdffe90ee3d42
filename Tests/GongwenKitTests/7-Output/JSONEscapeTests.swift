import Testing

@testable import GongwenKit

/// The word-at-a-time escaper against a plain byte loop written here.
@Suite("JSON string escaping: words at a time, exactly as byte by byte")
struct JSONEscapeTests {
  /// `"…"` with every byte judged alone.
  static func plain(_ bytes: [UInt8]) -> [UInt8] {
    let hex = Array("0123456789abcdef".utf8)
    var out: [UInt8] = [0x22]
    for b in bytes {
      switch b {
      case 0x22: out += [0x5C, 0x22]
      case 0x5C: out += [0x5C, 0x5C]
      case 0x0A: out += [0x5C, 0x6E]
      case 0x0D: out += [0x5C, 0x72]
      case 0x09: out += [0x5C, 0x74]
      case 0..<0x20, 0x7F: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
      default: out.append(b)
      }
    }
    out.append(0x22)
    return out
  }

  /// What `ByteCursor.quote` stores for `bytes`.
  static func quoted(_ bytes: [UInt8]) -> [UInt8] {
    var out = [UInt8](repeating: 0xAA, count: 6 * bytes.count + 2)
    let count = out.withUnsafeMutableBufferPointer { o -> Int in
      guard let start = o.baseAddress else { return -1 }
      return bytes.withUnsafeBufferPointer { u in ByteCursor.quote(u.baseAddress, count: u.count, to: start) - start }
    }
    return count < 0 ? [] : Array(out[..<count])
  }

  /// Up to 40 bytes: the straight path (1-3, 4-7, 8-16 bytes) and the word loop past 16, with its overlapping
  /// last word, all meet an escape at each position.
  @Test("every byte value at every position of strings of 1 to 40 bytes, among ASCII and among Chinese bytes")
  func everyByteEveryPosition() {
    var mismatches = 0
    for filler: UInt8 in [0x61, 0xE4, 0x20, 0x7E] {
      for n in 1...40 {
        for k in 0..<n {
          for b in 0...255 {
            var bytes = [UInt8](repeating: filler, count: n)
            bytes[k] = UInt8(b)
            if Self.quoted(bytes) != Self.plain(bytes) { mismatches += 1 }
          }
        }
      }
    }
    #expect(mismatches == 0)
  }

  @Test("two bytes to escape in one word, and runs of escapes across word boundaries")
  func severalEscapes() {
    var mismatches = 0
    for n in 2...33 {
      for j in 0..<n {
        for k in 0..<n where k != j {
          for (a, b) in [(0x22, 0x5C), (0x00, 0x7F), (0x0A, 0x1F), (0x09, 0x22)] as [(UInt8, UInt8)] {
            var bytes = Array("选举工作总结报告参选率工作".utf8.prefix(n))
            bytes[j] = a
            bytes[k] = b
            if Self.quoted(bytes) != Self.plain(bytes) { mismatches += 1 }
          }
        }
      }
    }
    #expect(mismatches == 0)
    let controls = (0..<40).map { UInt8($0 % 0x20) }
    #expect(Self.quoted(controls) == Self.plain(controls))
  }

  @Test("escapeMask marks exactly the bytes to escape, whatever the other bytes of the word")
  func mask() {
    var wrong = 0
    for k in 0..<8 {
      for b in 0...255 {
        for filler in 0...255 {
          var w = UInt64(0)
          for j in 0..<8 { w |= UInt64(j == k ? UInt8(b) : UInt8(filler)) << (8 * j) }
          var expected = UInt64(0)
          for j in 0..<8 where ByteCursor.needsEscape(UInt8(truncatingIfNeeded: w >> (8 * j))) {
            expected |= 0x80 << (8 * j)
          }
          if ByteCursor.escapeMask(w) != expected { wrong += 1 }
        }
      }
    }
    #expect(wrong == 0)
  }

  @Test("empty and one-byte strings, through a String and through bytes")
  func short() {
    #expect(Self.quoted([]) == Array(#""""#.utf8))
    var out = JSONEmitter()
    out.string("")
    out.string("\"")
    out.string("x")
    #expect(String(decoding: out.bytes, as: UTF8.self) == "\"\",\"\\\"\",\"x\"")
  }
}
