/// Finds the noun phrase a figure measures, looking back at most to the clause start (and at most
/// `maxScalars`), or forward over the noun that follows a measure word (306个行政村).
enum SubjectFinder {
  static let maxScalars = 16

  /// Whether `v` ends a phrase: punctuation, digits, ASCII, spaces, brackets and quotes.
  @inline(__always)
  static func isBreak(_ v: UInt32) -> Bool {
    if v < 0x80 { return true }
    if v >= 0x3000 && v <= 0x303F { return true }  // CJK punctuation 、。「」《》【】
    if v >= 0xFF00 && v <= 0xFF65 { return true }  // full-width forms
    if v >= 0x2000 && v <= 0x206F { return true }  // “ ” — …
    if ChineseNumeral.digit(v) != nil && v != 0x4E24 { return false }
    return v == 0xFFFD || v == 0xD7
  }

  /// Words dropped from the front of a phrase: 其中男子 → 男子.
  static let leading: [[UInt32]] = [
    "其中", "另有", "还有", "共有", "全区", "全镇", "全县", "全乡", "全市", "全街道", "目前", "此外", "同时", "我区", "我镇", "我县",
    "已有", "累计", "拥有", "具有", "在", "共", "有", "和", "与", "及", "、", "的", "新当选的", "当选的", "选出", "产生", "均",
  ].map(FoldedMatch.pattern).sorted { $0.count > $1.count }

  static let leadingFirsts: Set<UInt32> = Set(leading.map { $0[0] })
  static let trailingLasts: Set<UInt32> = Set(trailing.map { $0[$0.count - 1] })
  static let cutLasts: Set<UInt32> = Set(cuts.map { $0[$0.count - 1] })

  /// Words after which the phrase starts afresh: 芝山镇共有选民 → 选民, 主任中有中共党员 → 中共党员.
  static let cuts: [[UInt32]] = ["共有", "其中", "另有", "还有", "拥有", "具有", "有"].map(FoldedMatch.pattern)

  /// Words dropped from the end: 参选率达 → 参选率.
  static let trailing: [[UInt32]] = [
    "共有", "共计", "合计", "总计", "达到", "达", "为", "是", "有", "共", "计", "约", "近", "占", "的", "超过", "不到", "仅", "只有",
    "年仅", "大约", "多达", "将近", "接近", "普遍在", "普遍", "在", "分别", "都", "也", "已", "了", "就", "人数", "总数为", "达到了",
  ].map(FoldedMatch.pattern).sorted { $0.count > $1.count }

  /// Scalars that stop the noun after a measure word: 306个行政村统一… → 行政村.
  static let nounStops: Set<UInt32> = Set(
    "的在于被是为和与及统全均都已取参进中共从对将把由向以经按等占达比较有实完开采组加分各及并个名位了配征任换开召举经要被通认积获入出来去到担当"
      .unicodeScalars.map { ScriptFolding.fold($0.value) })

  /// The scalars of the phrase ending at `end`, no further back than `floor` and `maxScalars`.
  static func scalars(before end: Int, floor: Int, in p: UnsafeBufferPointer<UInt8>) -> [UInt32] {
    var out: [UInt32] = []
    var j = end
    while j > floor, out.count < maxScalars {
      let k = ScalarReader.previousBoundary(before: j, in: p)
      guard k >= floor else { break }
      let v = ScalarReader.scalar(at: k, in: p).value
      if isBreak(v) { break }
      out.append(v)
      j = k
    }
    out.reverse()
    return out
  }

  /// The phrase before `end` (back to `floor`), trimmed of leading and trailing function words.
  static func phrase(before end: Int, floor: Int, in p: UnsafeBufferPointer<UInt8>) -> [UInt32] {
    trim(scalars(before: end, floor: floor, in: p))
  }

  /// `s` without leading and trailing function words.
  static func trim(_ s: [UInt32]) -> [UInt32] {
    var lo = 0
    // Cut after the last 共有 / 有 that leaves a phrase behind it.
    var k = s.count - 2
    cutting: while k > 0 {
      guard cutLasts.contains(ScriptFolding.fold(s[k])) else { k -= 1; continue }
      for w in cuts where matches(w, s, at: k - w.count + 1) && k + 1 < s.count {
        lo = k + 1
        break cutting
      }
      k -= 1
    }
    var hi = s.count
    var changed = true
    while changed && lo < hi {
      changed = false
      guard leadingFirsts.contains(ScriptFolding.fold(s[lo])) || trailingLasts.contains(ScriptFolding.fold(s[hi - 1])) else {
        break
      }
      for w in leading where hi - lo >= w.count && matches(w, s, at: lo) {
        lo += w.count
        changed = true
        break
      }
      for w in trailing where hi - lo >= w.count && matches(w, s, at: hi - w.count) {
        hi -= w.count
        changed = true
        break
      }
    }
    return Array(s[lo..<hi])
  }

  /// Whether folded `w` occurs in `s` at `k`.
  @inline(__always)
  static func matches(_ w: [UInt32], _ s: [UInt32], at k: Int) -> Bool {
    guard k >= 0, k + w.count <= s.count else { return false }
    for n in 0..<w.count where ScriptFolding.fold(s[k + n]) != w[n] { return false }
    return true
  }

  /// Whether folded `w` occurs anywhere in `s`.
  static func contains(_ w: [UInt32], in s: [UInt32]) -> Bool {
    guard s.count >= w.count else { return false }
    for k in 0...(s.count - w.count) where matches(w, s, at: k) { return true }
    return false
  }

  /// The noun right after a measure word, up to a stop character: 306个行政村统一 → 行政村.
  static func noun(after start: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> [UInt32] {
    var out: [UInt32] = []
    var j = start
    while j < limit, out.count < 8 {
      let (v, len) = ScalarReader.scalar(at: j, in: p)
      if isBreak(v) || nounStops.contains(ScriptFolding.fold(v)) || ChineseNumeral.digit(v) != nil { break }
      out.append(v)
      j += len
    }
    return out
  }

  /// The scalars of `range`, as written.
  static func scalarsOf(_ range: Range<Int>, in p: UnsafeBufferPointer<UInt8>) -> [UInt32] {
    var out: [UInt32] = []
    var j = range.lowerBound
    while j < range.upperBound {
      let (v, len) = ScalarReader.scalar(at: j, in: p)
      out.append(v)
      j += len
    }
    return out
  }

  /// `s` without any of `words` at its start (repeatedly).
  static func strip(leading words: [[UInt32]], from s: [UInt32]) -> [UInt32] {
    var lo = 0
    var changed = true
    while changed {
      changed = false
      for w in words where matches(w, s, at: lo) {
        lo += w.count
        changed = true
      }
    }
    return Array(s[lo...])
  }

  /// A string from scalars.
  static func string(_ s: [UInt32]) -> String {
    var out = String.UnicodeScalarView()
    for v in s { if let u = Unicode.Scalar(v) { out.append(u) } }
    return String(out)
  }
}
