/// Keywords stored flat (one scalar array and the bounds of each), matched forwards or backwards through
/// `ScriptFolding` without touching an array per keyword: the figure scan asks these lists on every figure.
struct PatternList: Sendable {
  /// The lists' tables, behind one reference: passing or reading a list (often from a static) retains one
  /// object, not its ten arrays (a third of the cost of trimming a subject went to those retains).
  private let storage: Storage

  private final class Storage: Sendable {
    /// Every keyword's folded scalars, one after another.
    let scalars: [UInt32]
    /// Where each keyword starts in `scalars`, and a final end.
    let starts: [Int]
    /// First and last scalars of the keywords, folded.
    let firsts: ScalarSet
    let lasts: ScalarSet
    /// Every scalar that folds to a first (or last) scalar: the quick reject reads the text's scalar as it
    /// stands, with no folding, and most positions asked about are rejected.
    let rawFirsts: ScalarSet
    let rawLasts: ScalarSet
    /// One bit per low six bits of the last byte of each multi-byte scalar of `rawLasts`: a walk back over
    /// three-byte characters rejects most of them by that byte alone, without decoding.
    let lastByteMask: UInt64
    /// Keyword indices grouped by their first (last) scalar's low six bits, in keyword order within a group:
    /// a match tries only the keywords that can start (end) with the scalar found.
    let byFirst: Buckets
    let byLast: Buckets
    /// Scalars in the longest keyword: the text is decoded and folded at most this far, once per match.
    let longest: Int
    /// `ScriptFolding.hanTable`, held: read through a static, it costs a call per fold.
    let han = ScriptFolding.hanTable

    init(
      scalars: [UInt32], starts: [Int], firsts: ScalarSet, lasts: ScalarSet, rawFirsts: ScalarSet, rawLasts: ScalarSet,
      lastByteMask: UInt64, byFirst: Buckets, byLast: Buckets, longest: Int
    ) {
      self.scalars = scalars
      self.starts = starts
      self.firsts = firsts
      self.lasts = lasts
      self.rawFirsts = rawFirsts
      self.rawLasts = rawLasts
      self.lastByteMask = lastByteMask
      self.byFirst = byFirst
      self.byLast = byLast
      self.longest = longest
    }
  }

  @inline(__always) private var scalars: [UInt32] { storage.scalars }
  @inline(__always) private var starts: [Int] { storage.starts }
  /// First and last scalars of the keywords, folded.
  @inline(__always) var firsts: ScalarSet { storage.firsts }
  @inline(__always) var lasts: ScalarSet { storage.lasts }
  @inline(__always) private var rawFirsts: ScalarSet { storage.rawFirsts }
  @inline(__always) private var rawLasts: ScalarSet { storage.rawLasts }
  @inline(__always) private var lastByteMask: UInt64 { storage.lastByteMask }
  @inline(__always) private var byFirst: Buckets { storage.byFirst }
  @inline(__always) private var byLast: Buckets { storage.byLast }
  @inline(__always) private var han: [UInt16] { storage.han }

  /// Keyword indices grouped by a scalar's low six bits.
  private struct Buckets: Sendable {
    /// Where each of the 64 groups starts in `keys`, and a final end.
    let bounds: [Int]
    let keys: [Int]

    init(_ scalars: [UInt32]) {
      var bounds = [Int](repeating: 0, count: 65)
      var keys: [Int] = []
      for bucket in 0..<64 {
        bounds[bucket] = keys.count
        for (k, v) in scalars.enumerated() where Int(v & 63) == bucket { keys.append(k) }
      }
      bounds[64] = keys.count
      self.bounds = bounds
      self.keys = keys
    }
  }

  /// The keywords in the order given: the first that matches wins.
  init(_ words: [String]) {
    var scalars: [UInt32] = []
    var starts: [Int] = []
    for word in words {
      starts.append(scalars.count)
      scalars.append(contentsOf: FoldedMatch.pattern(word))
    }
    starts.append(scalars.count)
    let firstScalars = (0..<words.count).map { scalars[starts[$0]] }
    let lastScalars = (0..<words.count).map { scalars[starts[$0 + 1] - 1] }
    let rawLastScalars = lastScalars.flatMap(Self.unfolded)
    storage = Storage(
      scalars: scalars, starts: starts, firsts: ScalarSet(firstScalars), lasts: ScalarSet(lastScalars),
      rawFirsts: ScalarSet(firstScalars.flatMap(Self.unfolded)), rawLasts: ScalarSet(rawLastScalars),
      lastByteMask: rawLastScalars.reduce(0) { $1 >= 0x80 ? $0 | 1 << UInt64($1 & 63) : $0 },
      byFirst: Buckets(firstScalars), byLast: Buckets(lastScalars),
      longest: (0..<words.count).map { starts[$0 + 1] - starts[$0] }.max() ?? 0)
  }

  /// The scalars that fold to `folded` (itself included): full-width forms, the ideographic space,
  /// traditional forms.
  private static func unfolded(_ folded: UInt32) -> [UInt32] {
    var forms: [UInt32] = [folded]
    if folded >= 0x21 && folded <= 0x7E { forms.append(folded + 0xFEE0) }
    if folded == 0x20 { forms.append(0x3000) }
    forms.append(contentsOf: traditionalForms[folded] ?? [])
    return forms.filter { ScriptFolding.fold($0) == folded }
  }

  /// Simplified scalar → its traditional forms, from the folding table.
  private static let traditionalForms: [UInt32: [UInt32]] = {
    var forms: [UInt32: [UInt32]] = [:]
    for v: UInt32 in 0x4E00...0x9FFF where ScriptFolding.isTraditional(v) {
      forms[ScriptFolding.fold(v), default: []].append(v)
    }
    return forms
  }()

  /// Whether some keyword may start with `v` as written in the text (before folding).
  @inline(__always)
  func mayStart(with v: UInt32) -> Bool { rawFirsts.contains(v) }

  /// Whether some keyword may end with `v` as written in the text (before folding).
  @inline(__always)
  func mayEnd(with v: UInt32) -> Bool { rawLasts.contains(v) }

  /// Whether some keyword may end with the multi-byte scalar whose last byte is `b`: false means none does.
  @inline(__always)
  func mayEnd(withLastByte b: UInt8) -> Bool { lastByteMask &>> UInt64(b & 63) & 1 != 0 }

  /// The first scalar boundary from `i` on where some keyword may start (see `ScalarSet.firstMember`).
  @inline(__always)
  func nextCandidate(from i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> Int {
    rawFirsts.firstMember(from: i, limit: limit, in: p)
  }

  /// Number of keywords.
  var count: Int { starts.count - 1 }

  /// The first keyword matching at `i` (before `limit`): its index and end. The quick reject (most positions
  /// asked about) is inlined at the call; the keyword loop is not.
  @inline(__always)
  func match(at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> (index: Int, end: Int)? {
    guard i < limit else { return nil }
    let (v, len) = ScalarReader.scalar(at: i, in: p)
    guard rawFirsts.contains(v) else { return nil }
    return match(first: v, length: len, at: i, limit: limit, in: p)
  }

  /// The keywords starting with the text's first scalar, compared with the text's scalars folded: the
  /// second once for all of them (most keywords part there), the others as each keyword goes on.
  @inline(never)
  private func match(first v: UInt32, length len: Int, at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> (
    index: Int, end: Int
  )? {
    let first = ScriptFolding.fold(v, table: han)
    let bucket = Int(first & 63)
    return scalars.withUnsafeBufferPointer { scalars in
      starts.withUnsafeBufferPointer { starts in
        byFirst.keys.withUnsafeBufferPointer { keys in
          byFirst.bounds.withUnsafeBufferPointer { bounds in
            var second: UInt32 = 0
            var secondEnd = -1  // -1: not decoded yet, -2: past the limit
            for b in bounds[bucket]..<bounds[bucket + 1] {
              let k = keys[b]
              let s = starts[k]
              let count = starts[k + 1] - s
              guard scalars[s] == first else { continue }
              if count == 1 { return (k, i + len) }
              // The second scalar is decoded once for all the keywords sharing the first (全区, 全镇, 全县…).
              if secondEnd == -1 {
                secondEnd = -2
                if i + len < limit {
                  let (w, l) = ScalarReader.scalar(at: i + len, in: p)
                  second = ScriptFolding.fold(w, table: han)
                  secondEnd = i + len + l
                }
              }
              guard secondEnd >= 0, second == scalars[s + 1] else { continue }
              var n = 2
              var j = secondEnd
              while n < count {
                guard j < limit else { break }
                let (w, l) = ScalarReader.scalar(at: j, in: p)
                guard ScriptFolding.fold(w, table: han) == scalars[s + n] else { break }
                j += l
                n += 1
              }
              if n == count { return (k, j) }
            }
            return nil
          }
        }
      }
    }
  }

  /// The first keyword ending exactly at `end` (starting at or after `floor`): its index and start. The quick
  /// reject is inlined at the call.
  @inline(__always)
  func matchBackward(endingAt end: Int, floor: Int, in p: UnsafeBufferPointer<UInt8>) -> (index: Int, start: Int)? {
    guard end > floor else { return nil }
    let (raw, lastStart) = SubjectFinder.scalar(before: end, in: p)
    guard lastStart >= floor, rawLasts.contains(raw) else { return nil }
    return matchBackward(last: raw, start: lastStart, floor: floor, in: p)
  }

  /// The keywords ending with the text's last scalar, compared with the text's scalars (backwards) folded as
  /// it goes (see the forward match).
  @inline(never)
  private func matchBackward(last raw: UInt32, start lastStart: Int, floor: Int, in p: UnsafeBufferPointer<UInt8>) -> (
    index: Int, start: Int
  )? {
    let last = ScriptFolding.fold(raw, table: han)
    let bucket = Int(last & 63)
    return scalars.withUnsafeBufferPointer { scalars in
      starts.withUnsafeBufferPointer { starts in
        byLast.keys.withUnsafeBufferPointer { keys in
          byLast.bounds.withUnsafeBufferPointer { bounds in
            var second: UInt32 = 0
            var secondStart = -1  // -1: not decoded yet, -2: before the floor
            for b in bounds[bucket]..<bounds[bucket + 1] {
              let k = keys[b]
              let e = starts[k + 1] - 1
              let count = e + 1 - starts[k]
              guard scalars[e] == last else { continue }
              if count == 1 { return (k, lastStart) }
              // The scalar before the last is decoded once for all the keywords sharing the last.
              if secondStart == -1 {
                secondStart = -2
                if lastStart > floor {
                  let (v, s) = SubjectFinder.scalar(before: lastStart, in: p)
                  if s >= floor {
                    second = ScriptFolding.fold(v, table: han)
                    secondStart = s
                  }
                }
              }
              guard secondStart >= 0, second == scalars[e - 1] else { continue }
              var n = 2
              var j = secondStart
              while n < count {
                guard j > floor else { break }
                let (v, s) = SubjectFinder.scalar(before: j, in: p)
                guard s >= floor, ScriptFolding.fold(v, table: han) == scalars[e - n] else { break }
                j = s
                n += 1
              }
              if n == count { return (k, j) }
            }
            return nil
          }
        }
      }
    }
  }
}
