/// The section paths (`二/（一）/1`) of a document's offsets taken in text order, as
/// `Document.sectionPath(at:)` gives them, in one forward pass: siblings are in text order, so the section
/// holding the next offset is at or after the one found last at each level. The path's UTF-8 is rebuilt
/// only from the level whose heading changed, and no Section is copied.
struct SectionPathCursor {
  /// One depth of the walk: the siblings there, the one chosen, and the path's length through it.
  private struct Level {
    /// The children of the section chosen one level up (the document's sections at depth 0), read in place.
    /// The storage belongs to `top`'s tree, which the cursor holds and nobody mutates (records are `let`), so
    /// it stays put: no array to retain, release or check for uniqueness at each step of the walk.
    var siblings: UnsafeBufferPointer<Section>
    /// The last sibling starting at or before the last offset; -1 before the first.
    var chosen = -1
    /// The path's length through the chosen sibling, once built.
    var end = 0
  }

  /// Holds the whole tree the levels point into.
  private let top: [Section]
  /// `levels[d]` holds depth d; one array, reserved once, rather than one per field.
  private var levels: [Level] = []
  /// The path through the first `built` chosen sections.
  private var path: [UInt8] = []
  private var built = 0
  private var last = Int.min
  /// Offsets from `last` up to this one have the same path: no heading starts or ends before it.
  private var sameBefore = Int.min
  /// The path's length at `last`.
  private var count = 0

  init(_ document: Document) { self.init(sections: document.sections) }

  /// A cursor over a document's top-level sections.
  init(sections: [Section]) {
    top = sections
    levels.reserveCapacity(8)
    path.reserveCapacity(64)
    reset()
  }

  /// The storage of `sections`, which `top`'s tree keeps alive and unchanged (see `Level.siblings`).
  private static func storage(of sections: [Section]) -> UnsafeBufferPointer<Section> {
    sections.withUnsafeBufferPointer { $0 }
  }

  private mutating func reset() {
    levels.removeAll(keepingCapacity: true)
    levels.append(Level(siblings: Self.storage(of: top)))
    built = 0
    sameBefore = Int.min
  }

  /// Calls `body` with the UTF-8 of the path at `offset`; empty outside any section. Offsets that go back
  /// start again from the top (a search, not a walk, so still cheap).
  @inline(__always)
  mutating func withPath<R>(at offset: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if offset >= last && offset < sameBefore {
      last = offset
    } else {
      walk(to: offset)
    }
    return Self.withPrefix(count, of: &path, body)
  }

  /// Finds the path at `offset` from the levels chosen so far, and sets `count` to its length.
  @inline(never)
  private mutating func walk(to offset: Int) {
    if offset < last { reset() }
    last = offset
    sameBefore = Int.max
    var depth = 0
    while true {
      let siblings = levels[depth].siblings
      let chosen = levels[depth].chosen
      // A new choice drops the levels below; either way the level below, if missing, is its children.
      let isDeepest = depth + 1 == levels.count
      let i = Self.lastStart(atOrBefore: offset, in: siblings, after: chosen)
      let holds = i >= 0 && siblings[i].range.contains(offset)
      // The path stays until the next sibling starts or, inside this one, until it ends.
      var end = i + 1 < siblings.count ? siblings[i + 1].range.lowerBound : Int.max
      if holds { end = min(end, siblings[i].range.upperBound) }
      sameBefore = min(sameBefore, end)
      if i != chosen {
        levels[depth].chosen = i
        // What was chosen below belonged to the previous sibling.
        while levels.count > depth + 1 { levels.removeLast() }
        built = min(built, depth)
      }
      guard holds, let first = siblings.baseAddress else { break }
      if built == depth {
        path.removeLast(path.count - (depth == 0 ? 0 : levels[depth - 1].end))
        if depth > 0 { path.append(0x2F) }  // /
        // The marker read in place: `pathComponent` would copy the Section and make a String.
        Self.appendComponent(of: first + i, to: &path)
        levels[depth].end = path.count
        built = depth + 1
      }
      if isDeepest || i != chosen { levels.append(Level(siblings: Self.storage(of: first[i].children))) }
      depth += 1
    }
    count = depth == 0 ? 0 : levels[depth - 1].end
  }

  /// Calls `body` with the first `count` bytes of `path`. Through the mutable view, which works on the array in
  /// place: the read-only one would retain it around the call.
  @inline(__always)
  private static func withPrefix<R>(
    _ count: Int, of path: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R {
    path.withUnsafeMutableBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
  }

  /// Appends `section.pathComponent`'s bytes: the marker without its closing `.` `,` `、` `．` `，`.
  @inline(__always)
  private static func appendComponent(of section: UnsafePointer<Section>, to path: inout [UInt8]) {
    // Through the pointer: a method on `pointee` would copy the Section.
    section.pointee.source.withBytes(in: section.pointee.markerRange) { u in
      path.append(contentsOf: UnsafeBufferPointer(rebasing: u[..<Section.componentEnd(of: u)]))
    }
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
