/// Values of Chinese numeral characters and small numerals such as 二十二 or 一百零六.
enum ChineseNumeral {
  /// The digit value of 〇零一二两三四五六七八九 (and 兩), or nil.
  @inline(__always)
  static func digit(_ v: UInt32) -> Int? {
    switch v {
    case 0x3007, 0x96F6: 0  // 〇 零
    case 0x4E00: 1  // 一
    case 0x4E8C, 0x4E24, 0x5169: 2  // 二 两 兩
    case 0x4E09: 3
    case 0x56DB: 4
    case 0x4E94: 5
    case 0x516D: 6
    case 0x4E03: 7
    case 0x516B: 8
    case 0x4E5D: 9
    default: nil
    }
  }

  /// The multiplier of 十百千万亿 (and 萬 億), or nil.
  @inline(__always)
  static func unit(_ v: UInt32) -> Int64? {
    switch v {
    case 0x5341: 10  // 十
    case 0x767E: 100  // 百
    case 0x5343: 1000  // 千
    case 0x4E07, 0x842C: 10_000  // 万 萬
    case 0x4EBF, 0x5104: 100_000_000  // 亿 億
    default: nil
    }
  }

  /// Whether `v` is part of a Chinese numeral.
  @inline(__always)
  static func isNumeral(_ v: UInt32) -> Bool { digit(v) != nil || unit(v) != nil }

  /// The value of a run of numeral scalars: 二十二 → 22, 一千一百八十五 → 1185, 十二万三千四百五十六 → 123456,
  /// 三〇六 → 306 (digit by digit when no unit appears). Nil when empty or overflowing.
  static func value(of scalars: some Collection<UInt32>) -> Int64? {
    guard !scalars.isEmpty else { return nil }
    if !scalars.contains(where: { unit($0) != nil }) {
      var v: Int64 = 0
      for s in scalars {
        guard let d = digit(s) else { return nil }
        let (m, o1) = v.multipliedReportingOverflow(by: 10)
        if o1 { return nil }
        v = m + Int64(d)
      }
      return v
    }
    var total: Int64 = 0  // completed 亿 / 万 groups
    var section: Int64 = 0  // below 万
    var pending: Int64 = -1  // last digit not yet multiplied
    for s in scalars {
      if let d = digit(s) {
        pending = Int64(d)
      } else if let u = unit(s) {
        if u >= 10_000 {
          let group = section + max(pending, 0)
          let (m, o) = (group == 0 ? 1 : group).multipliedReportingOverflow(by: u)
          if o { return nil }
          total = total + m
          section = 0
        } else {
          section += (pending < 0 ? 1 : pending) * u
        }
        pending = -1
      } else {
        return nil
      }
    }
    return total + section + max(pending, 0)
  }
}
