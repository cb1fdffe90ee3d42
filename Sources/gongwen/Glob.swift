/// A shell-style pattern matched on path bytes, written by hand (no Regex): `*` any bytes but `/`, `**` any
/// bytes, `?` one byte, `[abc]` `[a-z]` `[!a-z]` `[^a-z]` one byte of a set, `\x` the byte x.
///
/// A pattern without `/` is matched against the file name; one with `/` against the path below the
/// directory named on the command line (`2021/*.txt`). A leading dot needs no special match.
struct Glob: Sendable, Hashable {
  enum Token: Sendable, Hashable {
    case byte(UInt8)
    case any
    case star
    case doubleStar
    case set([Bool], negated: Bool)
  }

  let pattern: String
  let tokens: [Token]
  let ignoresCase: Bool
  /// Whether the pattern holds a `/` and so applies to the relative path, not the name.
  let matchesPath: Bool
  /// For `*` then plain bytes only (the default `*.txt`): those bytes, matched as a suffix in one pass.
  let starSuffix: [UInt8]?

  init(_ pattern: String, ignoringCase: Bool = false) {
    self.pattern = pattern
    self.ignoresCase = ignoringCase
    let p = LosslessArgument.bytes(of: pattern)
    matchesPath = p.contains(0x2F)
    var tokens: [Token] = []
    var i = 0
    while i < p.count {
      let b = p[i]
      switch b {
      case 0x2A:  // *
        if i + 1 < p.count && p[i + 1] == 0x2A {
          tokens.append(.doubleStar)
          i += 2
          while i < p.count && p[i] == 0x2A { i += 1 }
          continue
        }
        tokens.append(.star)
      case 0x3F: tokens.append(.any)  // ?
      case 0x5C where i + 1 < p.count:  // backslash
        i += 1
        tokens.append(.byte(p[i]))
      case 0x5B:  // [
        if let (set, negated, end) = Self.parseSet(p, from: i + 1, ignoringCase: ignoringCase) {
          tokens.append(.set(set, negated: negated))
          i = end
        } else {
          tokens.append(.byte(b))
        }
      default: tokens.append(.byte(b))
      }
      i += 1
    }
    self.tokens = tokens
    starSuffix = Self.starSuffix(of: tokens)
  }

  /// The bytes after a leading `*` when nothing else in `tokens` is special.
  private static func starSuffix(of tokens: [Token]) -> [UInt8]? {
    guard tokens.first == .star else { return nil }
    var bytes: [UInt8] = []
    for token in tokens.dropFirst() {
      guard case .byte(let b) = token else { return nil }
      bytes.append(b)
    }
    return bytes
  }

  /// Parses a `[...]` set starting after `[`; returns the set and the index of `]`, or nil when unclosed.
  private static func parseSet(_ p: [UInt8], from start: Int, ignoringCase: Bool) -> ([Bool], Bool, Int)? {
    var set = [Bool](repeating: false, count: 256)
    var i = start
    var negated = false
    if i < p.count && (p[i] == 0x21 || p[i] == 0x5E) { negated = true; i += 1 }
    var first = true
    while i < p.count {
      var b = p[i]
      if b == 0x5D && !first { break }
      first = false
      if b == 0x5C && i + 1 < p.count { i += 1; b = p[i] }
      var high = b
      if i + 2 < p.count && p[i + 1] == 0x2D && p[i + 2] != 0x5D {
        high = p[i + 2]
        i += 2
      }
      if b <= high {
        for c in b...high {
          set[Int(c)] = true
          if ignoringCase { set[Int(fold(c))] = true }
        }
      }
      i += 1
    }
    guard i < p.count else { return nil }
    if ignoringCase { for c in 0..<256 where set[c] { set[Int(fold(UInt8(c)))] = true } }
    return (set, negated, i)
  }

  private static func fold(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

  /// Whether `name` (a file name) or `relativePath` (below the walked directory) matches.
  func matches(name: [UInt8], relativePath: [UInt8]) -> Bool {
    matches(matchesPath ? relativePath : name)
  }

  /// Whether the whole of `text` matches.
  /// - Complexity: O(n·m) for n bytes of text and m tokens: a set of reachable positions, never backtracking.
  func matches(_ text: [UInt8]) -> Bool {
    if let starSuffix { return matches(text, starThen: starSuffix) }
    return matchesByPositions(text)
  }

  /// `*` then `suffix`: the text ends with the suffix and has no `/` before it. Every name of a walk is
  /// tested, so no arrays of positions for the common pattern.
  private func matches(_ text: [UInt8], starThen suffix: [UInt8]) -> Bool {
    let n = text.count
    let start = n - suffix.count
    guard start >= 0 else { return false }
    for j in 0..<start where text[j] == 0x2F { return false }
    for k in suffix.indices where !accepts(.byte(suffix[k]), text[start + k]) { return false }
    return true
  }

  /// `matches(_:)` for any pattern: the set of positions each token can reach.
  func matchesByPositions(_ text: [UInt8]) -> Bool {
    let n = text.count
    var reachable = [Bool](repeating: false, count: n + 1)
    var next = reachable
    reachable[0] = true
    for token in tokens {
      for j in 0...n { next[j] = false }
      var any = false
      switch token {
      case .star, .doubleStar:
        let crossesSlash = token == .doubleStar
        var open = false
        for j in 0...n {
          if reachable[j] { open = true }
          if open { next[j] = true; any = true }
          if j < n && text[j] == 0x2F && !crossesSlash { open = false }
        }
      default:
        for j in 0..<n where reachable[j] && accepts(token, text[j]) {
          next[j + 1] = true
          any = true
        }
      }
      guard any else { return false }
      swap(&reachable, &next)
    }
    return reachable[n]
  }

  private func accepts(_ token: Token, _ b: UInt8) -> Bool {
    switch token {
    case .byte(let c): ignoresCase ? Self.fold(c) == Self.fold(b) : c == b
    case .any: true
    case .set(let set, let negated): set[Int(b)] != negated
    case .star, .doubleStar: false
    }
  }
}
