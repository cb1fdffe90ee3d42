import Testing

@testable import GongwenKit

@Suite("Name table")
struct NameTableTests {
  /// Counts over `names` in turn, each name the subject of one and the base of the next.
  static func table(_ names: [String]) -> NameTable {
    var h = HandFigures(names.map { _ in "1人" }.joined(separator: ","))
    for (k, name) in names.enumerated() { h.count("1人", 1, subject: name, base: k > 0 ? names[k - 1] : "") }
    return NameTable(h.figures)
  }

  @Test("plain Chinese names get ids by their bytes: equal names share one")
  func bytes() {
    let t = Self.table(["代表", "男性", "代表", "Ｘ镇代表"])
    #expect(t.isByBytes)
    #expect(t.subjects == [0, 1, 0, 2])
    #expect(t.bases == [-1, 0, 1, 0])
    #expect(t.count == 3)
  }

  @Test("a name outside plain NFC gives the file String keys: canonically equal names share one id", arguments: [
    ("caf\u{E9}代表", "cafe\u{301}代表"), ("\u{F900}代表", "\u{8C48}代表"),
  ])
  func strings(_ one: String, _ other: String) {
    let t = Self.table([one, "男性", other])
    #expect(!t.isByBytes)
    #expect(t.subjects[0] == t.subjects[2])
    #expect(t.subjects[0] != t.subjects[1])
  }

  @Test("names compared by their bytes match as Strings do: canonically equal names are the same", arguments: [
    ("男性", "男性", true), ("男性", "女性", false), ("男", "男性", false), ("", "", true),
    ("caf\u{E9}代表", "cafe\u{301}代表", true), ("\u{F900}代表", "\u{8C48}代表", true), ("caf\u{E9}", "cafe", false),
  ])
  func sameName(_ one: String, _ other: String, _ same: Bool) {
    let a = Array(one.utf8)
    let b = Array(other.utf8)
    let result = a.withUnsafeBufferPointer { p in b.withUnsafeBufferPointer { NameTable.sameName(p, $0) } }
    #expect(result == same && result == (one == other))
  }

  @Test("a percent of a decomposed base finds the count of its precomposed subject")
  func canonicalBase() {
    var h = HandFigures("caf\u{E9}代表100人,其中男60人,占60%")
    h.count("100人", 100, subject: "caf\u{E9}代表")
    h.count("60人", 60, subject: "男", base: "cafe\u{301}代表")
    h.percent("60%", "60", subject: "男", base: "cafe\u{301}代表")
    #expect(h.context.shareTotals == [-1, -1, 0])
    let context = h.context
    #expect(context.breakdowns.map { $0.total.map { context.figures[$0].text } } == ["100人"])
  }

  @Test("percent-mismatch finds the count of a percent's subject by name id: canonically equal, not merely similar")
  func partByID() {
    for (countSubject, found) in [("cafe\u{301}", true), ("caf\u{E9}", true), ("cafe", false)] {
      var h = HandFigures("代表100人,其中\(countSubject)60人,占90%")
      h.count("100人", 100, subject: "代表")
      h.count("60人", 60, subject: countSubject, base: "代表")
      h.percent("90%", "90", subject: "caf\u{E9}", base: "代表")
      #expect(h.findings("percent-mismatch").count == (found ? 1 : 0), "\(countSubject)")
    }
  }

  @Test("names of every length up to 24 bytes differing in any one byte get different ids; equal ones share")
  func everyLengthAndByte() {
    for n in 1...24 {
      let name = String((0..<n).map { Character(Unicode.Scalar(UInt8(0x61 + $0 % 26))) })
      var names = [name]
      for k in 0..<n {
        var bytes = Array(name.utf8)
        bytes[k] = 0x30
        names.append(String(decoding: bytes, as: UTF8.self))
      }
      names.append(name)
      let t = Self.table(names)
      #expect(t.subjects == (0...n).map(Int32.init) + [0], "length \(n)")
      for other in names.dropFirst().dropLast() {
        let same = name.utf8.withContiguousStorageIfAvailable { a in
          other.utf8.withContiguousStorageIfAvailable { NameTable.sameName(a, $0) }
        }
        #expect(same == false, "\(other)")
      }
    }
  }
}
