/// The words that may follow a number and decide what it counts: % (a share), 个百分点 (a change), 岁 (an age),
/// 人 名 个 … (a count), 年 月 日 (a date), 个月 (a duration, not a statistic).
enum MeasureWord {
  /// What a unit makes of the number before it.
  enum Role: Sendable, Hashable {
    case percent, points, age, count, duration, year, month, day, tenth, fraction
  }

  /// A unit: its role and the unit written in output (simplified).
  struct Entry: Sendable {
    let role: Role
    let unit: Unit
    /// The unit's one scalar (folded) for a one-character unit, else 0: compared instead of strings.
    let code: UInt32

    /// 人 名 个 may stand after an empty slot followed by punctuation: 代表名，.
    var blankAfterPunctuation: Bool { code == Self.person || code == Self.name || code == Self.piece }
    /// 人 or 名: counts of people.
    var countsPeople: Bool { code == Self.person || code == Self.name }

    static let person: UInt32 = 0x4EBA  // 人
    static let name: UInt32 = 0x540D  // 名
    static let piece: UInt32 = 0x4E2A  // 个
    static let seat: UInt32 = 0x4F4D  // 位
    static let term: UInt32 = 0x5C4A  // 届
    static let session: UInt32 = 0x671F  // 期
    static let number: UInt32 = 0x53F7  // 号
  }

  /// A unit as output writes it, by index into `names`: entries and drafts stay plain values, with no
  /// String to retain and release on every copy.
  struct Unit: Sendable, Hashable {
    let index: UInt8

    /// The unit as written in output (simplified).
    var name: String { Unit.names[Int(index)] }

    static let empty = Unit(index: 0)
    static let percent = Unit(index: 1)
    static let points = Unit(index: 2)
    static let months = Unit(index: 3)
    static let piece = Unit(index: 4)
    static let age = Unit(index: 5)
    static let personTimes = Unit(index: 6)
    static let person = Unit(index: 7)
    static let fraction = Unit(index: 8)
    static let year = Unit(index: 9)
    static let month = Unit(index: 10)
    static let day = Unit(index: 11)
    static let number = Unit(index: 12)
    static let tenth = Unit(index: 13)
    static let name = Unit(index: 14)

    /// 位 户 项 件 篇 届 期 场 轮 份 条 处 起 次 家 支 组 种 类 座 所 张 台 辆 批: one-character count units, from
    /// index 15 on.
    static let countScalars: [UInt32] = [
      0x4F4D, 0x6237, 0x9879, 0x4EF6, 0x7BC7, 0x5C4A, 0x671F, 0x573A, 0x8F6E, 0x4EFD, 0x6761, 0x5904, 0x8D77, 0x6B21,
      0x5BB6, 0x652F, 0x7EC4, 0x79CD, 0x7C7B, 0x5EA7, 0x6240, 0x5F20, 0x53F0, 0x8F86, 0x6279,
    ]

    static let names: [String] =
      ["", "%", "个百分点", "个月", "个", "岁", "人次", "人", "分之", "年", "月", "日", "号", "成", "名"]
      + countScalars.map { String(Unicode.Scalar($0) ?? "?") }

    /// The unit of a one-character count unit (one of `countScalars`).
    static func count(_ v: UInt32) -> Unit {
      var k = 0
      while k < countScalars.count && countScalars[k] != v { k += 1 }
      return Unit(index: UInt8(15 + k))
    }
  }

  /// The unit at `i`, longest first where one unit begins another (个百分点, 个月, 个). It is asked after every
  /// number: one load from `lookup` names the unit of the first scalar (no chain of comparisons to mispredict),
  /// and only 个 百 周 人 分 look further.
  @inline(__always)
  static func match(at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>, han: [UInt16], lookup: Lookup) -> (
    entry: Entry, end: Int
  )? {
    guard i < limit else { return nil }
    let (raw, len) = ScalarReader.scalar(at: i, in: p)
    let j = i + len
    let slot: Int
    if raw &- 0x4E00 < 0x5200 {
      slot = Int(lookup.slots[Int(raw &- 0x4E00)])
    } else {
      // Outside the Han block only % and ％ fold to a unit.
      guard raw == 0x25 || raw == 0xFF05 else { return nil }
      slot = Lookup.percent
    }
    guard slot != 0 else { return nil }
    if slot >= Lookup.firstPlain { return (lookup.entries[slot], j) }
    return matchLonger(slot: slot, after: j, limit: limit, in: p, han: han)
  }

  /// The units that begin with 个 百 周 人 分: 个百分点, 个月, 百分点, 周岁, 人次, 分之.
  private static func matchLonger(slot: Int, after j: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>, han: [UInt16]) -> (
    entry: Entry, end: Int
  )? {
    switch slot {
    case Lookup.piece:  // 个
      if let e = next(0x767E, at: j, limit: limit, in: p, han: han).flatMap({ next(0x5206, at: $0, limit: limit, in: p, han: han) })
        .flatMap({ next(0x70B9, at: $0, limit: limit, in: p, han: han) })
      {
        return (Entry(role: .points, unit: .points, code: 0), e)
      }
      if let e = next(0x6708, at: j, limit: limit, in: p, han: han) { return (Entry(role: .duration, unit: .months, code: 0), e) }
      return (Entry(role: .count, unit: .piece, code: 0x4E2A), j)
    case Lookup.hundred:  // 百分点
      guard let e = next(0x5206, at: j, limit: limit, in: p, han: han).flatMap({ next(0x70B9, at: $0, limit: limit, in: p, han: han) }) else {
        return nil
      }
      return (Entry(role: .points, unit: .points, code: 0), e)
    case Lookup.week:  // 周岁
      guard let e = next(0x5C81, at: j, limit: limit, in: p, han: han) else { return nil }
      return (Entry(role: .age, unit: .age, code: 0x5C81), e)
    case Lookup.person:  // 人, 人次
      if let e = next(0x6B21, at: j, limit: limit, in: p, han: han) { return (Entry(role: .count, unit: .personTimes, code: 0), e) }
      return (Entry(role: .count, unit: .person, code: 0x4EBA), j)
    default:  // 分之
      guard let e = next(0x4E4B, at: j, limit: limit, in: p, han: han) else { return nil }
      return (Entry(role: .fraction, unit: .fraction, code: 0), e)
    }
  }

  /// The unit of every Han scalar as written (either script), by slot: 0 none; 1…5 the first characters of
  /// longer units (个 百 周 人 分); from `firstPlain` on an index into `entries` of a one-character unit.
  /// Held by the scan (each read of a static is a call).
  struct Lookup: Sendable {
    /// One slot per scalar U+4E00…U+9FFF.
    let slots: [UInt8]
    let entries: [Entry]

    static let piece = 1
    static let hundred = 2
    static let week = 3
    static let person = 4
    static let fraction = 5
    static let percent = 6
    static let firstPlain = 6

    static let shared = Lookup()

    private init() {
      // Slots by folded scalar first, then one pass over the folding table: built once per process, and a
      // dictionary lookup per Han scalar cost some 6M instructions.
      var bySimplified = [UInt8](repeating: 0, count: 0x5200)
      for (v, slot) in [(UInt32(0x4E2A), Self.piece), (0x767E, Self.hundred), (0x5468, Self.week), (0x4EBA, Self.person), (0x5206, Self.fraction)] {
        bySimplified[Int(v - 0x4E00)] = UInt8(slot)
      }
      var entries = [Entry](repeating: Entry(role: .count, unit: .empty, code: 0), count: Self.firstPlain)
      entries.append(Entry(role: .percent, unit: .percent, code: 0x25))
      func add(_ v: UInt32, _ role: Role, _ unit: Unit) {
        bySimplified[Int(v - 0x4E00)] = UInt8(entries.count)
        entries.append(Entry(role: role, unit: unit, code: v))
      }
      add(0x5C81, .age, .age)  // 岁
      add(0x5E74, .year, .year)  // 年
      add(0x6708, .month, .month)  // 月
      add(0x65E5, .day, .day)  // 日
      add(0x53F7, .day, .number)  // 号
      add(0x6210, .tenth, .tenth)  // 成
      add(0x540D, .count, .name)  // 名
      for v in Unit.countScalars { add(v, .count, Unit.count(v)) }
      let han = ScriptFolding.hanTable
      var slots = [UInt8](repeating: 0, count: 0x5200)
      for k in 0..<0x5200 {
        let folded = ScriptFolding.fold(UInt32(0x4E00 + k), table: han)
        slots[k] = bySimplified[Int(folded - 0x4E00)]
      }
      self.slots = slots
      self.entries = entries
    }
  }

  /// The end of the scalar at `j` when it folds to `want`.
  @inline(__always)
  private static func next(_ want: UInt32, at j: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>, han: [UInt16]) -> Int? {
    guard j < limit else { return nil }
    let (v, len) = ScalarReader.scalar(at: j, in: p)
    return ScriptFolding.fold(v, table: han) == want ? j + len : nil
  }

  /// Whether a measure word standing with no number before it may be a blank (共有名选民, 占%, 岁以上名,
  /// 少。个百分点, 月日): 人 名 个 百(分点) 岁 周(岁) 月, in either script (no folding on the hot path).
  @inline(__always)
  static func mayStartBlank(_ v: UInt32) -> Bool {
    switch v {
    case 0x4EBA, 0x540D, 0x4E2A, 0x500B, 0x767E, 0x5C81, 0x6B72, 0x5468, 0x9031, 0x6708, 0x671F, 0x5E74: true  // 個 歲 週 unfolded
    default: false
    }
  }

  /// The scalars (folded) that may start a unit after a Chinese numeral: a measure word, 余, 多, 分之, 成, 点.
  /// A bitmap: asked after every run of numerals in prose (一是, 统一), where a chain of comparisons
  /// mispredicts.
  static let numeralFollowers = ScalarSet([
    0x4E2A, 0x767E, 0x5468, 0x5C81, 0x4EBA, 0x5206, 0x5E74, 0x6708, 0x65E5, 0x53F7, 0x6210, 0x540D, 0x4F4D, 0x6237,
    0x9879, 0x4EF6, 0x7BC7, 0x5C4A, 0x671F, 0x573A, 0x8F6E, 0x4EFD, 0x6761, 0x5904, 0x8D77, 0x6B21, 0x5BB6, 0x652F,
    0x7EC4, 0x79CD, 0x7C7B, 0x5EA7, 0x6240, 0x5F20, 0x53F0, 0x8F86, 0x6279, 0x4F59, 0x591A, 0x70B9, 0x25,
  ])
}
