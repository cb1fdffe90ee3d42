/// One check over a parsed file. Each rule lives in `Rules/<Name>Rule.swift`; its doc comment is its
/// documentation, and docs/rules.md lists every id with an example.
protocol Rule: Sendable {
  /// The stable kebab-case id, never changed once released: `lost-decimal`.
  static var id: String { get }
  /// How serious its findings are.
  static var severity: Finding.Severity { get }
  /// One line on what it flags (SARIF `shortDescription`, `gongwen check --help`).
  static var summary: String { get }
  /// Appends what the rule finds in `context` to `findings`.
  func check(_ context: RuleContext, into findings: inout [Finding])
}

extension Rule {
  /// A finding of this rule over `range` of the decoded text.
  func finding(
    _ message: String, range: Range<Int>, in context: RuleContext, suggestion: String? = nil, byteOffset: Int? = nil
  ) -> Finding {
    finding(message, range: range, text: context.text.string(range), in: context, suggestion: suggestion, byteOffset: byteOffset)
  }

  /// A finding of this rule over `range`, whose `text` the caller has made already (for its message).
  /// A location at or before `range` (`after`, as a figure's start) lets its start be counted on from there.
  func finding(
    _ message: String, range: Range<Int>, text: String, in context: RuleContext, suggestion: String? = nil,
    byteOffset: Int? = nil, after anchor: SourceLocation? = nil
  ) -> Finding {
    let start =
      if let anchor, anchor.offset <= range.lowerBound {
        context.location(of: range.lowerBound, after: anchor)
      } else {
        context.text.location(of: range.lowerBound)
      }
    return Finding(
      rule: Self.id, severity: Self.severity, message: message, start: start,
      end: context.location(of: range.upperBound, after: start), text: text, suggestion: suggestion,
      byteOffset: byteOffset)
  }

  /// The pieces joined: their bytes copied once into a String of the full size. Interpolation appended each
  /// piece through `String.append`, which cost some 500 instructions a piece for Chinese text; a variadic
  /// list allocated and freed an array for every message.
  func message(
    _ a: String, _ b: String, _ c: String = "", _ d: String = "", _ e: String = "", _ f: String = "", _ g: String = "",
    _ h: String = ""
  ) -> String {
    let count = a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count + e.utf8.count + f.utf8.count + g.utf8.count
      + h.utf8.count
    return String(unsafeUninitializedCapacity: count) { buffer in
      var at = 0
      if !a.isEmpty { MessagePiece.copy(a, into: buffer, at: &at) }
      if !b.isEmpty { MessagePiece.copy(b, into: buffer, at: &at) }
      if !c.isEmpty { MessagePiece.copy(c, into: buffer, at: &at) }
      if !d.isEmpty { MessagePiece.copy(d, into: buffer, at: &at) }
      if !e.isEmpty { MessagePiece.copy(e, into: buffer, at: &at) }
      if !f.isEmpty { MessagePiece.copy(f, into: buffer, at: &at) }
      if !g.isEmpty { MessagePiece.copy(g, into: buffer, at: &at) }
      if !h.isEmpty { MessagePiece.copy(h, into: buffer, at: &at) }
      return at
    }
  }

  /// A finding of this rule pointing at `figure`.
  func finding(_ message: String, at figure: Figure, suggestion: String? = nil) -> Finding {
    Finding(
      rule: Self.id, severity: Self.severity, message: message, start: figure.start, end: figure.end,
      text: figure.text, suggestion: suggestion)
  }

  /// A finding of this rule pointing at figure `k` of `figures`: its fields read in place (a copy of the
  /// figure retained and released its source). `text` is the figure's text when the caller has made it
  /// already (for its message): a figure's `text` is made anew each time it is read.
  func finding(_ message: String, figure k: Int, of figures: [Figure], text: String? = nil) -> Finding {
    Finding(
      rule: Self.id, severity: Self.severity, message: message, start: figures[k].start, end: figures[k].end,
      text: text ?? self.text(ofFigure: k, in: figures))
  }

  /// What a message names figure `k` of `figures` by: its subject, or `the count` when it has none.
  func subjectOrKind(_ k: Int, of figures: [Figure]) -> String {
    figures[k].hasSubject ? subject(ofFigure: k, in: figures) : "the \(figures[k].kind.rawValue)"
  }

  /// The text of figure `k` of `figures`, made from its bytes in place: `figures[k].text` copied the whole
  /// figure (retaining and releasing its source) to call the getter.
  func text(ofFigure k: Int, in figures: [Figure]) -> String {
    figures.withUnsafeBufferPointer { fp in
      fp.baseAddress.map { first in Figure.withText(of: first + k) { String(decoding: $0, as: UTF8.self) } } ?? ""
    }
  }

  /// The subject of figure `k` of `figures`, made from its bytes in place (as `text(ofFigure:in:)`).
  func subject(ofFigure k: Int, in figures: [Figure]) -> String {
    figures.withUnsafeBufferPointer { fp in
      fp.baseAddress.map { first in Figure.withSubject(of: first + k) { String(decoding: $0, as: UTF8.self) } } ?? ""
    }
  }

  /// The base of figure `k` of `figures`, made from its bytes in place (as `text(ofFigure:in:)`).
  func base(ofFigure k: Int, in figures: [Figure]) -> String {
    figures.withUnsafeBufferPointer { fp in
      fp.baseAddress.map { first in Figure.withBase(of: first + k) { String(decoding: $0, as: UTF8.self) } } ?? ""
    }
  }

  /// `message(subjectOrKind(k, of: figures), b, c, d)`, the subject copied from its bytes: no String is made
  /// for it (validating it cost as much as the message itself).
  func message(subjectOf k: Int, of figures: [Figure], _ b: String, _ c: String, _ d: String) -> String {
    guard figures[k].hasSubject else { return message(subjectOrKind(k, of: figures), b, c, d) }
    return figures.withUnsafeBufferPointer { fp in
      guard let first = fp.baseAddress else { return "" }
      return Figure.withSubject(of: first + k) { subject in
        String(unsafeUninitializedCapacity: subject.count + b.utf8.count + c.utf8.count + d.utf8.count) { buffer in
          guard let to = buffer.baseAddress, let from = subject.baseAddress else { return 0 }
          to.initialize(from: from, count: subject.count)
          var at = subject.count
          if !b.isEmpty { MessagePiece.copy(b, into: buffer, at: &at) }
          if !c.isEmpty { MessagePiece.copy(c, into: buffer, at: &at) }
          if !d.isEmpty { MessagePiece.copy(d, into: buffer, at: &at) }
          return at
        }
      }
    }
  }
}

/// Copies message pieces into a String's buffer.
private enum MessagePiece {
  /// Copies the bytes of `piece` into `buffer` from `at`, and moves `at` past them (called only for pieces
  /// that are not empty: most messages leave several of the eight empty).
  @inline(__always)
  static func copy(_ piece: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at: inout Int) {
    let done = piece.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      guard let from = bytes.baseAddress, let to = buffer.baseAddress else { return true }
      (to + at).initialize(from: from, count: bytes.count)
      at += bytes.count
      return true
    }
    if done == nil {
      for byte in piece.utf8 {
        buffer[at] = byte
        at += 1
      }
    }
  }
}
