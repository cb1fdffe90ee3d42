import Testing

@testable import GongwenKit

@Suite("HeadingMarker: Chinese ordinals")
struct HeadingMarkerTests {
  @Test("chineseOrdinal values every run of numerals as ChineseNumeral.value does: 1…99, at most three")
  func ordinalsAgreeWithNumeralValues() {
    let alphabet = Array("〇零一二两兩三四五六七八九十百是".unicodeScalars)
    var checked = 0
    func check(_ run: [Unicode.Scalar]) {
      let bytes = Array(String(String.UnicodeScalarView(run)).utf8)
      let got = bytes.withUnsafeBufferPointer { HeadingMarker.chineseOrdinal(at: 0, limit: bytes.count, in: $0) }
      // Reference: the numerals (digits and 十) at the start, at most three, not led by 零 or 〇.
      let values = run.map(\.value)
      let numerals = Array(values.prefix { ChineseNumeral.digit($0) != nil || $0 == 0x5341 })
      var want: (Int, Int)?
      if (1...3).contains(numerals.count), numerals[0] != 0x96F6, numerals[0] != 0x3007,
        let value = ChineseNumeral.value(of: numerals), (1...99).contains(value)
      {
        want = (Int(value), numerals.reduce(0) { $0 + String(Unicode.Scalar($1)!).utf8.count })
      }
      #expect(got?.0 == want?.0 && got?.1 == want?.1, "\(String(String.UnicodeScalarView(run)))")
      checked += 1
    }
    for a in alphabet {
      check([a])
      for b in alphabet {
        check([a, b])
        for c in alphabet {
          check([a, b, c])
          for d in alphabet { check([a, b, c, d]) }
        }
      }
    }
    #expect(checked == 16 + 16 * 16 + 16 * 16 * 16 + 16 * 16 * 16 * 16)
  }

  @Test("the byte readings of 一、 （一） 1. 一是 agree with the general readings on every start and line end")
  func commonFormsAgreeWithGeneralReading() {
    let alphabet = Array("〇零一二两兩三十百、（）()是第选a1.0%．５".unicodeScalars)
    var common = 0
    func check(_ run: [Unicode.Scalar]) {
      let bytes = Array(String(String.UnicodeScalarView(run)).utf8)
      bytes.withUnsafeBufferPointer { p in
        // Every limit at a scalar boundary: a marker cut by the line end is no marker.
        var limits = [0]
        for scalar in run { limits.append(limits[limits.count - 1] + String(scalar).utf8.count) }
        for limit in limits {
          if let fast = HeadingMarker.commonHeading(at: 0, limit: limit, in: p) {
            #expect(fast == HeadingMarker.generalHeading(at: 0, limit: limit, in: p), "\(run) \(limit)")
            common += 1
          }
          if HeadingMarker.startsNumeralWord(at: 0, limit: limit, in: p) {
            #expect(HeadingMarker.generalHeading(at: 0, limit: limit, in: p) == nil, "\(run) \(limit)")
            common += 1
          }
          if let fast = HeadingMarker.commonItem(at: 0, limit: limit, in: p) {
            #expect(fast == HeadingMarker.generalItem(at: 0, limit: limit, in: p), "\(run) \(limit)")
            common += 1
          }
        }
      }
    }
    for a in alphabet {
      for b in alphabet {
        for c in alphabet {
          check([a, b, c])
          for d in alphabet { check([a, b, c, d]) }
        }
      }
    }
    #expect(common > 1000)
    func reading(_ text: String, item: Bool = false) -> HeadingMarker.Match? {
      let bytes = Array(text.utf8)
      return bytes.withUnsafeBufferPointer { p in
        item
          ? HeadingMarker.commonItem(at: 0, limit: p.count, in: p)
          : HeadingMarker.commonHeading(at: 0, limit: p.count, in: p)
      }
    }
    #expect(reading("三、") == HeadingMarker.Match(level: 1, ordinal: 3, end: 6))
    #expect(reading("（十）") == HeadingMarker.Match(level: 2, ordinal: 10, end: 9))
    #expect(reading("兩是", item: true) == HeadingMarker.Match(level: 0, ordinal: 2, end: 6))
    #expect(reading("零、") == nil && reading("（〇）") == nil && reading("（一") == nil)
    #expect(reading("12.选") == HeadingMarker.Match(level: 3, ordinal: 12, end: 3))
    #expect(reading("1、选") == HeadingMarker.Match(level: 3, ordinal: 1, end: 4))
    #expect(reading("1.5") == nil && reading("123.选") == nil && reading("0.选") == nil)
    #expect(reading("(一)") == HeadingMarker.Match(level: 2, ordinal: 1, end: 5))
    #expect(reading("（二)") == HeadingMarker.Match(level: 2, ordinal: 2, end: 7))
    #expect(reading("（12）") == HeadingMarker.Match(level: 4, ordinal: 12, end: 8))
    #expect(reading("(7)") == HeadingMarker.Match(level: 4, ordinal: 7, end: 3))
    #expect(reading("1．选") == HeadingMarker.Match(level: 3, ordinal: 1, end: 4))
    let words = ["一是", "十选", "两a", "一二", "一十", "一、", "第一"].map { text in
      Array(text.utf8).withUnsafeBufferPointer { HeadingMarker.startsNumeralWord(at: 0, limit: $0.count, in: $0) }
    }
    #expect(words == [true, true, false, false, false, false, false])
    #expect(reading("(0)") == nil && reading("(123)") == nil && reading("(一二)") == nil && reading("(1") == nil)
  }
}
