/// The words that may follow a number and decide what it counts: % (a share), 个百分点 (a change), 岁 (an age),
/// 人 名 个 … (a count), 年 月 日 (a date), 个月 (a duration, not a statistic).
enum MeasureWord {
  /// What a unit makes of the number before it.
  enum Role: Sendable, Hashable {
    case percent, points, age, count, duration, year, month, day, tenth, fraction
  }

  /// A unit: its folded pattern, its role and the unit string written in output (simplified).
  struct Entry: Sendable {
    let pattern: [UInt32]
    let role: Role
    let unit: String
    /// May stand after an empty slot as a blank (共有名选民, 选区个).
    let blankAfterPunctuation: Bool
  }

  /// Longest first where one unit begins another (个百分点 before 个月 before 个).
  static let entries: [Entry] = {
    var list: [(String, Role, Bool)] = [
      ("%", .percent, false), ("个百分点", .points, false), ("百分点", .points, false), ("个月", .duration, false),
      ("周岁", .age, false), ("岁", .age, false), ("人次", .count, false), ("分之", .fraction, false),
      ("年", .year, false), ("月", .month, false), ("日", .day, false), ("号", .day, false), ("成", .tenth, false),
      ("人", .count, true), ("名", .count, true), ("个", .count, true),
    ]
    for word in ["位", "户", "项", "件", "篇", "届", "期", "场", "轮", "份", "条", "处", "起", "次", "家", "支", "组", "种", "类", "座", "所", "张", "台", "辆", "批"] {
      list.append((word, .count, false))
    }
    return list.map { Entry(pattern: FoldedMatch.pattern($0.0), role: $0.1, unit: $0.0, blankAfterPunctuation: $0.2) }
  }()

  /// The first scalar of every entry, folded, for a quick reject.
  static let firstScalars: Set<UInt32> = Set(entries.compactMap(\.pattern.first))

  /// The unit at `i`, with its end offset.
  @inline(__always)
  static func match(at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> (entry: Entry, end: Int)? {
    guard i < limit else { return nil }
    let first = ScriptFolding.fold(ScalarReader.scalar(at: i, in: p).value)
    guard firstScalars.contains(first) else { return nil }
    for entry in entries where entry.pattern[0] == first {
      if let end = FoldedMatch.match(entry.pattern, at: i, limit: limit, in: p) { return (entry, end) }
    }
    return nil
  }
}
