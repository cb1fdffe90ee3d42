import Testing

@testable import GongwenKit

@Suite("FigureScan: the skip loop's tables stop exactly where the decoded-scalar test does")
struct FigureScanTableTests {
  /// The test the skip loop replaced: stop unless b0 leads a three-byte character whose scalar is not interesting.
  func plainStops(_ b0: Int, _ b1: Int, _ b2: Int) -> Bool {
    guard b0 & 0xF0 == 0xE0 else { return true }
    let v = (b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F)
    return FigureScan.interestingTable[v >> 6] & (1 << UInt64(v & 63)) != 0
  }

  @Test("every lead byte, every second byte, every low six bits of the third byte")
  func everyTriple() {
    let (rows, words) = FigureScan.skipTables
    var mismatches = 0
    for b0 in 0..<256 {
      for b1 in 0..<256 {
        let word = words[rows[b0] + b1]
        for b2 in 0..<64 where (word & (1 << UInt64(b2)) != 0) != plainStops(b0, b1, b2 | 0x80) { mismatches += 1 }
      }
    }
    #expect(mismatches == 0)
  }

  @Test("the table stops at numerals, measure words and punctuation, and passes plain Han characters")
  func knownCharacters() {
    let (rows, words) = FigureScan.skipTables
    func stops(_ s: String) -> Bool {
      let b = Array(s.utf8)
      return words[rows[Int(b[0])] + Int(b[1])] & (1 << UInt64(b[2] & 63)) != 0
    }
    for s in ["一", "百", "人", "名", "岁", "歲", "，", "。", "５", "％", "ｘ"] { #expect(stops(s), "\(s)") }
    for s in ["选", "民", "党", "员", "率", "、", "的"] { #expect(!stops(s), "\(s)") }
  }
}

@Suite("FigureScan: the skip loop, two characters a round, against a plain loop")
struct FigureScanSkipTests {
  /// Where a plain loop stops: at the first character from `i` that is not a three-byte one whose scalar is
  /// uninteresting, or where fewer than three bytes remain before `hi`.
  func plainSkip(from i: Int, hi: Int, in p: UnsafeBufferPointer<UInt8>) -> Int {
    var k = i
    while k + 2 < hi, p[k] & 0xF0 == 0xE0 {
      let v = Int(p[k] & 0x0F) << 12 | Int(p[k + 1] & 0x3F) << 6 | Int(p[k + 2] & 0x3F)
      if FigureScan.interestingTable[v >> 6] & (1 << UInt64(v & 63)) != 0 { break }
      k += 3
    }
    return k
  }

  /// Texts of every length up to 40 characters from plain Han, interesting Han and punctuation, ASCII,
  /// two-byte and four-byte characters, mixed by a fixed generator; the skip is asked from every boundary,
  /// with the scan ending at every boundary too (short tails, odd and even runs).
  @Test("every start and end in mixed texts")
  func mixedTexts() {
    let pieces = ["选", "民", "党", "员", "率", "一", "人", "，", "。", "a", "7", "\n", "×", "é", "𠀀", "５", "％"]
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    var mismatches = 0
    let (rows, words) = FigureScan.skipTables
    for length in 0...40 {
      for _ in 0..<6 {
        var text = ""
        for _ in 0..<length {
          seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          // Plain characters two times in three, as in prose.
          let r = Int(seed >> 33)
          text += r % 3 != 0 ? pieces[r % 5] : pieces[r % pieces.count]
        }
        let bytes = Array(text.utf8)
        var boundaries = [0]
        for (k, b) in bytes.enumerated() where k > 0 && b & 0xC0 != 0x80 { boundaries.append(k) }
        boundaries.append(bytes.count)
        bytes.withUnsafeBufferPointer { p in
          rows.withUnsafeBufferPointer { rows in
            words.withUnsafeBufferPointer { words in
              for hi in boundaries {
                var storage: [FigureDraft] = []
                let scan = FigureScan(p: p, range: 0..<hi, storage: &storage, skip: (rows, words))
                for i in boundaries where i < hi && scan.skipPlainThreeByte(from: i) != plainSkip(from: i, hi: hi, in: p) {
                  mismatches += 1
                }
              }
            }
          }
        }
      }
    }
    #expect(mismatches == 0)
  }
}

@Suite("FigureScan: keywords tested by their bytes first")
struct FigureScanByteTests {
  /// 其中, 另有 and 均 are looked for by the bytes of 其, 另 and 均 before their folded match: right only
  /// while no other scalar folds to them.
  @Test("nothing but 其 folds to 其, nor to 另 or 均 but themselves", arguments: [UInt32(0x5176), 0x53E6, 0x5747])
  func onlyItselfFolds(_ target: UInt32) {
    let others = (UInt32(0x20)..<0x10000).filter { $0 != target && ScriptFolding.fold($0) == target }
    #expect(others.isEmpty)
  }

  /// 。个百分点 is looked for by the bytes of 个 and 個 after 。: right only while they alone fold to 个.
  @Test("only 个 and 個 fold to 个")
  func pieceForms() {
    let forms = (UInt32(0x20)..<0x10000).filter { ScriptFolding.fold($0) == 0x4E2A }
    #expect(forms == [0x4E2A, 0x500B])
    #expect(Array("个個".utf8) == [0xE4, 0xB8, 0xAA, 0xE5, 0x80, 0x8B])
  }
}

@Suite("FigureScan: place suffixes as written")
struct FigureScanPlaceTests {
  @Test("the forms tested are exactly the Han characters that fold to 区 镇 乡 县 市")
  func suffixForms() {
    for v in UInt32(0x20)..<0x10000 {
      let folds = FigureScan.placeSuffixes.contains(ScriptFolding.fold(v))
      if folds != FigureScan.placeSuffixForms.contains(v) { Issue.record("U+\(String(v, radix: 16))") }
    }
    #expect(FigureScan.placeSuffixForms.contains(0x5340))  // 區
  }
}

@Suite("FigureScan: 人 before a Han character, rejected from its bytes")
struct FigureScanPersonTests {
  /// 人 followed by every BMP scalar (and by nothing, and cut short by the scan's end): where the byte test
  /// says 人 is no blank, the decoded test must say so too, and it must say so for plain words (人员, 人民).
  @Test("every following scalar and every end of the scan")
  func everyFollower() {
    let (rows, words) = FigureScan.skipTables
    var disagreements: [UInt32] = []
    var rejectedWords = 0
    for v in UInt32(1)..<0x10000 {
      guard let s = Unicode.Scalar(v) else { continue }
      let bytes = Array(("人" + String(Character(s)) + "。").utf8)
      bytes.withUnsafeBufferPointer { p in
        rows.withUnsafeBufferPointer { rows in
          words.withUnsafeBufferPointer { words in
            for hi in 3...bytes.count {
              var storage: [FigureDraft] = []
              var scan = FigureScan(p: p, range: 0..<hi, storage: &storage, skip: (rows, words))
              if scan.isPersonBeforeHan(at: 0) {
                if !scan.rejectsBlankPersonOrName(at: 0) { disagreements.append(v) }
                if v == 0x5458 || v == 0x6C11 { rejectedWords += 1 }
              }
            }
          }
        }
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    #expect(rejectedWords > 0)
  }

  @Test("人 before 占, 佔, a comma or the end is left to the full test")
  func notRejected() {
    let (rows, words) = FigureScan.skipTables
    for text in ["人占", "人佔", "人，", "人", "人\n", "人a"] {
      let bytes = Array(text.utf8)
      bytes.withUnsafeBufferPointer { p in
        rows.withUnsafeBufferPointer { rows in
          words.withUnsafeBufferPointer { words in
            var storage: [FigureDraft] = []
            let scan = FigureScan(p: p, range: 0..<bytes.count, storage: &storage, skip: (rows, words))
            #expect(!scan.isPersonBeforeHan(at: 0), "\(text)")
          }
        }
      }
    }
  }
}

@Suite("FigureScan: the quick reject of change verbs")
struct FigureScanChangeTests {
  /// `changeSign` returns nil at once when the scalar before the number is not in `changeLastScalars`: right
  /// only while that set holds every scalar the full test could act on.
  @Test("every scalar that folds to a verb's last character, ends a word of `between`, or is a stray 。 is in the set")
  func everyScalar() {
    var missing: [UInt32] = []
    for v in UInt32(0)..<0x10000 {
      let matters =
        FigureScan.verbEnds.contains(ScriptFolding.fold(v)) || FigureScan.between.mayEnd(with: v) || v == 0x3002 || v == 0x3F
        || v == 0xFF1F
      if matters && !FigureScan.changeLastScalars.contains(v) { missing.append(v) }
    }
    #expect(missing.isEmpty, "\(missing.prefix(10))")
    #expect(FigureScan.changeLastScalars.contains(0x9AD8) && FigureScan.changeLastScalars.contains(0x9054))  // 高 達
  }
}

@Suite("FigureScan: what continues a numeral, as one bitmap")
struct FigureScanNumeralTests {
  /// `isLoneNumeralInProse` and `chineseNumber` ask `numeralContinuations` for what was a numeral test, a fold
  /// and a follower test.
  @Test("every scalar, BMP and beyond")
  func everyScalar() {
    var mismatches: [UInt32] = []
    for v in Array(UInt32(0)..<0x10000) + [0x10000, 0x20000, 0x10FFFF] {
      let plain = NumberScanner.numerals.contains(v) || MeasureWord.numeralFollowers.contains(ScriptFolding.fold(v))
      if plain != FigureScan.numeralContinuations.contains(v) { mismatches.append(v) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }
}
