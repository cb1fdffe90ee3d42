/// The figures of one sentence that break a stated total down: in 农村党支部书记306人,其中男子178人,
/// 占90.8%;女28人,占9.2%。 the total is 306 (subject 农村党支部书记) and the parts are 178 and 28 with
/// their percents (base 农村党支部书记).
///
/// Parts are grouped by sentence so that several breakdowns of one total (by sex, by age, by education)
/// stay apart.
struct Breakdown: Sendable {
  /// The name parts and percents share as their `base`.
  let base: String
  /// The count whose subject is `base`, the nearest before the parts; nil when the text states none.
  let total: Figure?
  /// Counts belonging to `base`, in text order.
  var parts: [Figure] = []
  /// Percents of `base`, in text order.
  var percents: [Figure] = []

  /// Whether the parts claim to cover the whole: men and women, an open lower and an open upper band
  /// (35岁以下 … 56岁以上, 大专以上 … 初中以下), or 主任 and 委员. Other lists (其中党员…) may be a selection.
  var isExhaustive: Bool { Self.covering(parts + percents) != nil }

  /// The figures of the one dimension among `figures` that claims to cover the whole, nil when none does:
  /// those naming a sex when both are named (男…女…); age bands when one is open below and another above
  /// (35岁以下 … 56岁以上); other open ends (大专以上 … 初中以下); posts (主任 … 委员). So 男性, 女性 and
  /// 35岁以下 in one sentence make a breakdown by sex, with the age band left out.
  static func covering(_ figures: [Figure]) -> [Figure]? {
    func pair(_ a: [UInt32], _ b: [UInt32], in group: [Figure]) -> Bool {
      group.contains { holds($0.subject, a) && !holds($0.subject, b) }
        && group.contains { holds($0.subject, b) && !holds($0.subject, a) }
    }
    func isSex(_ f: Figure) -> Bool { holds(f.subject, Word.male) || holds(f.subject, Word.female) }
    let sexes = figures.filter(isSex)
    if pair(Word.male, Word.female, in: sexes) { return sexes }
    let ages = figures.filter { holds($0.subject, Word.age) }
    if pair(Word.below, Word.above, in: ages) { return ages }
    let others = figures.filter { !holds($0.subject, Word.age) && !isSex($0) }
    if pair(Word.below, Word.above, in: others) { return others }
    let posts = figures.filter { holds($0.subject, Word.director) || holds($0.subject, Word.member) }
    if pair(Word.director, Word.member, in: posts) { return posts }
    return nil
  }

  /// Whether no one can be counted in two parts: an exhaustive breakdown, age bands, or education levels.
  /// Overlapping groups (党员, 妇女) may add up to more than their total.
  var isDisjoint: Bool {
    if isExhaustive { return true }
    let subjects = (parts + percents).map(\.subject)
    guard subjects.count >= 2 else { return false }
    return subjects.allSatisfy { Self.holds($0, Word.age) }
      || subjects.allSatisfy { s in Word.levels.contains { Self.holds(s, $0) } }
  }

  /// The words that tell dimensions apart, folded so that traditional subjects (歲, 學歷) match too.
  private enum Word {
    static let male = FoldedMatch.pattern("男")
    static let female = FoldedMatch.pattern("女")
    static let age = FoldedMatch.pattern("岁")
    static let below = FoldedMatch.pattern("以下")
    static let above = FoldedMatch.pattern("以上")
    static let director = FoldedMatch.pattern("主任")
    static let member = FoldedMatch.pattern("委员")
    static let levels = ["学历", "文化", "研究生", "本科", "大专", "中专", "高中", "初中", "小学"].map(FoldedMatch.pattern)
  }

  /// Whether `subject` holds `word`, compared scalar by scalar on its UTF-8 bytes.
  private static func holds(_ subject: String, _ word: [UInt32]) -> Bool {
    var subject = subject
    return subject.withUTF8 { FoldedMatch.contains(word, in: 0..<$0.count, p: $0) }
  }

  /// The sentence and document number of each figure: a new sentence starts after 。！？, a line break
  /// or a document boundary between two figures (text inside a figure, as in 90。5%, never splits).
  /// - Complexity: O(n) in the bytes between the first and the last figure.
  static func positions(of figures: [Figure], text: [UInt8], documents: [Range<Int>]) -> (
    sentences: [Int], documents: [Int]
  ) {
    var sentences: [Int] = []
    var owners: [Int] = []
    sentences.reserveCapacity(figures.count)
    owners.reserveCapacity(figures.count)
    var sentence = 0
    var previousEnd = -1
    var document = 0
    text.withUnsafeBufferPointer { p in
      for (k, figure) in figures.enumerated() {
        let start = min(figure.range.lowerBound, p.count)
        while document + 1 < documents.count && documents[document + 1].lowerBound <= start { document += 1 }
        if k > 0 && (document != owners[k - 1] || endsSentence(between: previousEnd, and: start, p)) {
          sentence += 1
        }
        sentences.append(sentence)
        owners.append(document)
        previousEnd = max(previousEnd, min(figure.range.upperBound, p.count))
      }
    }
    return (sentences, owners)
  }

  private static func endsSentence(between lower: Int, and upper: Int, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = max(lower, 0)
    while i < upper {
      let b = p[i]
      if b == 0x0A || b == 0x0D || b == 0x21 || b == 0x3F { return true }
      // 。 E3 80 82, ！ EF BC 81, ？ EF BC 9F
      if b == 0xE3, i + 2 < upper, p[i + 1] == 0x80, p[i + 2] == 0x82 { return true }
      if b == 0xEF, i + 2 < upper, p[i + 1] == 0xBC, p[i + 2] == 0x81 || p[i + 2] == 0x9F { return true }
      i += 1
    }
    return false
  }

  /// Groups `figures` (in text order) into breakdowns: counts and percents with the same base in one
  /// sentence, each with the latest count before it in its document whose subject is that base.
  static func all(in figures: [Figure], sentences: [Int], documents: [Int]) -> [Breakdown] {
    var out: [Breakdown] = []
    var open: [String: Int] = [:]  // base → index in `out`, within the current sentence
    var latestCount: [String: Figure] = [:]  // subject → count, within the current document
    for (k, figure) in figures.enumerated() {
      if k > 0 && sentences[k] != sentences[k - 1] { open.removeAll(keepingCapacity: true) }
      if k > 0 && documents[k] != documents[k - 1] { latestCount.removeAll(keepingCapacity: true) }
      guard figure.kind == .count || figure.kind == .percent else { continue }
      if !figure.base.isEmpty && figure.subject != figure.base {
        let index: Int
        if let existing = open[figure.base] {
          index = existing
        } else {
          out.append(Breakdown(base: figure.base, total: latestCount[figure.base]))
          index = out.count - 1
          open[figure.base] = index
        }
        if figure.kind == .count { out[index].parts.append(figure) } else { out[index].percents.append(figure) }
      }
      if figure.kind == .count && !figure.subject.isEmpty { latestCount[figure.subject] = figure }
    }
    return out
  }
}
