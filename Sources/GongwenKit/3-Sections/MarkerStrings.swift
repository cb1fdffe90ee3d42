/// The common heading and item markers (一、 （一） (一) 1. 1、 （1） 一是 首先 …) as strings made once: a marker is
/// looked up by its bytes, several times cheaper than validating them into a new string. Others are made as
/// usual.
enum MarkerStrings {
  /// A marker's bytes (at most 16, zero-padded, read as two little-endian words) and its string.
  struct Entry {
    let low: UInt64
    let high: UInt64
    let count: Int
    let string: String
  }

  /// Open addressing by `slot`; `count` 0 marks a free slot.
  static let table: [Entry] = {
    var table = [Entry](repeating: Entry(low: 0, high: 0, count: 0, string: ""), count: slots)
    for marker in markers {
      let bytes = Array(marker.utf8)
      guard bytes.count <= 16 else { continue }
      let (low, high) = bytes.withUnsafeBufferPointer { key(0..<$0.count, $0) }
      var k = slot(low, high)
      while table[k].count != 0 { k = (k + 1) & (slots - 1) }
      table[k] = Entry(low: low, high: high, count: bytes.count, string: marker)
    }
    return table
  }()

  private static let slots = 1024

  /// What the table holds: numbers 1 to 30 in each common marker form, and the word markers.
  static let markers: [String] = {
    let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    func chinese(_ n: Int) -> String {
      let tens = n >= 20 ? digits[n / 10] + "十" : n >= 10 ? "十" : ""
      return tens + digits[n % 10]
    }
    var markers = ["首先", "其次", "再次", "最后", "其一", "其二", "其三"]
    for n in 1...30 {
      let c = chinese(n)
      markers += [c + "、", "（" + c + "）", "(" + c + ")", c + "是", "第" + c + "、", "第" + c + "部分", "第" + c + "是"]
      markers += ["\(n).", "\(n)、", "\(n)．", "（\(n)）", "(\(n))"]
    }
    return markers
  }()

  /// The bytes of `range` (at most 16, `range.lowerBound + 16` within `p`) as two zero-padded words.
  @inline(__always)
  static func key(_ range: Range<Int>, _ p: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
    var words: (UInt64, UInt64) = (0, 0)
    withUnsafeMutableBytes(of: &words) { w in
      for k in 0..<range.count { w[k] = p[range.lowerBound + k] }
    }
    return (UInt64(littleEndian: words.0), UInt64(littleEndian: words.1))
  }

  @inline(__always)
  static func slot(_ low: UInt64, _ high: UInt64) -> Int {
    Int(truncatingIfNeeded: ((low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD) >> 54)
  }

  /// The text of `range` (within `p`) as a string, `SectionParser.string` would make it.
  static func string(_ range: Range<Int>, _ p: UnsafeBufferPointer<UInt8>) -> String {
    let count = range.count
    guard count > 0, count <= 16, let base = p.baseAddress, range.lowerBound &+ 16 <= p.count else {
      return SectionParser.string(range, p)
    }
    // Two loads and masks instead of `key`'s byte loop: the 16 bytes lie within `p`.
    let raw = UnsafeRawPointer(base + range.lowerBound)
    var low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
    var high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    if count < 8 {
      low &= (1 &<< UInt64(8 * count)) &- 1
      high = 0
    } else if count < 16 {
      high &= (1 &<< UInt64(8 * (count - 8))) &- 1
    }
    return table.withUnsafeBufferPointer { t in
      var k = slot(low, high)
      while t[k].count != 0 {
        if t[k].low == low && t[k].high == high && t[k].count == count { return t[k].string }
        k = (k &+ 1) & (slots - 1)
      }
      return SectionParser.string(range, p)
    }
  }
}
