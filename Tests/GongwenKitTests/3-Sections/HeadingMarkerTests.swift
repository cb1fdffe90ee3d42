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
}
