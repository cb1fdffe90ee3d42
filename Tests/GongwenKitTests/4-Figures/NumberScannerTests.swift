import Testing

@testable import GongwenKit

@Suite("NumberScanner: digits, grouping, decimals, lost decimals, 万, placeholders, Chinese numerals")
struct NumberScannerTests {
  /// The number read at the start of `text`: its value (or nil), flags and the text it covers.
  func scan(_ text: String, chinese: Bool = false) -> (value: String?, flags: Figure.Flags, text: String)? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { p in
      let n =
        chinese
        ? NumberScanner.chinese(at: 0, limit: p.count, in: p, decimals: true)
        : NumberScanner.arabic(at: 0, limit: p.count, in: p)
      return n.map { ($0.value?.description, $0.flags, String(decoding: bytes[$0.start..<$0.end], as: UTF8.self)) }
    }
  }

  @Test("Arabic forms", arguments: [
    ("306人", "306", "306"), ("1,200人", "1200", "1,200"), ("1，185人", "1185", "1，185"), ("12,345,678人", "12345678", "12,345,678"),
    ("306个行政村,农村", "306", "306"), ("1,2345人", "1", "1"), ("1234,567人", "1234", "1234"), ("98.5%", "98.5", "98.5"),
    ("９８．５％", "98.5", "９８．５"), ("3.6万人", "36000", "3.6万"), ("1.2亿", "120000000", "1.2亿"), ("90.80%", "90.80", "90.80"),
  ])
  func arabic(_ c: (String, String, String)) throws {
    let n = try #require(scan(c.0))
    #expect(n.value == c.1)
    #expect(n.text == c.2)
    #expect(n.flags == [])
  }

  @Test("a lost decimal point is repaired only before %, 岁 or 个百分点", arguments: [
    ("90?8%", "90.8", true), ("96？3%", "96.3", true), ("51\u{FFFD}2%", "51.2", true), ("90。5%", "90.5", true),
    ("42?2岁", "42.2", true), ("1?6个百分点", "1.6", true), ("94?94%", "94.94", true), ("90?8人", "90", false),
    ("306。5个", "306", false),
  ])
  func lostDecimal(_ c: (String, String, Bool)) throws {
    let n = try #require(scan(c.0))
    #expect(n.value == c.1)
    #expect(n.flags.contains(.lostDecimal) == c.2)
  }

  @Test("placeholders have no value", arguments: ["x%", "xx人", "XXX个", "××名", "ＸＸ人", "**个", "20xx年", "ｘ%"])
  func placeholder(_ text: String) throws {
    let n = try #require(scan(text))
    #expect(n.value == nil)
    #expect(n.flags == .placeholder)
  }

  @Test("Chinese numerals", arguments: [
    ("五种", "5"), ("二十二名", "22"), ("一千一百八十五人", "1185"), ("十二万三千四百五十六人", "123456"), ("两名", "2"),
    ("一百零六个", "106"), ("三〇六个", "306"), ("九十三点八", "93.8"), ("十人", "10"),
  ])
  func chinese(_ c: (String, String)) throws {
    let n = try #require(scan(c.0, chinese: true))
    #expect(n.value == c.1)
  }

  @Test("more than 18 digits is no figure")
  func overlong() throws {
    let n = try #require(scan(String(repeating: "9", count: 25) + "人"))
    #expect(n.value == nil && n.flags == [])
  }
}

@Suite("NumberScanner: 万 and 亿 after digits, told by the last byte first")
struct NumberScannerMultiplierTests {
  /// After `3` every character from U+4000 to U+9FFF: the multiplier is taken exactly where
  /// `ChineseNumeral.unit` says 万 or more, and the number ends right after the digit otherwise.
  @Test("every character of the leads E4…E9 after a digit")
  func everyHanCharacter() {
    var mismatches: [UInt32] = []
    for v in UInt32(0x4000)...0x9FFF {
      guard let s = Unicode.Scalar(v) else { continue }
      let bytes = Array(("3" + String(Character(s)) + "人").utf8)
      let n = bytes.withUnsafeBufferPointer { NumberScanner.arabic(at: 0, limit: bytes.count, in: $0) }
      let unit = ChineseNumeral.unit(v) ?? 0
      let expectedEnd = unit >= 10_000 ? 4 : 1
      let expectedValue = unit >= 10_000 ? 3 * unit : 3
      if n?.end != expectedEnd || n?.value != ExactDecimal(significand: expectedValue) { mismatches.append(v) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }
}
