import Testing

@testable import GongwenKit

@Suite("MeasureWord.match: the slot table finds exactly the units of the plain switch")
struct MeasureWordLookupTests {
  typealias Found = (role: MeasureWord.Role, unit: MeasureWord.Unit, code: UInt32, end: Int)

  /// The switch on the folded first scalar that the table replaced.
  func plainMatch(at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> Found? {
    guard i < limit else { return nil }
    let (raw, len) = ScalarReader.scalar(at: i, in: p)
    let j = i + len
    func next(_ want: UInt32, at j: Int) -> Int? {
      guard j < limit else { return nil }
      let (v, len) = ScalarReader.scalar(at: j, in: p)
      return ScriptFolding.fold(v) == want ? j + len : nil
    }
    switch ScriptFolding.fold(raw) {
    case 0x25: return (.percent, .percent, 0x25, j)
    case 0x4E2A:
      if let e = next(0x767E, at: j).flatMap({ next(0x5206, at: $0) }).flatMap({ next(0x70B9, at: $0) }) { return (.points, .points, 0, e) }
      if let e = next(0x6708, at: j) { return (.duration, .months, 0, e) }
      return (.count, .piece, 0x4E2A, j)
    case 0x767E:
      guard let e = next(0x5206, at: j).flatMap({ next(0x70B9, at: $0) }) else { return nil }
      return (.points, .points, 0, e)
    case 0x5468:
      guard let e = next(0x5C81, at: j) else { return nil }
      return (.age, .age, 0x5C81, e)
    case 0x5C81: return (.age, .age, 0x5C81, j)
    case 0x4EBA:
      if let e = next(0x6B21, at: j) { return (.count, .personTimes, 0, e) }
      return (.count, .person, 0x4EBA, j)
    case 0x5206:
      guard let e = next(0x4E4B, at: j) else { return nil }
      return (.fraction, .fraction, 0, e)
    case 0x5E74: return (.year, .year, 0x5E74, j)
    case 0x6708: return (.month, .month, 0x6708, j)
    case 0x65E5: return (.day, .day, 0x65E5, j)
    case 0x53F7: return (.day, .number, 0x53F7, j)
    case 0x6210: return (.tenth, .tenth, 0x6210, j)
    case 0x540D: return (.count, .name, 0x540D, j)
    case let v where MeasureWord.Unit.countScalars.contains(v): return (.count, .count(v), v, j)
    default: return nil
    }
  }

  func same(_ text: String, limitCut: Int = 0) -> Bool {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { p in
      let limit = bytes.count - limitCut
      let plain = plainMatch(at: 0, limit: limit, in: p)
      let fast = MeasureWord.match(at: 0, limit: limit, in: p, han: ScriptFolding.hanTable, lookup: .shared)
      guard let plain, let fast else { return plain == nil && fast == nil }
      return plain.role == fast.entry.role && plain.unit == fast.entry.unit && plain.code == fast.entry.code
        && plain.end == fast.end
    }
  }

  @Test("every BMP scalar, alone and before a following character")
  func everyScalar() {
    var mismatches: [UInt32] = []
    for v in UInt32(1)..<0x10000 {
      guard let s = Unicode.Scalar(v) else { continue }
      let text = String(Character(s))
      if !same(text) || !same(text + "人") { mismatches.append(v) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }

  @Test("longer units, in both scripts, whole and cut by the limit")
  func longerUnits() {
    let texts = [
      "个百分点", "個百分點", "个月", "個月", "个", "百分点", "百分", "百", "周岁", "週歲", "周", "人次", "人", "分之", "分", "％", "%",
      "歲", "名", "届", "屆", "位",
    ]
    for text in texts {
      for cut in 0..<text.utf8.count { #expect(same(text, limitCut: cut), "\(text) cut \(cut)") }
    }
  }
}
