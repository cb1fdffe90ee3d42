/// `blank-number` (warning): a measure word, unit or percent sign whose number is missing, as when a
/// template was published without its figures filled in: 共有名选民, 占%, 岁以上名, 参选率为%,
/// 划分为个选区, 比上届少。个百分点. Dates with no digits (月日) are `placeholder-date`.
///
///     Before: 全区共有名选民参加投票选举
///     After:  全区共有3214名选民参加投票选举
struct BlankNumberRule: Rule {
  static let id = "blank-number"
  static let severity = Finding.Severity.warning
  static let summary = "A measure word, unit or % with its number missing: 共有名选民, 占%."

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    // Indices, not a copy of every figure: few are blank.
    let figures = context.figures
    for k in figures.indices where figures[k].flags.contains(.blank) && figures[k].kind != .date {
      let quoted = Self.quote(k, of: figures, in: context.text.bytes)
      findings.append(finding(message(subjectOf: k, of: figures, " has no number (", quoted, ")"), figure: k, of: figures))
    }
  }

  /// Figure `k` of `figures` quoted: a bare unit (名, %) with up to two characters before it, where the
  /// number should have stood (共有名, 达到%), stopping at punctuation (占% after a comma); a longer figure
  /// (下降了岁) as it is.
  static func quote(_ k: Int, of figures: [Figure], in bytes: [UInt8]) -> String {
    let end = min(figures[k].range.upperBound, bytes.count)
    var start = min(figures[k].range.lowerBound, end)
    // Scalars counted on the figure's bytes: its `text` is made only when returned.
    let isShort = figures.withUnsafeBufferPointer { fp in
      fp.baseAddress.map { Figure.withText(of: $0 + k) { t in t.count { $0 & 0xC0 != 0x80 } <= 2 } } ?? true
    }
    guard isShort else {
      return figures.withUnsafeBufferPointer { fp in
        fp.baseAddress.map { Figure.withText(of: $0 + k) { String(decoding: $0, as: UTF8.self) } } ?? ""
      }
    }
    bytes.withUnsafeBufferPointer { p in
      for _ in 0..<2 where start > 0 {
        let k = ScalarReader.previousBoundary(before: start, in: p)
        let v = ScriptFolding.fold(ScalarReader.scalar(at: k, in: p).value)
        let isLetterOrDigit = (v >= 0x30 && v <= 0x39) || (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A)
        let isPunctuation = (v < 0x80 && !isLetterOrDigit) || (v >= 0x3000 && v <= 0x303F)
        if isPunctuation { break }
        start = k
      }
    }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}
