/// Matching of keywords against text through `ScriptFolding`: 參選率 and 参选率, ％ and % match alike.
enum FoldedMatch {
  /// A keyword as folded scalars.
  static func pattern(_ s: String) -> [UInt32] { s.unicodeScalars.map { ScriptFolding.fold($0.value) } }

  /// End offset when `pattern` matches at `i` (before `limit`), else nil.
  @inline(__always)
  static func match(_ pattern: [UInt32], at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> Int? {
    match(pattern, at: i, limit: limit, in: p, table: ScriptFolding.hanTable)
  }

  /// `match` folding through `table` (`ScriptFolding.hanTable`, held by the caller).
  @inline(__always)
  static func match(_ pattern: [UInt32], at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>, table: [UInt16]) -> Int? {
    var j = i
    for want in pattern {
      guard j < limit else { return nil }
      let (v, len) = ScalarReader.scalar(at: j, in: p)
      guard ScriptFolding.fold(v, table: table) == want else { return nil }
      j += len
    }
    return j
  }

  /// Start offset when `pattern` ends exactly at `end` (not before `floor`), else nil.
  static func matchBackward(_ pattern: [UInt32], endingAt end: Int, floor: Int, in p: UnsafeBufferPointer<UInt8>)
    -> Int?
  {
    var j = end
    for want in pattern.reversed() {
      guard j > floor else { return nil }
      let k = ScalarReader.previousBoundary(before: j, in: p)
      guard k >= floor else { return nil }
      let (v, _) = ScalarReader.scalar(at: k, in: p)
      guard ScriptFolding.fold(v) == want else { return nil }
      j = k
    }
    return j
  }

  /// The first of `patterns` matching at `i`, with its end.
  static func firstMatch(_ patterns: [[UInt32]], at i: Int, limit: Int, in p: UnsafeBufferPointer<UInt8>) -> (
    index: Int, end: Int
  )? {
    for (k, pattern) in patterns.enumerated() {
      if let end = match(pattern, at: i, limit: limit, in: p) { return (k, end) }
    }
    return nil
  }

  /// Whether `pattern` occurs anywhere in `range`.
  static func contains(_ pattern: [UInt32], in range: Range<Int>, p: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = range.lowerBound
    while i < range.upperBound {
      if match(pattern, at: i, limit: range.upperBound, in: p) != nil { return true }
      i += ScalarReader.scalar(at: i, in: p).length
    }
    return false
  }
}
