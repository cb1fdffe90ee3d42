/// The figures of one sentence that break a stated total down: in 农村党支部书记306人,其中男子178人,
/// 占90.8%;女28人,占9.2%。 the total is 306 (subject 农村党支部书记) and the parts are 178 and 28 with
/// their percents (base 农村党支部书记).
///
/// Parts are grouped by sentence so that several breakdowns of one total (by sex, by age, by education)
/// stay apart.
struct Breakdown: Sendable {
  /// The first member, whose `base` names the breakdown (every member's base is that name), as an index
  /// into the figures grouped: the name is read only for a finding's message.
  let first: Int
  /// The count whose subject is `base`, the nearest before the parts, as an index into the figures grouped
  /// (a copy of the figure would retain its source); nil when the text states none.
  let total: Int?
  /// The member indices and words of every breakdown of the file, one after another (shared: four arrays
  /// per breakdown cost four allocations and four frees each); this breakdown's parts, then its percents.
  let members: Members
  /// Where this breakdown's parts lie in `members`.
  let partRange: Range<Int>
  /// Where this breakdown's percents lie in `members`.
  let percentRange: Range<Int>

  /// Counts belonging to `base`, in text order, as indices into the figures grouped (a copy of each
  /// figure would retain its source).
  var parts: ArraySlice<Int> { members.indices[partRange] }
  /// Percents of `base`, in text order, as indices into the figures grouped.
  var percents: ArraySlice<Int> { members.indices[percentRange] }
  /// The dimension words of each part's subject (parallel to `parts`), worked out once per name.
  var partWords: ArraySlice<Words> { members.words[partRange] }
  /// The dimension words of each percent's subject (parallel to `percents`).
  var percentWords: ArraySlice<Words> { members.words[percentRange] }

  /// The members of a file's breakdowns: figure indices and the words of their subjects (parallel).
  struct Members: Sendable {
    var indices: [Int] = []
    var words: [Words] = []
  }

  /// Whether the parts claim to cover the whole: men and women, an open lower and an open upper band
  /// (35岁以下 … 56岁以上, 大专以上 … 初中以下), or 主任 and 委员. Other lists (其中党员…) may be a selection.
  var isExhaustive: Bool { Self.dimension(partWords, percentWords) != nil }

  /// The parts (indices) of the dimension that claims to cover the whole (see `covering(_:)`).
  var coveringParts: ArraySlice<Int>? { Self.covering(parts, partWords) }
  /// The percents (indices) of the dimension that claims to cover the whole (see `covering(_:)`).
  var coveringPercents: ArraySlice<Int>? { Self.covering(percents, percentWords) }

  /// The figures of the one dimension among `figures` that claims to cover the whole, nil when none does:
  /// those naming a sex when both are named (男…女…); age bands when one is open below and another above
  /// (35岁以下 … 56岁以上); other open ends (大专以上 … 初中以下); posts (主任 … 委员). So 男性, 女性 and
  /// 35岁以下 in one sentence make a breakdown by sex, with the age band left out.
  static func covering(_ figures: [Figure]) -> [Figure]? {
    covering(figures[...], figures.map { $0.withSubject { words(inUTF8: $0) } }[...]).map(Array.init)
  }

  /// `figures` (parallel to `words`, with the same indices) of the covering dimension; the slice itself
  /// when all of them are (no copy).
  private static func covering<T>(_ figures: ArraySlice<T>, _ words: ArraySlice<Words>) -> ArraySlice<T>? {
    guard words.count == figures.count, words.startIndex == figures.startIndex, let dimension = dimension(words, [][...])
    else { return nil }
    if words.allSatisfy({ dimension.holds($0) }) { return figures }
    var out: [T] = []
    out.reserveCapacity(figures.count)
    for k in figures.indices where dimension.holds(words[k]) { out.append(figures[k]) }
    return out[...]
  }

  /// A way to split a whole: by sex, by age band, by another open-ended scale, by post.
  private enum Dimension {
    case sex, age, other, post

    /// Whether a figure with `words` belongs to this dimension.
    func holds(_ words: Words) -> Bool {
      switch self {
      case .sex: !words.isDisjoint(with: [.male, .female])
      case .age: words.contains(.age)
      case .other: !words.contains(.age) && words.isDisjoint(with: [.male, .female])
      case .post: !words.isDisjoint(with: [.director, .member])
      }
    }
  }

  /// The dimension that covers the whole among figures with the words of `first` and `second` (two lists,
  /// so that parts and percents need not be joined into a new array), nil when none does.
  private static func dimension(_ first: ArraySlice<Words>, _ second: ArraySlice<Words>) -> Dimension? {
    // Both ends of a pair, each without the other, within the dimension.
    func pair(_ a: Words, _ b: Words, _ dimension: Dimension) -> Bool {
      var hasA = false
      var hasB = false
      func look(_ words: Words) {
        guard dimension.holds(words) else { return }
        if words.contains(a) && !words.contains(b) { hasA = true }
        if words.contains(b) && !words.contains(a) { hasB = true }
      }
      for words in first { look(words) }
      for words in second { look(words) }
      return hasA && hasB
    }
    if pair(.male, .female, .sex) { return .sex }
    if pair(.below, .above, .age) { return .age }
    if pair(.below, .above, .other) { return .other }
    if pair(.director, .member, .post) { return .post }
    return nil
  }

  /// Whether no one can be counted in two parts: an exhaustive breakdown, age bands, or education levels.
  /// Overlapping groups (党员, 妇女) may add up to more than their total.
  var isDisjoint: Bool {
    if Self.dimension(partWords, percentWords) != nil { return true }
    guard partWords.count + percentWords.count >= 2 else { return false }
    func all(_ word: Words) -> Bool {
      partWords.allSatisfy { $0.contains(word) } && percentWords.allSatisfy { $0.contains(word) }
    }
    return all(.age) || all(.level)
  }

  /// The words of a subject that tell dimensions apart.
  struct Words: OptionSet, Sendable {
    let rawValue: UInt8
    static let male = Words(rawValue: 1 << 0)
    static let female = Words(rawValue: 1 << 1)
    static let age = Words(rawValue: 1 << 2)
    static let below = Words(rawValue: 1 << 3)
    static let above = Words(rawValue: 1 << 4)
    static let director = Words(rawValue: 1 << 5)
    static let member = Words(rawValue: 1 << 6)
    /// Any education level (学历, 本科, 初中…).
    static let level = Words(rawValue: 1 << 7)
  }

  /// The dimension words a subject's UTF-8 bytes `p` hold, compared scalar by scalar after folding (歲 as
  /// 岁). The subject is decoded and folded once, then every word is looked for in its scalars.
  static func words(inUTF8 p: UnsafeBufferPointer<UInt8>) -> Words {
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(p.count, 1)) { folded in
      var count = 0
      var i = 0
      while i < p.count {
        let (v, length) = ScalarReader.scalar(at: i, in: p)
        folded[count] = ScriptFolding.fold(v)
        count += 1
        i += length
      }
      // One pass over the scalars; at each, the words starting with it (one to three scalars each).
      var out: Words = []
      Word.byBucket.withUnsafeBufferPointer { words in
        Word.bucketStarts.withUnsafeBufferPointer { starts in
          for k in 0..<count {
            let v = folded[k]
            // Only the words whose first character has the low six bits of this one (most characters
            // start none: an empty bucket).
            let bucket = Int(v & 63)
            let (lower, upper) = (starts[bucket], starts[bucket + 1])
            guard lower < upper else { continue }
            let next = k + 1 < count ? folded[k + 1] : 0
            let after = k + 2 < count ? folded[k + 2] : 0
            for j in lower..<upper where words[j].first == v {
              let word = words[j]
              if (word.second == 0 || word.second == next) && (word.third == 0 || word.third == after) {
                out.insert(word.flag)
              }
            }
          }
        }
      }
      return out
    }
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

    /// Every word with its flag, as up to three folded scalars (0 for none; no word holds U+0000).
    static let all: [Entry] = {
      var out: [Entry] = []
      func add(_ pattern: [UInt32], _ flag: Words) {
        precondition(!pattern.isEmpty && pattern.count <= 3, "Breakdown.Word: a word of one to three scalars")
        out.append(
          Entry(first: pattern[0], second: pattern.count > 1 ? pattern[1] : 0, third: pattern.count > 2 ? pattern[2] : 0, flag: flag))
      }
      add(male, .male)
      add(female, .female)
      add(age, .age)
      add(below, .below)
      add(above, .above)
      add(director, .director)
      add(member, .member)
      for level in levels { add(level, .level) }
      return out
    }()

    /// `all` ordered by the low six bits of each word's first scalar (the order of a bucket's words does
    /// not matter: their flags are united).
    static let byBucket: [Entry] = all.sorted { $0.first & 63 < $1.first & 63 }

    /// Where each bucket of `byBucket` starts (65 offsets): the words whose first scalar has low bits `b`
    /// are `byBucket[bucketStarts[b]..<bucketStarts[b + 1]]`.
    static let bucketStarts: [Int] = {
      var starts = [Int](repeating: 0, count: 65)
      for word in all { starts[Int(word.first & 63) + 1] += 1 }
      for b in 0..<64 { starts[b + 1] += starts[b] }
      return starts
    }()

    struct Entry {
      let first: UInt32
      let second: UInt32
      let third: UInt32
      let flag: Words
    }
  }

  /// The sentence and document number of each figure: a new sentence starts after 。！？, a line break
  /// or a document boundary between two figures (text inside a figure, as in 90。5%, never splits).
  /// - Complexity: O(n) in the bytes between the first and the last figure.
  static func positions(of figures: [Figure], text: [UInt8], documents: [Range<Int>]) -> (
    sentences: [Int], documents: [Int]
  ) {
    // Both arrays written in place, the figures' ranges read through the buffer: a copy of each figure
    // would retain its source, and appends tested the capacity and uniqueness at every figure.
    var owners: [Int] = []
    let sentences = [Int](unsafeUninitializedCapacity: figures.count) { sentences, sentencesCount in
      owners = [Int](unsafeUninitializedCapacity: figures.count) { owners, ownersCount in
        var sentence = 0
        var previousEnd = -1
        var document = 0
        text.withUnsafeBufferPointer { p in
          figures.withUnsafeBufferPointer { fp in
            for k in fp.indices {
              let range = fp[k].range
              let start = min(range.lowerBound, p.count)
              let previous = document
              while document + 1 < documents.count && documents[document + 1].lowerBound <= start { document += 1 }
              if k > 0 && (document != previous || endsSentence(between: previousEnd, and: start, p)) {
                sentence += 1
              }
              sentences.initializeElement(at: k, to: sentence)
              owners.initializeElement(at: k, to: document)
              previousEnd = max(previousEnd, min(range.upperBound, p.count))
            }
          }
        }
        ownersCount = figures.count
      }
      sentencesCount = figures.count
    }
    return (sentences, owners)
  }

  /// Whether a sentence ends between `lower` and `upper`: a line end, ! or ?, or 。！？ ending before `upper`.
  static func endsSentence(between lower: Int, and upper: Int, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = max(lower, 0)
    // Sixteen offsets at a time while the bytes they test (two beyond) lie before `upper`.
    let raw = UnsafeRawBufferPointer(p)
    while i + 18 <= upper {
      let (one, three) = endsSentence(in: raw, at: i)
      if ByteLanes.any(one .| three) { return true }
      i += 16
    }
    // The rest (most gaps between figures are short) in one more block when the text holds it, offsets
    // at or past `upper` masked off: a one-byte end counts before `upper`, a three-byte end only whole.
    if i < upper && i + 18 <= p.count {
      let (one, three) = endsSentence(in: raw, at: i)
      let lanes = ByteLanes.Lanes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
      let limit = ByteLanes.Lanes(repeating: UInt8(upper - i))
      if ByteLanes.any((one .& (lanes .< limit)) .| (three .& (lanes &+ 2 .< limit))) { return true }
      i += 16
    }
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

  /// The offsets of the sixteen from `i` holding a one-byte sentence end (LF CR ! ?) and a three-byte one
  /// (。！？).
  @inline(__always)
  private static func endsSentence(in raw: UnsafeRawBufferPointer, at i: Int) -> (one: ByteLanes.Mask, three: ByteLanes.Mask) {
    typealias L = ByteLanes
    let (a, b, c) = L.loadThree(raw, i)
    let wideBC = L.eq(a, 0xEF) .& L.eq(b, 0xBC)
    return (
      L.eq(a, 0x0A) .| L.eq(a, 0x0D) .| L.eq(a, 0x21) .| L.eq(a, 0x3F),
      (L.eq(a, 0xE3) .& L.eq(b, 0x80) .& L.eq(c, 0x82)) .| (wideBC .& (L.eq(c, 0x81) .| L.eq(c, 0x9F)))
    )
  }

  /// Groups `figures` (in text order) into breakdowns: counts and percents with the same base in one
  /// sentence, each with the latest count before it in its document whose subject is that base. Only
  /// breakdowns of two figures or more are returned: one figure makes no sum and no pair.
  /// Also, for each percent with a base, the index of the latest count before it in its document whose
  /// subject is that base (-1 when none, or for other figures): the total a share is stated of, looked up
  /// in the same pass so that `percent-mismatch` needs no dictionary of its own.
  /// And the names' ids, which rules compare in place of the names.
  /// - Complexity: O(n) in the figures and the bytes of their names (ids from `NameTable`).
  static func all(in figures: [Figure], sentences: [Int], documents: [Int]) -> (
    breakdowns: [Breakdown], shareTotals: [Int], names: NameTable
  ) {
    let names = NameTable(figures)
    var shareTotals = [Int](repeating: -1, count: figures.count)
    // Working tables on the stack or in one plain allocation each: arrays cost a runtime type lookup, a
    // reference count and a release per file.
    let breakdowns = withUnsafeTemporaryAllocation(of: NameState.self, capacity: max(names.count, 1)) { byName in
      withUnsafeTemporaryAllocation(of: Group.self, capacity: max(figures.count, 1)) { groups in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: max(figures.count, 1)) { nextMember in
          byName.initialize(repeating: NameState())
          nextMember.initialize(repeating: -1)
          let count = group(figures, names, sentences, documents, byName, groups, nextMember, &shareTotals)
          return figures.withUnsafeBufferPointer {
            make(UnsafeMutableBufferPointer(rebasing: groups[..<count]), $0, names, nextMember)
          }
        }
      }
    }
    return (breakdowns, shareTotals, names)
  }

  /// The first pass of `all`: gathers the groups into `groups` (returning how many), links their members
  /// through `nextMember` and fills `shareTotals`.
  private static func group(
    _ figures: [Figure], _ names: NameTable, _ sentences: [Int], _ documents: [Int],
    _ byName: UnsafeMutableBufferPointer<NameState>, _ groups: UnsafeMutableBufferPointer<Group>,
    _ nextMember: UnsafeMutableBufferPointer<Int>, _ shareTotals: inout [Int]
  ) -> Int {
    // Records are made at the end for groups of two or more, most groups holding one figure.
    var count = 0
    for k in figures.indices {
      let kind = figures[k].kind
      guard kind == .count || kind == .percent else { continue }
      let subject = Int(names.subjects[k])
      let base = Int(names.bases[k])
      let document = documents[k]
      var total = -2  // the lookup below, done at most once per figure
      if base >= 0 && (kind == .percent || byName[base].openSentence != sentences[k]) {
        total = byName[base].latestDocument == document ? byName[base].latestCount : -1
        if kind == .percent { shareTotals[k] = total }
      }
      if base >= 0 && subject != base {
        if byName[base].openSentence == sentences[k] {
          let g = byName[base].openGroup
          nextMember[groups[g].last] = k
          groups[g].last = k
          groups[g].members += 1
          if kind == .count { groups[g].parts += 1 }
        } else {
          byName[base].openGroup = count
          byName[base].openSentence = sentences[k]
          // At most one group per figure: `groups` has room.
          groups.initializeElement(at: count, to: Group(total: total, first: k, last: k, members: 1, parts: kind == .count ? 1 : 0))
          count += 1
        }
      }
      if kind == .count && subject >= 0 {
        byName[subject].latestCount = k
        byName[subject].latestDocument = document
      }
    }
    return count
  }

  /// The second pass of `all`: a breakdown for each group of two or more, with its members' words.
  private static func make(
    _ groups: UnsafeMutableBufferPointer<Group>, _ figures: UnsafeBufferPointer<Figure>, _ names: NameTable,
    _ nextMember: UnsafeMutableBufferPointer<Int>
  ) -> [Breakdown] {
    // Subjects lent through a pointer: `figures[k].withSubject` copied the figure.
    guard let first = figures.baseAddress else { return [] }
    var total = 0
    var made = 0
    for group in groups where group.members >= 2 {
      total += group.members
      made += 1
    }
    guard made > 0 else { return [] }
    // In byte mode a name has one spelling, so its words are worked out once.
    let members = withUnsafeTemporaryAllocation(of: Words?.self, capacity: max(names.isByBytes ? names.count : 0, 1)) { known in
      known.initialize(repeating: nil)
      var members = Members()
      members.indices = [Int](unsafeUninitializedCapacity: total) { indexBuffer, indicesCount in
        members.words = [Words](unsafeUninitializedCapacity: total) { wordBuffer, wordsCount in
          // Each group's parts from its start, its percents after them.
          var start = 0
          for group in groups where group.members >= 2 {
            var part = start
            var percent = start + group.parts
            var k = group.first
            while k >= 0 {
              let w: Words
              let subject = Int(names.subjects[k])
              if names.isByBytes && subject >= 0 {
                if let cached = known[subject] {
                  w = cached
                } else {
                  w = Figure.withSubject(of: first + k) { words(inUTF8: $0) }
                  known[subject] = w
                }
              } else {
                w = Figure.withSubject(of: first + k) { words(inUTF8: $0) }
              }
              let at: Int
              if figures[k].kind == .count {
                at = part
                part += 1
              } else {
                at = percent
                percent += 1
              }
              indexBuffer.initializeElement(at: at, to: k)
              wordBuffer.initializeElement(at: at, to: w)
              k = nextMember[k]
            }
            start += group.members
          }
          wordsCount = total
        }
        indicesCount = total
      }
      return members
    }
    var out: [Breakdown] = []
    out.reserveCapacity(made)
    var start = 0
    for group in groups where group.members >= 2 {
      let middle = start + group.parts
      out.append(
        Breakdown(
          first: group.first, total: group.total >= 0 ? group.total : nil, members: members, partRange: start..<middle,
          percentRange: middle..<(start + group.members)))
      start += group.members
    }
    return out
  }

  /// What `all` keeps per name id: the latest count with that subject and its document; the group of
  /// that base open in a sentence and that sentence. Sentences and documents only grow, so a stale stamp
  /// means none.
  private struct NameState {
    var latestCount = -1
    var latestDocument = -1
    var openGroup = -1
    var openSentence = -1
  }

  /// A group of `all` as figure indices: its total (-1 for none), first and last members (the members are
  /// linked in text order), how many members and how many of them are counts.
  private struct Group {
    let total: Int
    let first: Int
    var last: Int
    var members: Int
    var parts: Int
  }
}
