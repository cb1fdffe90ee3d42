/// The section paths (`二/（一）/1`) of a document's offsets taken in text order, as
/// `Document.sectionPath(at:)` gives them, in one forward pass: siblings are in text order, so the section
/// holding the next offset is at or after the one found last at each level. The path's UTF-8 is rebuilt
/// only from the level whose heading changed, and no Section is copied.
struct SectionPathCursor {
  private let top: [Section]
  /// `levels[d]`: the siblings at depth d, the children of the section chosen at depth d - 1.
  private var levels: [[Section]] = []
  /// `chosen[d]`: the last sibling at depth d starting at or before the last offset; -1 before the first.
  private var chosen: [Int] = []
  /// The path through the first `built` chosen sections; `ends[d]` its length through depth d.
  private var path: [UInt8] = []
  private var ends: [Int] = []
  private var built = 0
  private var last = Int.min
  /// Offsets from `last` up to this one have the same path: no heading starts or ends before it.
  private var sameBefore = Int.min
  /// The path's length at `last`.
  private var count = 0

  init(_ document: Document) {
    top = document.sections
    reset()
  }

  private mutating func reset() {
    levels = [top]
    chosen = [-1]
    built = 0
    sameBefore = Int.min
  }

  /// Calls `body` with the UTF-8 of the path at `offset`; empty outside any section. Offsets that go back
  /// start again from the top (a search, not a walk, so still cheap).
  mutating func withPath<R>(at offset: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if offset >= last && offset < sameBefore {
      last = offset
      return path.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }
    if offset < last { reset() }
    last = offset
    sameBefore = Int.max
    var depth = 0
    while true {
      // Through a buffer pointer: subscripting the array would copy each Section read.
      let (i, holds, end) = levels[depth].withUnsafeBufferPointer { siblings in
        let i = Self.lastStart(atOrBefore: offset, in: siblings, after: chosen[depth])
        let holds = i >= 0 && siblings[i].range.contains(offset)
        // The path stays until the next sibling starts or, inside this one, until it ends.
        var end = i + 1 < siblings.count ? siblings[i + 1].range.lowerBound : Int.max
        if holds { end = min(end, siblings[i].range.upperBound) }
        return (i, holds, end)
      }
      sameBefore = min(sameBefore, end)
      if i != chosen[depth] {
        chosen[depth] = i
        // What was chosen below belonged to the previous sibling.
        levels.removeLast(levels.count - depth - 1)
        chosen.removeLast(chosen.count - depth - 1)
        built = min(built, depth)
      }
      guard holds else { break }
      if built == depth {
        let start = depth == 0 ? 0 : ends[depth - 1]
        path.removeLast(path.count - start)
        ends.removeLast(ends.count - depth)
        if depth > 0 { path.append(0x2F) }  // /
        var component = levels[depth].withUnsafeBufferPointer { $0[i].pathComponent }
        component.withUTF8 { path.append(contentsOf: $0) }
        ends.append(path.count)
        built = depth + 1
      }
      if depth + 1 == levels.count {
        levels.append(levels[depth].withUnsafeBufferPointer { $0[i].children })
        chosen.append(-1)
      }
      depth += 1
    }
    count = depth == 0 ? 0 : ends[depth - 1]
    return path.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
  }

  /// The path at `offset` as a String.
  mutating func path(at offset: Int) -> String {
    withPath(at: offset) { String(decoding: $0, as: UTF8.self) }
  }

  /// The last index after `start` whose section starts at or before `offset`, or `start`: a gallop then a
  /// binary search, so a long walk forward costs its logarithm.
  private static func lastStart(atOrBefore offset: Int, in siblings: UnsafeBufferPointer<Section>, after start: Int) -> Int {
    var good = start
    var step = 1
    while good + step < siblings.count && siblings[good + step].range.lowerBound <= offset {
      good += step
      step *= 2
    }
    var bad = min(good + step, siblings.count)
    while bad - good > 1 {
      let mid = (good + bad) / 2
      if siblings[mid].range.lowerBound <= offset { good = mid } else { bad = mid }
    }
    return good
  }
}
