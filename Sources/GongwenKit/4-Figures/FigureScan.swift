/// The single forward pass of `FigureExtractor` over one document: finds candidates, parses around them and
/// keeps the little context later figures need (clause and sentence starts, the total named by 其中, the
/// group named by 在…中).
///
/// Helpers that only read the scan are `@inline(__always)` or declared `mutating`: a non-mutating method
/// called from a mutating one is handed a copy of the whole scan (a memcpy of some 180 bytes a call).
struct FigureScan {
  let p: UnsafeBufferPointer<UInt8>
  let lo: Int
  let hi: Int
  private(set) var drafts: [FigureDraft] = []

  private var clauseStart: Int
  private var sentenceStart: Int
  private var sentence = 0
  /// Offset of 平均 in the current sentence, for a previous-term average in brackets: 比上届(47.9岁).
  private var averageInSentence: Int?
  /// The total a following part belongs to: the subject of `X306人，其中…`.
  private var sentenceTotal: Range<Int> = 0..<0
  /// The group of the paragraph: 在农村党支部书记中，….
  private var paragraphBase: Range<Int> = 0..<0
  /// Set by 另有: the parts that follow may name the same noun as their total (居委会17个，另有2个居委会…).
  private var partsKeepSameText = false
  /// Where the current paragraph (line) starts.
  private var paragraphStart: Int
  /// The subject of the last total that had parts in this document (其中, 男…女…): age bands and education
  /// counts of later paragraphs without a base of their own belong to it.
  private var documentTotal: Range<Int> = 0..<0
  /// Text before this offset is inside a short quotation (“三个代表”): slogans, not statistics.
  private var quoteEnd = -1

  /// One bit per BMP scalar that `run` acts on: numerals, measure words that may follow a blank, 平,
  /// punctuation that ends a clause or sentence, quotes, full-width digits, placeholders and %. Exactly the
  /// cases of its switch: every stop costs, and 、 or ． alone would stop the scan for nothing.
  static let interestingTable: [UInt64] = {
    var table = [UInt64](repeating: 0, count: 1024)
    func set(_ v: UInt32) { table[Int(v >> 6)] |= 1 << UInt64(v & 63) }
    for s in "〇零一二两兩三四五六七八九十百千万萬亿億人名个個岁歲周週月期年平，；：（）。！？“「" .unicodeScalars { set(s.value) }
    for v in UInt32(0xFF10)...0xFF19 { set(v) }
    for v: UInt32 in [0xFF38, 0xFF58, 0xFF0A, 0xD7, 0xFF05, 0x2028, 0x2029] { set(v) }
    return table
  }()
  private let interesting: [UInt64]
  /// `interestingTable` rearranged for the skip loop: `rows[b0] + b1` indexes the word of `words` whose bit
  /// `b2 & 63` is set when the loop must stop at b0 b1 b2. A byte that does not lead a three-byte character
  /// points to a row of all ones, so the lead byte needs no test of its own.
  static let skipTables: (rows: [Int], words: [UInt64]) = {
    let stop = 16 * 256
    var rows = [Int](repeating: stop, count: 256)
    var words = [UInt64](repeating: 0, count: 17 * 256)
    for lead in 0..<16 {
      rows[0xE0 + lead] = lead * 256
      for b1 in 0..<256 { words[lead * 256 + b1] = interestingTable[lead << 6 | b1 & 0x3F] }
    }
    for b1 in 0..<256 { words[stop + b1] = ~0 }
    return (rows, words)
  }()
  /// `skipTables`, lent for the scan (read once per stop, so not through a closure each time).
  private let skipRows: UnsafeBufferPointer<Int>
  private let skipWords: UnsafeBufferPointer<UInt64>
  /// `NumberScanner.numerals` and the scalars that may follow a numeral, held here: a static is read
  /// through a call, and these are asked at every numeral.
  private let numerals: ScalarSet
  private let continuations: ScalarSet
  /// `ScriptFolding.hanTable`, held for the same reason.
  private let han: [UInt16]
  /// `MeasureWord.Lookup.shared`, held for the same reason: asked after every number.
  private let units: MeasureWord.Lookup

  /// A scan of `range`. `storage` lends its capacity to the drafts (and is left empty), so that documents
  /// after the first allocate none; `returnStorage(to:)` gives it back.
  /// `skip` holds `skipTables`' two arrays, lent for as long as the scan runs.
  init(
    p: UnsafeBufferPointer<UInt8>, range: Range<Int>, storage: inout [FigureDraft],
    skip: (rows: UnsafeBufferPointer<Int>, words: UnsafeBufferPointer<UInt64>)
  ) {
    swap(&drafts, &storage)
    drafts.removeAll(keepingCapacity: true)
    interesting = Self.interestingTable
    (skipRows, skipWords) = skip
    numerals = NumberScanner.numerals
    continuations = Self.numeralContinuations
    han = ScriptFolding.hanTable
    units = MeasureWord.Lookup.shared
    self.p = p
    lo = range.lowerBound
    hi = range.upperBound
    clauseStart = lo
    sentenceStart = lo
    paragraphStart = lo
    // About one figure per 200 bytes of prose: grow the drafts rarely.
    drafts.reserveCapacity(min(range.count / 256, 1 << 16) + 16)
  }

  /// Moves the drafts' storage to `storage` (the scan is done with them).
  mutating func returnStorage(to storage: inout [FigureDraft]) {
    swap(&drafts, &storage)
  }

  // MARK: - The pass

  mutating func run() {
    var i = lo
    while i < hi {
      var b = p[i]
      // Most of the text is three-byte Han characters: decode inline and skip the uninteresting ones in a
      // tight loop, up to the next interesting or other character, which is handled right here.
      if b >= 0xE0 && b < 0xF0 {
        i = skipPlainThreeByte(from: i)
        guard i < hi else { break }
        b = p[i]
      }
      if b < 0x80 {
        switch b {
        case 0x30...0x39:
          i = number(at: i)
          continue
        case 0x78, 0x58, 0x2A:  // x X *
          if !isASCIILetter(before: i) || b == 0x2A, let next = placeholderNumber(at: i) { i = next; continue }
        case 0x25:
          blankPercent(at: i, end: i + 1)
        case 0x0A, 0x0D:
          endSentence(at: i + 1)
          newParagraph(at: i + 1)
        case 0x2C, 0x3B, 0x3A, 0x28, 0x29:  // , ; : ( )
          endClause(at: i, next: i + 1)
        case 0x21, 0x3F:
          endSentence(at: i + 1)
        default:
          break
        }
        i += 1
        continue
      }
      if i &+ 2 < hi {
        // The commonest stops, ， (EF BC 8C) and 。 (E3 80 82), without decoding and the switch below.
        if b == 0xEF && p[i &+ 1] == 0xBC && p[i &+ 2] == 0x8C {
          endClause(at: i, next: i + 3)
          i += 3
          continue
        }
        if b == 0xE3 && p[i &+ 1] == 0x80 && p[i &+ 2] == 0x82 {
          // Nearly always a sentence end: `fullStop`'s test for 个 after it is made here, without the call.
          if startsWithPiece(at: i + 3) { fullStop(next: i + 3) } else { endSentence(at: i + 3) }
          i += 3
          continue
        }
        // 人员, 人民: the commonest measure-word stop, rejected from its bytes.
        if b == 0xE4 && isPersonBeforeHan(at: i) {
          i += 3
          continue
        }
      }
      let v: UInt32
      let len: Int
      if b & 0xF0 == 0xE0 && i &+ 2 < hi {
        // A three-byte character here is one the skip loop stopped at (it gives up only before the last two
        // bytes), so interesting: decoded inline, with no bitmap test.
        v = (UInt32(b) & 0x0F) << 12 | (UInt32(p[i &+ 1]) & 0x3F) << 6 | (UInt32(p[i &+ 2]) & 0x3F)
        len = 3
      } else {
        (v, len) = ScalarReader.scalar(at: i, in: p)
        guard v < 0x10000, interesting[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 else {
          i += len
          continue
        }
      }
      switch v {
      case 0xFF10...0xFF19:
        i = number(at: i)
        continue
      case 0xFF38, 0xFF58, 0xFF0A, 0xD7:  // Ｘ ｘ ＊ ×
        if let next = placeholderNumber(at: i) { i = next; continue }
      case 0xFF05:
        blankPercent(at: i, end: i + len)
      case 0xFF0C, 0xFF1B, 0xFF1A, 0xFF08, 0xFF09:  // ， ； ： （ ）
        endClause(at: i, next: i + len)
      case 0x3002:
        fullStop(next: i + len)
      case 0xFF01, 0xFF1F:
        endSentence(at: i + len)
      case 0x201C, 0x300C:  // “ 「
        openQuote(at: i + len)
      case 0x2028, 0x2029:
        endSentence(at: i + len)
        newParagraph(at: i + len)
      case 0x5E73:  // 平
        if FoldedMatch.match(Self.average, at: i, limit: hi, in: p, table: han) != nil { averageInSentence = i }
      default:
        if numerals.contains(v) {
          // A lone numeral with no unit after it (一是, 统一) is prose: `chineseNumber` would say so too.
          if v != 0x767E && isLoneNumeralInProse(after: i + len) { i += len; continue }
          if let next = chineseNumber(at: i) { i = next; continue }
        } else if MeasureWord.mayStartBlank(v) {
          // 人员, 名单: rejected here, without the call.
          if i + 2 < hi && rejectsBlankPersonOrName(at: i) { i += len; continue }
          if let next = blank(at: i) { i = next; continue }
        }
      }
      i += len
    }
    resolveParallels()
  }

  /// The first offset at or after `i` that is not an uninteresting three-byte character.
  @inline(__always)
  func skipPlainThreeByte(from i: Int) -> Int {
    let rows = skipRows
    let t = skipWords
    var k = i
    let last = hi &- 2
    // Eight characters a round (runs between stops average some eight characters: the loop's test is paid
    // once a run, mostly), then one. The masking shift `&>>` takes the bit of `b2 & 63` without a separate mask.
    while k &+ 21 < last {
      let first = t[rows[Int(p[k])] &+ Int(p[k &+ 1])]
      guard first &>> UInt64(p[k &+ 2]) & 1 == 0 else { return k }
      let second = t[rows[Int(p[k &+ 3])] &+ Int(p[k &+ 4])]
      guard second &>> UInt64(p[k &+ 5]) & 1 == 0 else { return k &+ 3 }
      let third = t[rows[Int(p[k &+ 6])] &+ Int(p[k &+ 7])]
      guard third &>> UInt64(p[k &+ 8]) & 1 == 0 else { return k &+ 6 }
      let fourth = t[rows[Int(p[k &+ 9])] &+ Int(p[k &+ 10])]
      guard fourth &>> UInt64(p[k &+ 11]) & 1 == 0 else { return k &+ 9 }
      let fifth = t[rows[Int(p[k &+ 12])] &+ Int(p[k &+ 13])]
      guard fifth &>> UInt64(p[k &+ 14]) & 1 == 0 else { return k &+ 12 }
      let sixth = t[rows[Int(p[k &+ 15])] &+ Int(p[k &+ 16])]
      guard sixth &>> UInt64(p[k &+ 17]) & 1 == 0 else { return k &+ 15 }
      let seventh = t[rows[Int(p[k &+ 18])] &+ Int(p[k &+ 19])]
      guard seventh &>> UInt64(p[k &+ 20]) & 1 == 0 else { return k &+ 18 }
      let eighth = t[rows[Int(p[k &+ 21])] &+ Int(p[k &+ 22])]
      guard eighth &>> UInt64(p[k &+ 23]) & 1 == 0 else { return k &+ 21 }
      k &+= 24
    }
    while k < last {
      let word = t[rows[Int(p[k])] &+ Int(p[k &+ 1])]
      guard word &>> UInt64(p[k &+ 2]) & 1 == 0 else { break }
      k &+= 3
    }
    return k
  }

  /// Whether 个 (E4 B8 AA) or 個 (E5 80 8B), the only forms folding to 个, stands whole at `k` before `hi`.
  @inline(__always)
  private func startsWithPiece(at k: Int) -> Bool {
    k + 2 < hi && (p[k] == 0xE4 && p[k + 1] == 0xB8 && p[k + 2] == 0xAA || p[k] == 0xE5 && p[k + 1] == 0x80 && p[k + 2] == 0x8B)
  }

  /// 。 ends a sentence, but 少。个百分点 is a lost number, not a sentence end.
  @inline(__always)
  private mutating func fullStop(next: Int) {
    guard startsWithPiece(at: next), Self.pointsWord.match(at: next, limit: hi, in: p) != nil else {
      endSentence(at: next)
      return
    }
  }

  @inline(__always)
  private mutating func endClause(at i: Int, next: Int) {
    // 在农村党支部书记中，… names the group the paragraph's parts belong to. 中 is E4 B8 AD: told by its bytes
    // (a scalar ending after `lo` starts at or after it).
    if i >= 3 && i > lo && p[i - 1] == 0xAD && p[i - 2] == 0xB8 && p[i - 3] == 0xE4 {
      noteGroup(endingAt: i - 3)
    }
    clauseStart = next
  }

  @inline(__always)
  private mutating func newParagraph(at next: Int) {
    paragraphBase = 0..<0
    paragraphStart = next
  }

  @inline(__always)
  private mutating func endSentence(at next: Int) {
    clauseStart = next
    sentenceStart = next
    sentence += 1
    averageInSentence = nil
    // 选出新一届代表71名。其中中共党员36名…: the parts follow in the next sentence.
    // 其 is E5 85 B6 (and 其 has no traditional form): a byte test first.
    if next + 2 < hi, p[next] == 0xE5, p[next + 1] == 0x85, p[next + 2] == 0xB6 {
      noteTotal(beforeQizhongAt: next)
    } else {
      sentenceTotal = 0..<0
    }
    partsKeepSameText = false
  }

  /// The sentence starting at `next` with 其: when it says 其中, the last total candidate is what its parts
  /// belong to.
  @inline(never)
  private mutating func noteTotal(beforeQizhongAt next: Int) {
    if FoldedMatch.match(Self.qizhong, at: next, limit: hi, in: p, table: han) != nil, let k = lastTotalCandidate() {
      sentenceTotal = drafts[k].subject
      documentTotal = drafts[k].subject
    } else {
      sentenceTotal = 0..<0
    }
  }

  private mutating func openQuote(at start: Int) {
    var j = start
    var n = 0
    while j < hi, n < 40 {
      let (v, len) = ScalarReader.scalar(at: j, in: p)
      if v == 0x201D || v == 0x300D { quoteEnd = j; return }
      if v == 0x0A || v == 0x0D { return }
      j += len
      n += 1
    }
  }

  /// `在X中` (or `在新任54名X中`) just before a comma: X is the group of what follows in the paragraph.
  private mutating func noteGroup(endingAt zhong: Int) {
    guard zhong - clauseStart < 90 else { return }
    var j = clauseStart
    if let m = Self.groupOpeners.match(at: j, limit: zhong, in: p) { j = m.end }
    do {
      let (v, len) = ScalarReader.scalar(at: j, in: p)
      if v == 0x5728 {  // 在
        var m = drafts.count - 1
        while m >= 0 && drafts[m].start > j && !(drafts[m].end <= zhong && drafts[m].kind == .count) { m -= 1 }
        if m >= 0 && drafts[m].start > j {
          paragraphBase = drafts[m].subject
          documentTotal = paragraphBase
        } else {
          let phrase = SubjectFinder.phrase(before: zhong, floor: j + len, in: p)
          if !phrase.isEmpty {
            paragraphBase = phrase
            documentTotal = phrase
          }
        }
      }
    }
  }

  // MARK: - Numbers

  /// As a list: its quick reject (is the scalar 个 or 個?) is one bitmap load.
  static let pointsWord = PatternList(["个百分点"])
  static let average = FoldedMatch.pattern("平均")
  static let percentOf = FoldedMatch.pattern("百分之")
  static let qizhong = FoldedMatch.pattern("其中")
  static let another = FoldedMatch.pattern("另有")
  static let generalTotals = PatternList(["总人数", "总数"])
  static let previousTerm = FoldedMatch.pattern("上届")
  static let about = FoldedMatch.pattern("约")
  static let zhou = FoldedMatch.pattern("周")
  static let respectively = FoldedMatch.pattern("分别")
  /// Lists, not arrays of keywords: walking an array of arrays retains each one.
  static let jun = FoldedMatch.pattern("均")
  static let groupOpeners = PatternList(["目前", "今年", "同时", "其中"])
  static let bandLinks = PatternList(["的有", "的", "有", "共"])
  static let votedElector = FoldedMatch.pattern("投票选")
  static let votedPerson = FoldedMatch.pattern("参加投")

  private mutating func number(at i: Int) -> Int {
    guard let n = NumberScanner.arabic(at: i, limit: hi, in: p) else { return i + 1 }
    if isASCIILetter(before: i) { return n.end }
    return figure(from: n)
  }

  private mutating func placeholderNumber(at i: Int) -> Int? {
    guard let n = NumberScanner.arabic(at: i, limit: hi, in: p), n.placeholderCount <= 6 else { return nil }
    // Only a placeholder followed by a unit stands for a figure: xx大, **区 are names.
    guard MeasureWord.match(at: skipApproximation(n.end), limit: hi, in: p, han: han, lookup: units) != nil else { return nil }
    return figure(from: n)
  }

  private mutating func chineseNumber(at i: Int) -> Int? {
    // 百 (E7 99 BE) has no other form that folds to it: a byte test before the keyword match.
    if i + 2 < hi, p[i] == 0xE7, p[i + 1] == 0x99, p[i + 2] == 0xBE,
      let afterPercent = FoldedMatch.match(Self.percentOf, at: i, limit: hi, in: p, table: han)
    {
      let n =
        NumberScanner.arabic(at: afterPercent, limit: hi, in: p)
        ?? NumberScanner.chinese(at: afterPercent, limit: hi, in: p, decimals: true)
      guard let n, n.value != nil, !n.isOverlong else { return afterPercent }
      var draft = makeDraft(.percent, value: n.value, unit: .percent, start: i, end: n.end, flags: n.flags)
      resolvePercent(&draft, numberStart: i)
      drafts.append(draft)
      return n.end
    }
    // Most numerals in prose (一是, 统一, 十分) have no unit after them: reject before parsing.
    var runEnd = i
    while runEnd < hi {
      let (v, len) = ScalarReader.scalar(at: runEnd, in: p)
      guard numerals.contains(v) else { break }
      runEnd += len
    }
    // No numeral stands at `runEnd`: only a follower continues the number there.
    guard runEnd < hi, continuations.contains(ScalarReader.scalar(at: runEnd, in: p).value) else {
      return runEnd
    }
    guard let n = NumberScanner.chinese(at: i, limit: hi, in: p) else { return nil }
    if n.isOverlong { return n.end }
    if n.isLoneYi {
      // 一名, 一个。 standing alone in a clause are counts; 一个良好的环境 is an article.
      guard let (entry, unitEnd) = MeasureWord.match(at: n.end, limit: hi, in: p, han: han, lookup: units), [MeasureWord.Entry.name, MeasureWord.Entry.piece, MeasureWord.Entry.person, MeasureWord.Entry.seat].contains(entry.code),
        unitEnd < hi, isClausePunctuation(ScalarReader.scalar(at: unitEnd, in: p).value)
      else { return n.end }
    }
    // 几十名, 数十人, 上百名: a vague quantity.
    if let prev = previousScalar(before: i), [0x51E0, 0x6570, 0x4E0A, 0x5E7E, 0x6578].contains(prev) { return n.end }
    return figure(from: n)
  }

  /// The scalars as written that continue a numeral: numerals, and whatever folds to a scalar that may follow
  /// one (`MeasureWord.numeralFollowers`). One bitmap for a set, a fold and a set. Outside the Han block only
  /// 〇 is a numeral and only % and ％ fold to a follower.
  static let numeralContinuations = ScalarSet(
    (UInt32(0x4E00)...0x9FFF).filter {
      NumberScanner.numerals.contains($0) || MeasureWord.numeralFollowers.contains(ScriptFolding.fold($0))
    } + [0x3007, 0x25, 0xFF05])

  /// Whether the numeral ending at `end` stands alone, with neither a numeral nor the start of a unit after it:
  /// what `chineseNumber` decides first for numerals other than 百 (which may start 百分之).
  @inline(__always)
  private func isLoneNumeralInProse(after end: Int) -> Bool {
    guard end < hi else { return true }
    let w = ScalarReader.scalar(at: end, in: p).value
    return !continuations.contains(w)
  }

  /// After 余 / 多 that sit between a number and its unit (1200余份, X多份).
  /// Asked after every number: 余 (E4 BD 99), 多 (E5 A4 9A) and 餘 (E9 A4 98) are told by their bytes.
  @inline(__always)
  private mutating func skipApproximation(_ j: Int) -> Int {
    guard j < hi, j + 2 < p.count else { return j }
    let b1 = p[j + 1]
    guard b1 == 0xBD || b1 == 0xA4 else { return j }
    let b0 = p[j]
    let b2 = p[j + 2]
    if b0 == 0xE4 && b1 == 0xBD && b2 == 0x99 || b0 == 0xE5 && b1 == 0xA4 && b2 == 0x9A || b0 == 0xE9 && b1 == 0xA4 && b2 == 0x98 {
      if MeasureWord.match(at: j + 3, limit: hi, in: p, han: han, lookup: units) != nil { return j + 3 }
    }
    return j
  }

  /// Decides what the number `n` is from what surrounds it, records it, and returns where scanning goes on.
  private mutating func figure(from n: ScannedNumber) -> Int {
    if n.isOverlong { return n.end }
    if n.start < quoteEnd { return skipUnit(after: n.end) }
    if let prev = previousScalar(before: n.start) {
      if prev == 0x7B2C { return skipUnit(after: n.end) }  // 第三次, 第十届: ordinals
    }
    let unitStart = skipApproximation(n.end)
    var flags = n.flags
    if unitStart != n.end { flags.insert(.approximate) }
    guard let (entry, unitEnd) = MeasureWord.match(at: unitStart, limit: hi, in: p, han: han, lookup: units) else {
      return ageRange(from: n) ?? n.end
    }
    flags.formUnion(prefixFlags(before: n.start))
    switch entry.role {
    case .percent:
      var draft = makeDraft(.percent, value: n.value, unit: .percent, start: n.start, end: unitEnd, flags: flags)
      draft.flags.formUnion(suffixFlags(at: unitEnd))
      if let sign = changeSign(before: n.start, requireComparator: true) {
        draft.kind = .change
        draft.value = sign < 0 ? draft.value?.negated : draft.value
        draft.start = changeStart
        resolveChange(&draft)
      } else {
        resolvePercent(&draft, numberStart: n.start)
      }
      drafts.append(draft)
    case .points:
      var draft = makeDraft(.change, value: n.value, unit: .points, start: n.start, end: unitEnd, flags: flags)
      if let sign = changeSign(before: n.start, requireComparator: false) {
        draft.start = changeStart
        if sign < 0 { draft.value = draft.value?.negated }
      }
      resolveChange(&draft)
      drafts.append(draft)
    case .age:
      return age(n, unitEnd: unitEnd, flags: flags)
    case .count:
      if entry.code == MeasureWord.Entry.term, unitEnd < hi {
        // 十九届六中全会, xx届五中全会: a term of office, not a count.
        let next = ScalarReader.scalar(at: unitEnd, in: p).value
        if ChineseNumeral.isNumeral(next) || next == 0x4E2D { return unitEnd }
      }
      return count(n, unitEnd: unitEnd, entry: entry, flags: flags)
    case .duration:
      return unitEnd
    case .year, .month, .day:
      return date(n, role: entry.role, unitEnd: unitEnd)
    case .tenth:
      guard n.isChinese, let value = n.value, value.scale == 0, (1...9).contains(value.significand), unitEnd < hi else {
        return unitEnd
      }
      // 七成员, 成立: 成 begins a word.
      let next = ScalarReader.scalar(at: unitEnd, in: p).value
      if [0x5458, 0x7ACB, 0x4E3A, 0x529F, 0x7EE9, 0x679C, 0x672C, 0x54E1, 0x70BA].contains(next) { return unitEnd }
      var draft = makeDraft(
        .percent, value: ExactDecimal(significand: value.significand * 10), unit: .percent, start: n.start, end: unitEnd,
        flags: flags)
      resolvePercent(&draft, numberStart: n.start)
      drafts.append(draft)
    case .fraction:
      guard let denominator = n.value, denominator.scale == 0, denominator.significand > 0,
        let numerator = NumberScanner.chinese(at: unitEnd, limit: hi, in: p) ?? NumberScanner.arabic(at: unitEnd, limit: hi, in: p),
        let top = numerator.value, top.scale == 0
      else { return unitEnd }
      var f = flags
      let hundredths = top.significand * 10_000 / denominator.significand
      if top.significand * 10_000 % denominator.significand != 0 { f.insert(.approximate) }
      var value = ExactDecimal(significand: hundredths, scale: 2)
      if hundredths % 100 == 0 { value = ExactDecimal(significand: hundredths / 100) }
      var draft = makeDraft(.percent, value: value, unit: .percent, start: n.start, end: numerator.end, flags: f)
      resolvePercent(&draft, numberStart: n.start)
      drafts.append(draft)
      return numerator.end
    }
    return unitEnd
  }

  /// Past the unit after an ignored number, so its measure word is not read as a blank.
  private mutating func skipUnit(after end: Int) -> Int {
    MeasureWord.match(at: skipApproximation(end), limit: hi, in: p, han: han, lookup: units)?.end ?? end
  }

  // MARK: - Counts

  private mutating func count(_ n: ScannedNumber, unitEnd: Int, entry: MeasureWord.Entry, flags: Figure.Flags) -> Int {
    var flags = flags
    flags.formUnion(suffixFlags(at: unitEnd))
    var draft = makeDraft(.count, value: n.value, unit: entry.unit, start: n.start, end: unitEnd, flags: flags)
    if let sign = changeSign(before: n.start, requireComparator: true) {
      draft.kind = .change
      draft.start = changeStart
      if sign < 0 { draft.value = draft.value?.negated }
      resolveChange(&draft)
      drafts.append(draft)
      return unitEnd
    }
    resolveCount(&draft, numberStart: n.start, unitEnd: unitEnd, countsPeople: entry.countsPeople)
    drafts.append(draft)
    return unitEnd
  }

  private mutating func resolveCount(_ draft: inout FigureDraft, numberStart: Int, unitEnd: Int, countsPeople: Bool) {
    let floor = subjectFloor
    let following = SubjectFinder.noun(after: unitEnd, limit: hi, in: p)
    // A noun of two characters or more after the unit is the subject (306个行政村): the phrase before it is
    // then not looked for at all.
    var subject = following
    if SubjectFinder.scalarCount(following, in: p) < 2 {
      let phrase = SubjectFinder.phrase(before: numberStart, floor: floor, in: p)
      if !phrase.isEmpty { subject = phrase }
    }
    draft.subject = subject
    draft.base = contextBase
    // 另 (E5 8F A6), to which nothing else folds: bytes first.
    if floor + 2 < numberStart, p[floor] == 0xE5, p[floor + 1] == 0x8F, p[floor + 2] == 0xA6,
      FoldedMatch.match(Self.another, at: floor, limit: numberStart, in: p, table: han) != nil, sentenceTotal.isEmpty,
      let k = lastInSentence(where: { $0.kind == .count && $0.base.isEmpty })
    {
      // 全镇共有居委会17个，另有2个居委会…: 另有 names a part of the count before it.
      sentenceTotal = drafts[k].subject
      draft.base = sentenceTotal
      partsKeepSameText = true
    }
    if !partsKeepSameText && SubjectFinder.same(draft.base, draft.subject, in: p) { draft.base = 0..<0 }
    if draft.base.isEmpty && countsPeople && startsWithSex(subject) {
      // 新一届村委会主任138名，男112人…，女26人…: a split by sex is part of the count just before it.
      if let k = lastTotalCandidate() {
        sentenceTotal = drafts[k].subject
        documentTotal = drafts[k].subject
        draft.base = drafts[k].subject
      }
    } else if draft.base.isEmpty && !documentTotal.isEmpty && MetricTable.find(Self.education, in: subject, p: p) != nil {
      draft.base = documentTotal  // 大专及以上文化的111人, in the paragraph after the total
    }
    if countsPeople {
      let upper = min(hi, following.upperBound + 24)
      let clauseEnd = clauseEnd(from: unitEnd, limit: upper)
      draft.metric = MetricTable.find(MetricTable.counts, in: max(floor, numberStart - Self.lookBack)..<clauseEnd, p: p)?.metric
    }
    // X306人，其中男子178人: the count is the total of what follows in the sentence.
    if followedByQizhong(unitEnd) {
      sentenceTotal = draft.subject
      documentTotal = draft.subject
    }
  }

  /// Words naming a level of education, for counts of a breakdown by education.
  static let education = MetricTable.Table(
    ["学历", "文化", "大专", "中专", "高中", "初中", "本科", "研究生", "小学"].map { ($0, Metric.collegeShare) })

  @inline(__always)
  private func startsWithSex(_ subject: Range<Int>) -> Bool {
    guard !subject.isEmpty else { return false }
    let v = ScalarReader.scalar(at: subject.lowerBound, in: p).value
    return v == 0x7537 || v == 0x5973  // 男 女
  }

  /// The last count of the paragraph that is no part itself, among the last 16 figures.
  @inline(__always)
  private func lastTotalCandidate() -> Int? {
    var k = drafts.count - 1
    while k >= max(0, drafts.count - 16) && drafts[k].start >= paragraphStart {
      if drafts[k].kind == .count && drafts[k].base.isEmpty && drafts[k].value != nil || drafts[k].kind == .count
        && drafts[k].base.isEmpty && drafts[k].flags.contains(.placeholder)
      {
        if !startsWithSex(drafts[k].subject) { return k }
      }
      k -= 1
    }
    return nil
  }

  private mutating func followedByQizhong(_ j: Int) -> Bool {
    var k = j
    // A comma first: , or ， (EF BC 8C), told by its bytes.
    if k < hi {
      if p[k] == 0x2C {
        k += 1
      } else if k + 2 < p.count && p[k] == 0xEF && p[k + 1] == 0xBC && p[k + 2] == 0x8C {
        k += 3
      }
    }
    return startsWithQi(at: k, limit: hi) && FoldedMatch.match(Self.qizhong, at: k, limit: hi, in: p, table: han) != nil
  }

  /// Whether 其 (E5 85 B6) stands at `k`, before `limit`: nothing else folds to 其 (a test says so), so these
  /// bytes are the first test for 其中, before its keyword match.
  @inline(__always)
  private func startsWithQi(at k: Int, limit: Int) -> Bool {
    k + 2 < limit && p[k] == 0xE5 && p[k + 1] == 0x85 && p[k + 2] == 0xB6
  }

  /// The end of the clause starting at `j`, not beyond `limit`.
  private mutating func clauseEnd(from j: Int, limit: Int) -> Int {
    var k = j
    while k < limit {
      let (v, len) = ScalarReader.scalar(at: k, in: p)
      if isClausePunctuation(v) { return k }
      k += len
    }
    return min(k, hi)
  }

  // MARK: - Ages

  static let below = PatternList(["以下", "及以下", "以内"])
  static let above = PatternList(["以上", "及以上"])
  static let averageLabels = PatternList(["平均年龄为", "平均年龄是", "平均年龄在", "平均年龄达", "平均年龄", "平均为", "平均"])

  private mutating func age(_ n: ScannedNumber, unitEnd: Int, flags: Figure.Flags) -> Int {
    // 35岁以下, 56岁以上, 30岁至40岁: a band.
    if let end = Self.below.match(at: unitEnd, limit: hi, in: p)?.end {
      return band(start: n.start, low: nil, high: n.value, bandEnd: end, flags: n.flags)
    }
    if let end = Self.above.match(at: unitEnd, limit: hi, in: p)?.end {
      return band(start: n.start, low: n.value, high: nil, bandEnd: end, flags: n.flags)
    }
    if let c = connector(at: unitEnd, dates: false),
      let second = NumberScanner.arabic(at: c, limit: hi, in: p) ?? NumberScanner.chinese(at: c, limit: hi, in: p),
      let (entry, end) = MeasureWord.match(at: second.end, limit: hi, in: p, han: han, lookup: units), entry.role == .age
    {
      return band(start: n.start, low: n.value, high: second.value, bandEnd: end, flags: n.flags.union(second.flags))
    }
    var draft = makeDraft(.age, value: n.value, unit: .age, start: n.start, end: unitEnd, flags: flags)
    resolveAge(&draft, numberStart: n.start)
    drafts.append(draft)
    return unitEnd
  }

  /// `36--45岁` with no 岁 after the first number.
  private mutating func ageRange(from n: ScannedNumber) -> Int? {
    guard let c = connector(at: n.end, dates: false),
      let second = NumberScanner.arabic(at: c, limit: hi, in: p) ?? NumberScanner.chinese(at: c, limit: hi, in: p),
      let (entry, end) = MeasureWord.match(at: second.end, limit: hi, in: p, han: han, lookup: units), entry.role == .age
    else { return nil }
    return band(start: n.start, low: n.value, high: second.value, bandEnd: end, flags: n.flags.union(second.flags))
  }

  /// Change, average or single age for a number (or blank) followed by 岁.
  private mutating func resolveAge(_ draft: inout FigureDraft, numberStart: Int) {
    if let sign = changeSign(before: numberStart, requireComparator: false) {
      draft.kind = .change
      draft.start = changeStart
      if sign < 0 { draft.value = draft.value?.negated }
      resolveChange(&draft)
      return
    }
    let floor = max(subjectFloor, numberStart - 30)
    if let labelStart = averageLabel(before: numberStart, floor: floor) {
      draft.kind = .average
      draft.start = labelStart
      draft.metric = .averageAge
      var subject = SubjectFinder.phrase(before: labelStart, floor: subjectFloor, in: p)
      if subject.isEmpty { subject = contextBase }
      draft.subject = subject
      draft.base = contextBase
      if SubjectFinder.same(draft.base, draft.subject, in: p) { draft.base = 0..<0 }
      return
    }
    if averageInSentence != nil, let prev = previousScalar(before: numberStart),
      [0x28, 0xFF08, 0x4E3A, 0x70BA, 0x5C4A, 0x5C46].contains(prev)
    {
      // 比上届(47.9岁), 上届为47岁: the previous term's average.
      draft.kind = .average
      draft.metric = .averageAge
      draft.isPreviousTerm = true
      return
    }
    draft.subject = SubjectFinder.phrase(before: numberStart, floor: subjectFloor, in: p)
  }

  @inline(__always)
  private func averageLabel(before end: Int, floor: Int) -> Int? {
    var j = end
    // 平均年龄约45岁
    if let k = FoldedMatch.matchBackward(Self.about, endingAt: j, floor: floor, in: p) { j = k }
    // 为 是 在 达 龄 均 (and 為 達 齡) end every label.
    guard let last = previousScalar(before: j), [0x4E3A, 0x70BA, 0x662F, 0x5728, 0x8FBE, 0x9054, 0x9F84, 0x9F61, 0x5747].contains(last)
    else { return nil }
    return Self.averageLabels.matchBackward(endingAt: j, floor: floor, in: p)?.start
  }

  /// An age band from `start` to `bandEnd`, with the count that follows it (35岁以下22人) as its value.
  private mutating func band(start: Int, low: ExactDecimal?, high: ExactDecimal?, bandEnd: Int, flags: Figure.Flags) -> Int {
    var end = bandEnd
    // 56岁以上下28人: a stray 下.
    if end < hi, ScalarReader.scalar(at: end, in: p).value == 0x4E0B { end += 3 }
    var k = end
    if let m = Self.bandLinks.match(at: k, limit: hi, in: p) { k = m.end }
    var draft = makeDraft(.ageBand, value: nil, unit: .empty, start: start, end: bandEnd, flags: flags)
    draft.low = low
    draft.high = high
    if low == nil && high == nil { draft.flags.insert(.blank) }
    let n: ScannedNumber? =
      NumberScanner.arabic(at: k, limit: hi, in: p)
      ?? NumberScanner.chinese(at: k, limit: hi, in: p)
    if let n, !n.isLoneYi, let (entry, unitEnd) = MeasureWord.match(at: skipApproximation(n.end), limit: hi, in: p, han: han, lookup: units),
      entry.role == .count
    {
      draft.value = n.value
      draft.unit = entry.unit
      draft.flags.formUnion(n.flags)
      if skipApproximation(n.end) != n.end { draft.flags.insert(.approximate) }
      draft.end = unitEnd
      end = unitEnd
    } else if let (entry, unitEnd) = MeasureWord.match(at: k, limit: hi, in: p, han: han, lookup: units), entry.role == .count,
      entry.countsPeople
    {
      draft.unit = entry.unit
      draft.flags.insert(.blank)
      draft.end = unitEnd
      end = unitEnd
    }
    draft.subject = start..<bandEnd
    draft.base = contextBase.isEmpty ? documentTotal : contextBase
    drafts.append(draft)
    return end
  }

  // MARK: - Dates

  private mutating func date(_ n: ScannedNumber, role: MeasureWord.Role, unitEnd: Int) -> Int {
    if n.isChinese { return unitEnd }  // 三年, 五月: durations and prose
    guard let last = validDatePart(n, role: role) else { return unitEnd }
    var end = unitEnd
    var flags: Figure.Flags = n.placeholderCount > 0 ? [.placeholder] : []
    var previous = last
    // 2023年9月1日: following parts.
    while let next = NumberScanner.arabic(at: end, limit: hi, in: p),
      let (entry, e) = MeasureWord.match(at: next.end, limit: hi, in: p, han: han, lookup: units),
      entry.role == .month && previous == .year || entry.role == .day && previous == .month,
      validDatePart(next, role: entry.role) != nil
    {
      if next.placeholderCount > 0 { flags.insert(.placeholder) }
      end = e
      previous = entry.role
    }
    // 11月26日---30日, 7月5日及6日: a second day or month.
    if previous != .year, let c = connector(at: end, dates: true), let next = NumberScanner.arabic(at: c, limit: hi, in: p),
      let (entry, e) = MeasureWord.match(at: next.end, limit: hi, in: p, han: han, lookup: units), entry.role == .day || entry.role == .month,
      validDatePart(next, role: entry.role) != nil
    {
      end = e
      if entry.role == .month, let day = NumberScanner.arabic(at: e, limit: hi, in: p),
        let (dayEntry, de) = MeasureWord.match(at: day.end, limit: hi, in: p, han: han, lookup: units), dayEntry.role == .day
      {
        end = de
      }
    }
    if role == .day && previous == .day && end == unitEnd && p[n.start] != 0 {
      // A lone 15号 is a document or house number; a lone 26日 is a day.
      if MeasureWord.match(at: n.end, limit: hi, in: p, han: han, lookup: units)?.entry.code == MeasureWord.Entry.number { return unitEnd }
    }
    drafts.append(makeDraft(.date, value: nil, unit: .empty, start: n.start, end: end, flags: flags))
    return end
  }

  private mutating func validDatePart(_ n: ScannedNumber, role: MeasureWord.Role) -> MeasureWord.Role? {
    if n.placeholderCount > 0 {
      return role == .year && n.placeholderCount + (n.end - n.start - n.placeholderCount) < 2 ? nil : role
    }
    guard let v = n.value, v.scale == 0 else { return nil }
    switch role {
    case .year: return (1900...2100).contains(v.significand) ? role : nil
    case .month: return (1...12).contains(v.significand) ? role : nil
    case .day: return (1...31).contains(v.significand) ? role : nil
    default: return nil
    }
  }

  /// A range connector at `k`: - -- --- — ～ ~ 至 到 (and 及 和 、 between dates); its end.
  private mutating func connector(at k: Int, dates: Bool) -> Int? {
    guard k < hi else { return nil }
    var j = k
    var n = 0
    while j < hi, n < 4 {
      let (v, len) = ScalarReader.scalar(at: j, in: p)
      if v == 0x2D || v == 0x2014 || v == 0x2013 || v == 0xFF0D || v == 0x2015 || v == 0x2212 {
        j += len
        n += 1
        continue
      }
      if n == 0 {
        if v == 0xFF5E || v == 0x7E || v == 0x81F3 || v == 0x5230 { return j + len }
        if dates && (v == 0x53CA || v == 0x548C || v == 0x3001) { return j + len }
      }
      break
    }
    return n > 0 ? j : nil
  }

  // MARK: - Percents and changes

  static let occupancy = PatternList(["分别占", "分别为", "分别是", "占了", "占到", "占", "比例为", "比例是", "占比为", "占比", "比重为", "比重"])

  private mutating func resolvePercent(_ draft: inout FigureDraft, numberStart: Int) {
    let floor = subjectFloor
    if let rate = MetricTable.find(MetricTable.rates, in: max(floor, numberStart - Self.lookBack)..<numberStart, p: p) {
      draft.metric = rate.metric
      draft.subject = rate.range
      draft.place = place(before: numberStart)
      return
    }
    // The phrase before the percent, looked for only where it is used: not after 占, which names the part
    // otherwise.
    var trimmed: Range<Int>?
    // 11.5%和1.3%: the second of a parallel run.
    if let last = drafts.last, last.kind == .percent, last.sentence == sentence, last.isParallelHead || last.isParallelTail {
      let phrase = SubjectFinder.phrase(before: numberStart, floor: floor, in: p)
      if phrase.isEmpty {
        draft.isParallelTail = true
        draft.base = last.base
        return
      }
      trimmed = phrase
    }
    var clauseFrom = max(clauseStart, numberStart - 120)
    while clauseFrom < numberStart, p[clauseFrom] & 0xC0 == 0x80 { clauseFrom += 1 }
    // 其中 and then 均, each skipped when it opens the clause.
    if startsWithQi(at: clauseFrom, limit: numberStart), let e = FoldedMatch.match(Self.qizhong, at: clauseFrom, limit: numberStart, in: p, table: han) {
      clauseFrom = e
    }
    // 均 (E5 9D 87), to which nothing else folds: bytes first.
    if clauseFrom + 2 < numberStart, p[clauseFrom] == 0xE5, p[clauseFrom + 1] == 0x9D, p[clauseFrom + 2] == 0x87,
      let e = FoldedMatch.match(Self.jun, at: clauseFrom, limit: numberStart, in: p, table: han)
    {
      clauseFrom = e
    }
    var occupied = Self.occupancy.match(at: clauseFrom, limit: numberStart, in: p)
    // 男同志148名占72%: 占 right after the part, in the same clause.
    if occupied == nil, floor > clauseFrom, let m = Self.occupancy.match(at: floor, limit: numberStart, in: p) {
      clauseFrom = floor
      occupied = m
    }
    if let form = occupied {
      draft.isParallelHead = FoldedMatch.match(Self.respectively, at: clauseFrom, limit: numberStart, in: p, table: han) != nil
      // 占代表总数的30%: the base is named.
      var de = numberStart
      while de > form.end {
        de = ScalarReader.previousBoundary(before: de, in: p)
        if ScalarReader.scalar(at: de, in: p).value == 0x7684 { break }
      }
      if de > form.end { draft.base = SubjectFinder.trim(form.end..<de, in: p) }
      // 占总数的94.6%: "the total" names nothing; the part's base says which.
      if let m = Self.generalTotals.match(at: draft.base.lowerBound, limit: draft.base.upperBound, in: p),
        m.end == draft.base.upperBound
      {
        draft.base = 0..<0
      }
      // The part is named before 占, not inside its base (占换届前55岁以下262名…的51%).
      if let k = lastInSentence(where: { $0.isCountLike && $0.end <= clauseFrom }) {
        draft.subject = drafts[k].subject
        draft.isPreviousTerm = drafts[k].isPreviousTerm
        if draft.base.isEmpty { draft.base = drafts[k].base }
      }
      if draft.base.isEmpty { draft.base = contextBase }
      return
    }
    var subject = trimmed ?? SubjectFinder.phrase(before: numberStart, floor: floor, in: p)
    if draft.end < hi, ScalarReader.scalar(at: draft.end, in: p).value == 0x7684 {
      let noun = SubjectFinder.noun(after: draft.end + 3, limit: hi, in: p)  // 100%的党员
      if !noun.isEmpty { subject = noun }
    }
    draft.subject = subject
    draft.base = contextBase
    if SubjectFinder.same(draft.base, draft.subject, in: p) { draft.base = 0..<0 }
  }

  private mutating func resolveChange(_ draft: inout FigureDraft) {
    if let k = lastInSentence(where: { $0.kind != .change && $0.kind != .date }) {
      let reference = drafts[k]
      draft.subject = reference.subject
      draft.isPreviousTerm = reference.isPreviousTerm
      draft.metric = reference.metric
      draft.base = reference.base
      draft.place = reference.place
    }
  }

  /// Change verbs, two-character ones first: a short 高 / 少 needs 比 / 较 before it.
  static let verbWords: [(word: String, sign: Int, isShort: Bool)] = [
    ("提高", 1, false), ("高出", 1, false), ("增加", 1, false), ("增长", 1, false), ("上升", 1, false), ("多出", 1, false),
    ("升高", 1, false), ("增多", 1, false), ("下降", -1, false), ("降低", -1, false), ("减少", -1, false), ("回落", -1, false),
    ("下滑", -1, false), ("缩小", -1, false), ("减", -1, false), ("高", 1, true), ("多", 1, true), ("升", 1, true),
    ("低", -1, true), ("少", -1, true), ("降", -1, true),
  ]
  static let verbs = PatternList(verbWords.map(\.word))
  /// What `changeSign` reads, as one static (each read of a static is a call).
  static let changeWords = (
    between: between, verbEnds: verbEnds, verbs: verbs, signs: verbWords.map { (sign: $0.sign, isShort: $0.isShort) }
  )
  /// The scalars as written that may stand right before a number `changeSign` says something of: the last
  /// characters of the verbs and of `between` (any form folding to them), and the stray 。 ? ？.
  /// Only Han characters fold to Han characters, and the words are all Han.
  static let changeLastScalars = ScalarSet(
    (UInt32(0x4E00)...0x9FFF).filter { verbEnds.contains(ScriptFolding.fold($0)) || between.mayEnd(with: $0) } + [0x3002, 0x3F, 0xFF1F])
  /// Last characters of the change verbs, for a quick reject.
  static let verbEnds: ScalarSet = ScalarSet(folding: "高出加长升多降低少落滑小减")
  static let between = PatternList(["了近", "了约", "了", "近", "约", "达"])

  /// Where the last change verb found by `changeSign` starts.
  private var changeStart = 0

  /// +1 or -1 when a change verb (提高 / 降低 …) stands right before `end`; short verbs (高 / 少) only after
  /// 比 / 较 in the clause.
  private mutating func changeSign(before end: Int, requireComparator: Bool) -> Int? {
    // Most numbers follow a character that neither ends a verb, nor a word of `between`, nor is a stray 。:
    // one decode and one bitmap decide it.
    guard end > lo, Self.changeLastScalars.contains(SubjectFinder.scalar(before: end, in: p).value) else { return nil }
    let floor = max(clauseStart, end - 60)
    var j = end
    // 少。个百分点: a stray character where the number was lost.
    if j > floor, let prev = previousScalar(before: j), prev == 0x3002 || prev == 0x3F || prev == 0xFF1F {
      j = ScalarReader.previousBoundary(before: j, in: p)
    }
    let words = Self.changeWords
    if let m = words.between.matchBackward(endingAt: j, floor: floor, in: p) { j = m.start }
    guard let last = previousScalar(before: j), words.verbEnds.contains(ScriptFolding.fold(last, table: han)) else { return nil }
    guard let m = words.verbs.matchBackward(endingAt: j, floor: floor, in: p) else { return nil }
    let word = words.signs[m.index]
    if (word.isShort || requireComparator) && !hasComparator(in: floor..<j) { return nil }
    changeStart = m.start
    return word.sign
  }

  @inline(__always)
  private func hasComparator(in range: Range<Int>) -> Bool {
    var k = range.lowerBound
    while k < range.upperBound {
      let (v, len) = ScalarReader.scalar(at: k, in: p)
      if v == 0x6BD4 || v == 0x8F83 || v == 0x8F03 || v == 0x540C { return true }  // 比 较 較 同(比)
      k += len
    }
    return false
  }

  /// Flags from words before a number: 约 近 (approximate), 超过 (at least), 不到 (at most).
  private mutating func prefixFlags(before start: Int) -> Figure.Flags {
    let floor = max(lo, start - 9)
    guard let last = previousScalar(before: start), [0x7EA6, 0x7D04, 0x8FD1, 0x8FC7, 0x904E, 0x903E, 0x4E8E, 0x8DB3, 0x5230].contains(last)
    else { return [] }
    guard let m = Self.prefixes.matchBackward(endingAt: start, floor: floor, in: p) else { return [] }
    return Self.prefixFlags[m.index]
  }

  static let prefixes = PatternList(prefixWords.map(\.0))
  static let prefixFlags = prefixWords.map(\.1)
  static let prefixWords: [(String, Figure.Flags)] = [
    ("大约", Figure.Flags.approximate), ("约", .approximate), ("将近", .approximate), ("接近", .approximate), ("近", .approximate),
    ("超过", .atLeast), ("逾", .atLeast), ("高于", .atLeast), ("多于", .atLeast), ("不到", .atMost), ("不足", .atMost),
    ("低于", .atMost), ("少于", .atMost),
  ]

  static let suffixes = PatternList(["左右", "上下", "以上", "以下"])
  static let suffixFlags: [Figure.Flags] = [.approximate, .approximate, .atLeast, .atMost]

  /// Flags from words after a unit: 左右 上下 (approximate), 以上 (at least), 以下 (at most).
  @inline(__always)
  private func suffixFlags(at end: Int) -> Figure.Flags {
    guard end < hi, [0x5DE6, 0x4E0A, 0x4EE5].contains(ScalarReader.scalar(at: end, in: p).value) else { return [] }
    guard let m = Self.suffixes.match(at: end, limit: hi, in: p) else { return [] }
    return Self.suffixFlags[m.index]
  }

  // MARK: - Blanks

  private mutating func blankPercent(at i: Int, end: Int) {
    if let prev = previousScalar(before: i), isNumberScalar(prev) { return }
    if i < quoteEnd { return }
    var draft = makeDraft(.percent, value: nil, unit: .percent, start: i, end: end, flags: [.blank])
    if let sign = changeSign(before: i, requireComparator: true) {
      draft.kind = .change
      draft.start = changeStart
      _ = sign
      resolveChange(&draft)
    } else {
      resolvePercent(&draft, numberStart: i)
    }
    drafts.append(draft)
  }

  /// A measure word with no number before it, where the text says one was meant: 共有名选民, 占%, 岁以上名,
  /// 比上届少。个百分点. Returns where scanning goes on, or nil when `i` is ordinary text.
  private mutating func blank(at i: Int) -> Int? {
    if i + 2 < hi, rejectsBlankPersonOrName(at: i) { return nil }
    guard let (entry, unitEnd) = MeasureWord.match(at: i, limit: hi, in: p, han: han, lookup: units), i >= quoteEnd else { return nil }
    let prev = previousScalar(before: i) ?? 0x0A
    if isNumberScalar(prev) { return nil }
    let next = unitEnd < hi ? ScalarReader.scalar(at: unitEnd, in: p).value : 0x0A
    switch entry.role {
    case .points:
      guard let sign = changeSign(before: i, requireComparator: false) else { return nil }
      var draft = makeDraft(.change, value: nil, unit: .points, start: changeStart, end: unitEnd, flags: [.blank])
      _ = sign
      resolveChange(&draft)
      drafts.append(draft)
      return unitEnd
    case .age:
      return blankAge(at: i, unitEnd: unitEnd, prev: prev, next: next)
    case .year:
      return blankYear(at: i, unitEnd: unitEnd, prev: prev, next: next)
    case .month:
      // 月日: a date with both numbers missing.
      guard next == 0x65E5 else { return nil }
      drafts.append(makeDraft(.date, value: nil, unit: .empty, start: i, end: unitEnd + 3, flags: [.blank]))
      return unitEnd + 3
    case .count:
      if entry.code == MeasureWord.Entry.session {
        guard isBlankSession(prev: prev, next: next, at: i) else { return nil }
      } else {
        guard isBlankCount(entry, prev: prev, next: next, at: i) else { return nil }
      }
      var draft = makeDraft(.count, value: nil, unit: entry.unit, start: i, end: unitEnd, flags: [.blank])
      resolveCount(&draft, numberStart: i, unitEnd: unitEnd, countsPeople: entry.countsPeople)
      drafts.append(draft)
      return unitEnd
    default:
      return nil
    }
  }

  /// Whether 人 at `i` stands before a Han character other than 占 / 佔 (a lead byte E4…E9 is no clause end):
  /// then `rejectsBlankPersonOrName` says true, and this says so from the bytes alone. False where it cannot
  /// tell.
  @inline(__always)
  func isPersonBeforeHan(at i: Int) -> Bool {
    guard i + 5 < hi, p[i] == 0xE4, p[i + 1] == 0xBA, p[i + 2] == 0xBA, p[i + 3] &- 0xE4 < 6 else { return false }
    let b3 = p[i + 3]
    let b4 = p[i + 4]
    let b5 = p[i + 5]
    return !(b3 == 0xE5 && b4 == 0x8D && b5 == 0xA0) && !(b3 == 0xE4 && b4 == 0xBD && b5 == 0x94)
  }

  /// 人 and 名 inside words (人员, 名单, 代表名额) are the common case and never blanks: what `isBlankCount`
  /// would say, decided from the neighbours before the unit is parsed. 人 needs a clause end after it
  /// (人次 neither); 名 a clause end after it or a trigger before it.
  @inline(__always)
  mutating func rejectsBlankPersonOrName(at i: Int) -> Bool {
    let isPerson = p[i] == 0xE4 && p[i + 1] == 0xBA && p[i + 2] == 0xBA
    let isName = p[i] == 0xE5 && p[i + 1] == 0x90 && p[i + 2] == 0x8D
    guard isPerson || isName else { return false }
    let next = i + 3 < hi ? ScalarReader.scalar(at: i + 3, in: p).value : 0x0A
    if isClausePunctuation(next) || next == 0x5360 || next == 0x4F54 || next == 0x0A || next == 0x0D { return false }
    if isPerson { return true }
    return !Self.triggers.contains(ScriptFolding.fold(previousScalar(before: i) ?? 0x0A, table: han))
  }

  private mutating func blankAge(at i: Int, unitEnd: Int, prev: UInt32, next: UInt32) -> Int? {
    // 岁月, 岁数, 岁末: words.
    if [0x6708, 0x6570, 0x6578, 0x672B].contains(next) { return nil }
    // --岁的名: a band with both ends missing.
    if [0x2D, 0x2014, 0x2013, 0xFF0D, 0xFF5E, 0x7E].contains(prev) {
      var start = i
      while start > lo, let v = previousScalar(before: start), [0x2D, 0x2014, 0x2013, 0xFF0D, 0xFF5E, 0x7E].contains(v) {
        start = ScalarReader.previousBoundary(before: start, in: p)
      }
      if let v = previousScalar(before: start), isNumberScalar(v) { return nil }
      return band(start: start, low: nil, high: nil, bandEnd: unitEnd, flags: [])
    }
    if let end = Self.below.match(at: unitEnd, limit: hi, in: p)?.end {
      return band(start: i, low: nil, high: nil, bandEnd: end, flags: [])
    }
    if let end = Self.above.match(at: unitEnd, limit: hi, in: p)?.end {
      return band(start: i, low: nil, high: nil, bandEnd: end, flags: [])
    }
    if let c = connector(at: unitEnd, dates: false) {
      var k = c
      if let z = FoldedMatch.match(Self.zhou, at: k, limit: hi, in: p, table: han) { k = z }
      if let (entry, end) = MeasureWord.match(at: k, limit: hi, in: p, han: han, lookup: units), entry.role == .age {
        return band(start: i, low: nil, high: nil, bandEnd: end, flags: [])
      }
    }
    guard Self.ageBlankNeighbours.contains(prev) || isClausePunctuation(prev) || changeSign(before: i, requireComparator: false) != nil
    else { return nil }
    var draft = makeDraft(.age, value: nil, unit: .age, start: i, end: unitEnd, flags: [.blank])
    resolveAge(&draft, numberStart: i)
    if draft.kind == .age && !(prev == 0x4EC5) { return nil }  // a bare 岁 is too weak alone
    drafts.append(draft)
    return unitEnd
  }

  /// What may stand right before a 岁 whose number is missing: 年龄为岁, 比上届(岁), 下降了岁.
  static let ageBlankNeighbours = ScalarSet([
      0x9F84, 0x9F61, 0x4E3A, 0x70BA, 0x662F, 0x28, 0xFF08, 0x4E86, 0x4F4E, 0x9AD8, 0x5C11, 0x591A, 0x964D, 0x5347, 0x52A0,
      0x51CF, 0x6E1B, 0x957F, 0x4EC5, 0x5728, 0x8FBE, 0x9054, 0x5468, 0x9031,
    ])
  static let personWords: ScalarSet = ScalarSet(folding: "个本他她别家众每各诸某哪世国军工商农法新能好证私旁友敌真成老青少男女夫主客病罪伟圣前后古今族文诗感用恋艺匠为做待亲外何班头白轻年疾营络报绍事理荐持言办承表策护托请包伙情明保票集名人一两路惊选责导系任到")
  static let nameWords: ScalarSet = ScalarSet(folding: "姓报提署排点实签命著知具联匿成美罪盛题书地慕功虚出莫闻除更改化无艺笔真本学俗小大别正定同齐驰扬声英恶污冒假诬浮徒列挂一")
  static let pieceWords: ScalarSet = ScalarSet(folding: "各整这那每某哪一两几半单真好些逐")
  static let triggers: ScalarSet = ScalarSet(folding: "有共计分立办生出定整调辖从达为设派的县区镇乡、")
  static let nextStops: ScalarSet = ScalarSet(folding: "别人体性案月序数单额称义字册誉牌片录副次利胜气言校")

  private mutating func isBlankCount(_ entry: MeasureWord.Entry, prev: UInt32, next: UInt32, at i: Int) -> Bool {
    let folded = ScriptFolding.fold(prev, table: han)
    let nextIsEnd = isClausePunctuation(next) || next == 0x5360 || next == 0x4F54 || next == 0x0A || next == 0x0D
    let nextIsHan = next >= 0x4E00 && next <= 0x9FFF
    if entry.blankAfterPunctuation && nextIsEnd {
      switch entry.code {
      case MeasureWord.Entry.person:
        if folded == 0x4E3E || folded == 0x7968 {
          // 选举人, 投票人: words, unless after 参加投票 (the number of voters lost).
          let j = ScalarReader.previousBoundary(before: i, in: p)
          return FoldedMatch.matchBackward(Self.votedElector, endingAt: j, floor: max(lo, j - 12), in: p) != nil
            || FoldedMatch.matchBackward(Self.votedPerson, endingAt: j, floor: max(lo, j - 12), in: p) != nil
        }
        return !Self.personWords.contains(folded) && !isBreakBefore(prev)
      case MeasureWord.Entry.name: return !Self.nameWords.contains(folded) && !isBreakBefore(prev)
      default: return !Self.pieceWords.contains(folded) && !isBreakBefore(prev)
      }
    }
    // 共有名选民, 划分个选区: only 名 and 个, whose word-forming neighbours are listed.
    guard entry.code == MeasureWord.Entry.name || entry.code == MeasureWord.Entry.piece, Self.triggers.contains(folded) else { return false }
    if entry.code == MeasureWord.Entry.piece && Self.pieceWords.contains(folded) { return false }
    return (nextIsHan || nextIsEnd) && !Self.nextStops.contains(ScriptFolding.fold(next, table: han))
  }

  private mutating func isBreakBefore(_ v: UInt32) -> Bool { v < 0x80 || isClausePunctuation(v) }

  /// A year with its number missing in a document's title: 《**区年镇级人民代表大会换届选举工作方案》. Only
  /// right after a place suffix (区 县 市 镇 乡 省) inside 《》, and not where 年 begins a word (年度, 年均,
  /// 年龄, 年底, …): outside titles 年 after a place is too often prose.
  private mutating func blankYear(at i: Int, unitEnd: Int, prev: UInt32, next: UInt32) -> Int? {
    guard Self.yearPlaceSuffixes.contains(ScriptFolding.fold(prev, table: han)),
      !Self.yearWordStarts.contains(ScriptFolding.fold(next, table: han))
    else { return nil }
    // Inside 《》: an opening mark before `i` in the line, with no closing mark after it.
    let floor = max(lo, i - 240)
    var j = i
    while j > floor {
      let (v, k) = SubjectFinder.scalar(before: j, in: p)
      guard k >= floor, v != 0x300B, v != 0x0A, v != 0x0D else { return nil }
      if v == 0x300A { break }
      j = k
    }
    guard j > floor else { return nil }
    drafts.append(makeDraft(.date, value: nil, unit: .year, start: i, end: unitEnd, flags: [.blank]))
    return unitEnd
  }

  static let yearPlaceSuffixes = ScalarSet(folding: "区县市镇乡省")
  /// Words that begin with 年: 年度 年均 年龄 年轻 年代 年底 年初 年末 年内 年来 年间 年终 年满 年纪 年鉴 年报 年会 年货 年华
  /// 年级 年薪 年限 年份 年年 年前 年后 年中 年头 年节 年岁 年迈 年长 年幼 年少 年青.
  static let yearWordStarts = ScalarSet(folding: "度均龄轻代底初末内来间终满纪鉴报会货华级薪限份年前后中头节岁迈长幼少青")

  /// 期 with its number missing: 举办各类培训班期，. Only after 会 or 班, before a clause end, and after a verb
  /// that holds sessions earlier in the clause (举办 举行 开办 召开 组织 开展): 期 ends many words (任期，时期，
  /// 学期，), and 会期 alone is a meeting's length.
  private mutating func isBlankSession(prev: UInt32, next: UInt32, at i: Int) -> Bool {
    let folded = ScriptFolding.fold(prev, table: han)
    guard folded == 0x4F1A || folded == 0x73ED else { return false }
    guard isClausePunctuation(next) || next == 0x0A || next == 0x0D else { return false }
    let floor = max(clauseStart, i - 90)
    var j = ScalarReader.previousBoundary(before: i, in: p)
    var later: UInt32 = 0
    while j > floor {
      let (v, k) = SubjectFinder.scalar(before: j, in: p)
      guard k >= floor else { break }
      switch (ScriptFolding.fold(v, table: han), later) {
      case (0x4E3E, 0x529E), (0x4E3E, 0x884C), (0x5F00, 0x529E), (0x53EC, 0x5F00), (0x7EC4, 0x7EC7), (0x5F00, 0x5C55):
        return true
      case (let f, _): later = f
      }
      j = k
    }
    return false
  }

  // MARK: - Places

  /// The nearest place name before `end` in the sentence: 全区, 芝山镇, 石亭镇, 全镇.
  private mutating func place(before end: Int) -> Range<Int> {
    let floor = max(sentenceStart, end - 360)
    let suffixForms = Self.placeSuffixForms
    var j = end
    while j > floor {
      let (v, k) = SubjectFinder.scalar(before: j, in: p)
      guard k >= floor else { break }
      if suffixForms.contains(v) {
        let name = placeName(endingAt: k, suffix: v, floor: floor)
        if !name.isEmpty { return name }
      }
      j = k
    }
    return 0..<0
  }

  static let placeSuffixes = ScalarSet([0x533A, 0x9547, 0x4E61, 0x53BF, 0x5E02])  // 区 镇 乡 县 市
  /// The Han characters that fold to a place suffix (區 鎮 鄉 縣 too): the walk back tests the text as written.
  static let placeSuffixForms = ScalarSet((UInt32(0x4E00)...0x9FFF).filter { placeSuffixes.contains(ScriptFolding.fold($0)) })
  /// Characters before a suffix that make a common word, not a place: 选区, 社区, 乡镇, 城市.
  static let notPlaces: ScalarSet = ScalarSet(folding: "选社城辖园小片分地专景乡街都超上门营集灾疫郊老新")
  static let nameStops: ScalarSet = ScalarSet(folding: "在于的和与及各年是为了从对共有将由月日")

  private mutating func placeName(endingAt suffixStart: Int, suffix: UInt32, floor: Int) -> Range<Int> {
    let end = suffixStart + (suffix < 0x10000 ? 3 : 4)
    var j = suffixStart
    var n = 0
    while j > floor, n < 3 {
      let k = ScalarReader.previousBoundary(before: j, in: p)
      guard k >= floor else { break }
      let v = ScalarReader.scalar(at: k, in: p).value
      let folded = ScriptFolding.fold(v, table: han)
      if n == 0 && Self.notPlaces.contains(folded) { return 0..<0 }
      let isPlaceholder = v == 0x78 || v == 0x58 || v == 0x2A || v == 0xD7
      if SubjectFinder.isBreak(v) && !isPlaceholder { break }
      if Self.nameStops.contains(folded) { break }
      j = k
      n += 1
      if folded == 0x5168 || folded == 0x6211 || folded == 0x672C { break }  // 全 我 本
    }
    return n > 0 ? j..<end : 0..<0
  }

  // MARK: - Parallel runs

  /// 妇女干部98名、少数民族干部11名，分别占干部总数的11.5%和1.3%: the n percents take the subjects of the
  /// last n counts before them, in order.
  private mutating func resolveParallels() {
    var k = 0
    while k < drafts.count {
      guard drafts[k].isParallelHead else { k += 1; continue }
      var end = k + 1
      while end < drafts.count && drafts[end].isParallelTail { end += 1 }
      let n = end - k
      var parts: [Int] = []
      var m = k - 1
      while m >= 0, parts.count < n, drafts[m].sentence == drafts[k].sentence {
        if drafts[m].isCountLike { parts.insert(m, at: 0) }
        m -= 1
      }
      if parts.count == n {
        for (offset, part) in parts.enumerated() {
          drafts[k + offset].subject = drafts[part].subject
          drafts[k + offset].isPreviousTerm = drafts[part].isPreviousTerm
          if drafts[k + offset].base.isEmpty { drafts[k + offset].base = drafts[part].base }
        }
      }
      for j in k..<end {
        drafts[j].base = drafts[k].base
        if drafts[j].metric == nil { drafts[j].metric = MetricTable.share(in: drafts[j].subject, p: p) }
      }
      k = end
    }
    for j in drafts.indices where drafts[j].kind == .percent && drafts[j].metric == nil {
      drafts[j].metric = MetricTable.share(in: drafts[j].subject, p: p)
    }
  }

  // MARK: - Helpers

  /// The total or group the current figure belongs to: 其中 in the sentence, else 在…中 in the paragraph.
  private var contextBase: Range<Int> { sentenceTotal.isEmpty ? paragraphBase : sentenceTotal }

  /// How far back (in bytes) a keyword before a figure is looked for: 30 Han characters.
  static let lookBack = 90

  /// The last draft of the current sentence, among the last 64, that satisfies `predicate`. Bounded, so a
  /// sentence of thousands of figures stays linear.
  private mutating func lastInSentence(where predicate: (borrowing FigureDraft) -> Bool) -> Int? {
    var k = drafts.count - 1
    let floor = max(0, drafts.count - 64)
    while k >= floor && drafts[k].sentence == sentence {
      if predicate(drafts[k]) { return k }
      k -= 1
    }
    return nil
  }

  /// Subjects are looked for after the previous figure and the clause start.
  private var subjectFloor: Int { max(clauseStart, drafts.last?.end ?? lo) }

  private mutating func makeDraft(
    _ kind: Figure.Kind, value: ExactDecimal?, unit: MeasureWord.Unit, start: Int, end: Int, flags: Figure.Flags
  ) -> FigureDraft {
    FigureDraft(kind: kind, value: value, unit: unit, flags: flags, start: start, end: end, sentence: sentence)
  }

  @inline(__always)
  private func previousScalar(before i: Int) -> UInt32? {
    guard i > lo else { return nil }
    return SubjectFinder.scalar(before: i, in: p).value
  }

  @inline(__always)
  private func isASCIILetter(before i: Int) -> Bool {
    guard i > lo else { return false }
    let b = p[i - 1] | 0x20
    return b >= 0x61 && b <= 0x7A
  }

  /// Digits, full-width digits, Chinese numerals and placeholder symbols.
  @inline(__always)
  private func isNumberScalar(_ v: UInt32) -> Bool {
    (v >= 0x30 && v <= 0x39) || (v >= 0xFF10 && v <= 0xFF19) || ChineseNumeral.digit(v) != nil || v == 0x5341
      || v == 0x78 || v == 0x58 || v == 0x2A || v == 0xD7 || v == 0xFF38 || v == 0xFF58 || v == 0xFF0A
  }

  @inline(__always)
  private func isClausePunctuation(_ v: UInt32) -> Bool {
    switch v {
    case 0x2C, 0x3B, 0x3A, 0x2E, 0x28, 0x29, 0x3F, 0x21, 0xFF0C, 0xFF1B, 0xFF1A, 0xFF08, 0xFF09, 0x3001, 0x3002, 0xFF01,
      0xFF1F:
      true
    default: false
    }
  }
}
