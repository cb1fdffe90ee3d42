import Testing

@testable import GongwenKit

/// Texts of `pieces` drawn at random (a fixed seed), 20 of each length, with their scalar boundaries.
private func mixedTexts(_ pieces: [String], seed: UInt64, lengths: ClosedRange<Int>) -> [(bytes: [UInt8], boundaries: [Int])] {
  var seed = seed
  var texts: [(bytes: [UInt8], boundaries: [Int])] = []
  for length in lengths {
    for _ in 0..<20 {
      var text = ""
      for _ in 0..<length {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text += pieces[Int(seed >> 33) % pieces.count]
      }
      let bytes = Array(text.utf8)
      var boundaries = [0]
      for (k, b) in bytes.enumerated() where k > 0 && b & 0xC0 != 0x80 { boundaries.append(k) }
      boundaries.append(bytes.count)
      texts.append((bytes, boundaries))
    }
  }
  return texts
}

@Suite("SubjectFinder.trim: the walk that passes characters by their last byte cuts where the plain walk does")
struct SubjectTrimTests {
  /// The trim before the last-byte test: every scalar decoded on the walk back.
  func plainTrim(_ range: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    guard !range.isEmpty else { return range.lowerBound..<range.lowerBound }
    let (cuts, leading, trailing) = SubjectFinder.lists
    var lo = range.lowerBound
    var hi = range.upperBound
    var k = ScalarReader.previousBoundary(before: hi, in: p)
    while k > lo {
      let (v, before) = SubjectFinder.scalar(before: k, in: p)
      if before >= lo, cuts.mayEnd(with: v), cuts.matchBackward(endingAt: k, floor: lo, in: p) != nil {
        lo = k
        break
      }
      k = before
    }
    var changed = true
    while changed && lo < hi {
      changed = false
      if let m = leading.match(at: lo, limit: hi, in: p) { lo = m.end; changed = true }
      guard lo < hi else { break }
      if let m = trailing.matchBackward(endingAt: hi, floor: lo, in: p) { hi = m.start; changed = true }
    }
    return lo < hi ? lo..<hi : lo..<lo
  }

  @Test("every range between boundaries of mixed phrases")
  func everyRange() {
    let pieces = ["选", "民", "有", "共有", "其中", "中", "另有", "的", "在", "党员", "a", "7", "，", "é", "𠀀", "擁有", "員", "达"]
    var mismatches = 0
    for (bytes, boundaries) in mixedTexts(pieces, seed: 0x2545_F491_4F6C_DD1D, lengths: 0...14) {
      bytes.withUnsafeBufferPointer { p in
        for lo in boundaries {
          for hi in boundaries where hi >= lo {
            if SubjectFinder.trim(lo..<hi, in: p) != plainTrim(lo..<hi, in: p) { mismatches += 1 }
          }
        }
      }
    }
    #expect(mismatches == 0)
  }

  /// The phrase before `end` as it was found before the shared walk: scalar by scalar back, then trimmed.
  func plainPhrase(before end: Int, floor: Int, in p: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var j = end
    var n = 0
    while j > floor, n < SubjectFinder.maxScalars {
      let (v, k) = SubjectFinder.scalar(before: j, in: p)
      guard k >= floor, !SubjectFinder.isBreak(v) else { break }
      j = k
      n += 1
    }
    return plainTrim(j..<end, in: p)
  }

  @Test("the phrase from one walk back is the plain walk's, trimmed, for every end and floor")
  func phraseMatchesPlainWalk() {
    let pieces = ["选", "民", "有", "共有", "其中", "中", "另有", "的", "在", "党员", "a", "7", "，", "é", "𠀀", "擁有", "員", "达", "其"]
    var mismatches = 0
    var cuts = 0
    for (bytes, boundaries) in mixedTexts(pieces, seed: 0x9E37_79B9_7F4A_7C15, lengths: 0...24) {
      bytes.withUnsafeBufferPointer { p in
        for floor in boundaries {
          for end in boundaries where end >= floor {
            let phrase = SubjectFinder.phrase(before: end, floor: floor, in: p)
            if phrase != plainPhrase(before: end, floor: floor, in: p) { mismatches += 1 }
            if phrase.lowerBound > floor && phrase.lowerBound >= 3 && p[phrase.lowerBound - 1] == 0x89 { cuts += 1 }
          }
        }
      }
    }
    #expect(mismatches == 0)
    #expect(cuts > 100)  // the texts do cut after 有
  }

  @Test("the cut after 共有 and 其中, and none without them")
  func knownCuts() {
    for (text, expected) in [("全镇共有选民", "选民"), ("主任中有中共党员", "中共党员"), ("党员干部", "党员干部")] {
      let bytes = Array(text.utf8)
      let trimmed = bytes.withUnsafeBufferPointer { SubjectFinder.trim(0..<bytes.count, in: $0) }
      #expect(String(decoding: bytes[trimmed], as: UTF8.self) == expected)
    }
  }
}

@Suite("SubjectFinder.noun: one bitmap ends the noun where the fold, the stop set and the digit switch did")
struct SubjectNounTests {
  @Test("every BMP scalar")
  func everyScalar() {
    var mismatches: [UInt32] = []
    for v in UInt32(0)..<0x10000 {
      let plain = SubjectFinder.isBreak(v) || SubjectFinder.nounStops.contains(ScriptFolding.fold(v)) || ChineseNumeral.digit(v) != nil
      if plain != (SubjectFinder.isBreak(v) || SubjectFinder.nounEnds.contains(v)) { mismatches.append(v) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }

  @Test("the noun after every boundary of mixed text ends where the plain scalar walk ends it")
  func matchesPlainWalk() {
    let pieces = ["行政", "村", "选", "區", "的", "二", "〇", "a", "7", "，", "é", "𠀀", "統", "员", "个", "全"]
    var mismatches = 0
    var long = 0
    for (bytes, boundaries) in mixedTexts(pieces, seed: 0xD1B5_4A32_D192_ED03, lengths: 0...12) {
      bytes.withUnsafeBufferPointer { p in
        for start in boundaries {
          for limit in boundaries where limit >= start {
            var j = start
            var n = 0
            while j < limit, n < 8 {
              let (v, len) = ScalarReader.scalar(at: j, in: p)
              if SubjectFinder.isBreak(v) || SubjectFinder.nounEnds.contains(v) { break }
              j += len
              n += 1
            }
            let noun = SubjectFinder.noun(after: start, limit: limit, in: p)
            if noun != start..<j { mismatches += 1 }
            if noun.count >= 9 { long += 1 }
          }
        }
      }
    }
    #expect(mismatches == 0)
    #expect(long > 100)
  }

  @Test("个行政村统一 → 行政村; 个選區 → 選區; 名二 → nothing (a numeral ends it)")
  func knownNouns() {
    for (text, start, expected) in [("个行政村统一", 3, "行政村"), ("个選區", 3, "選區"), ("名二", 3, "")] {
      let bytes = Array(text.utf8)
      let noun = bytes.withUnsafeBufferPointer { SubjectFinder.noun(after: start, limit: bytes.count, in: $0) }
      #expect(String(decoding: bytes[noun], as: UTF8.self) == expected)
    }
  }
}
