/// Keywords stored flat (one scalar array and the bounds of each), matched forwards or backwards through
/// `ScriptFolding` without touching an array per keyword: the figure scan asks these lists on every figure.
struct PatternList: Sendable {
  /// Every keyword's folded scalars, one after another.
  private let scalars: [UInt32]
  /// Where each keyword starts in `scalars`, and a final end.
  private let starts: [Int]
  /// First and last scalars of the keywords, for a quick reject.
  let firsts: ScalarSet
  let lasts: ScalarSet

  /// The keywords in the order given: the first that matches wins.
  init(_ words: [String]) {
    var scalars: [UInt32] = []
    var starts: [Int] = []
    for word in words {
      starts.append(scalars.count)
      scalars.append(contentsOf: FoldedMatch.pattern(word))
    }
    starts.append(scalars.count)
    self.scalars = scalars
    self.starts = starts
    firsts = ScalarSet((0..<words.count).map { scalars[starts[$0]] })
    lasts = ScalarSet((0..<words.count).map { scalars[starts[$0 + 1] - 1] })
  }

  /// Number of keywords.
  var count: Int { starts.count - 1 }

  /// The first keyword matching at `i` (before `limit`): its index and end.
  func match(at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> (index: Int, end: Int)? {
    guard i < limit else { return nil }
    let (v, len) = ScalarReader.scalar(at: i, in: p)
    let first = ScriptFolding.fold(v)
    guard firsts.contains(first) else { return nil }
    for k in 0..<count where scalars[starts[k]] == first {
      var j = i + len
      var n = starts[k] + 1
      while n < starts[k + 1] {
        guard j < limit else { break }
        let (w, l) = ScalarReader.scalar(at: j, in: p)
        guard ScriptFolding.fold(w) == scalars[n] else { break }
        j += l
        n += 1
      }
      if n == starts[k + 1] { return (k, j) }
    }
    return nil
  }

  /// The first keyword ending exactly at `end` (starting at or after `floor`): its index and start.
  func matchBackward(endingAt end: Int, floor: Int, in p: UnsafeBufferPointer<UInt8>) -> (index: Int, start: Int)? {
    guard end > floor else { return nil }
    let lastStart = ScalarReader.previousBoundary(before: end, in: p)
    guard lastStart >= floor else { return nil }
    let last = ScriptFolding.fold(ScalarReader.scalar(at: lastStart, in: p).value)
    guard lasts.contains(last) else { return nil }
    for k in 0..<count where scalars[starts[k + 1] - 1] == last {
      var j = lastStart
      var n = starts[k + 1] - 2
      while n >= starts[k] {
        guard j > floor else { break }
        let s = ScalarReader.previousBoundary(before: j, in: p)
        guard s >= floor, ScriptFolding.fold(ScalarReader.scalar(at: s, in: p).value) == scalars[n] else { break }
        j = s
        n -= 1
      }
      if n < starts[k] { return (k, j) }
    }
    return nil
  }
}
