/// A statistic found in a document: a percent, a count, an age band, an average or a change, with what it
/// measures and where it stands.
///
/// A figure keeps its subject, base, place and text as byte ranges into its file's decoded text, which it
/// holds (one shared reference, no copy): a figure keeps that whole text alive. The `String` properties are
/// made when read. Figures are equal, and hash alike, by content, however they were made.
public struct Figure: Sendable, Hashable {
  /// What kind of statistic; the raw value is the name in JSON and CSV.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case percent
    case count
    case ageBand = "age-band"
    case average
    case change
    case date
    /// A single age (年仅26岁), not an average or a band.
    case age
  }

  /// Flags on a figure; names in output are kebab-case, joined by `;` in CSV.
  public struct Flags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    /// The number is missing: 共有名选民, 占%.
    public static let blank = Flags(rawValue: 1 << 0)
    /// Letters or symbols stand for digits: x%, xx人, ××.
    public static let placeholder = Flags(rawValue: 1 << 1)
    /// The decimal point was lost: 90?8%, 90。5%; `value` holds the repaired number.
    public static let lostDecimal = Flags(rawValue: 1 << 2)
    /// 约 近 余 多 左右 上下.
    public static let approximate = Flags(rawValue: 1 << 3)
    /// Written in traditional characters.
    public static let traditional = Flags(rawValue: 1 << 4)
    /// A lower bound: 以上, 超过.
    public static let atLeast = Flags(rawValue: 1 << 5)
    /// An upper bound: 以下, 不到.
    public static let atMost = Flags(rawValue: 1 << 6)

    /// Output names in a fixed order.
    public static let names: [(Flags, String)] = [
      (.blank, "blank"), (.placeholder, "placeholder"), (.lostDecimal, "lost-decimal"),
      (.approximate, "approximate"), (.traditional, "traditional"), (.atLeast, "at-least"), (.atMost, "at-most"),
    ]

    /// The names of the flags set, in output order.
    public var names: [String] { Flags.names.filter { contains($0.0) }.map(\.1) }
  }

  /// Percent, count, age band, average, change or date.
  public let kind: Kind
  /// The number, exactly as written (repaired for a lost decimal); nil when blank or a placeholder.
  public let value: ExactDecimal?
  /// `%`, `人`, `名`, `个`, `岁`, `个百分点`, … as written.
  public let unit: String
  /// Lower end of a range or band (`36--45岁` → 36; `56岁以上` → 56).
  public let low: ExactDecimal?
  /// Upper end of a range or band (`35岁以下` → 35).
  public let high: ExactDecimal?
  /// The indicator key, nil where none fits.
  public let metric: Metric?
  /// 0-based index of the figure's sentence in its document (sentences end at 。！？ and line ends): the
  /// percents of one breakdown share a base and a sentence.
  public let sentence: Int
  /// Blank, placeholder, lost decimal, approximate, traditional, bounds.
  public let flags: Flags
  /// UTF-8 offsets of the figure's text in the decoded file.
  public let range: Range<Int>
  /// Where the figure starts.
  public let start: SourceLocation
  /// Where the figure ends (exclusive).
  public let end: SourceLocation

  /// The bytes the ranges below point into: the file's decoded text (`DecodedText.bytes`) for a figure the
  /// parser made, the fields joined for one made by the public initializer.
  let source: [UInt8]
  /// Ranges of `source`: the subject (unless `isPreviousTerm`), base and place.
  let subjectRange: Range<Int>
  let baseRange: Range<Int>
  let placeRange: Range<Int>
  /// The subject is 上届 (the previous term), which the text does not write out: a flag rather than a
  /// String or a second source per figure; its bytes are a static string.
  let isPreviousTerm: Bool
  /// Made by the public initializer: `source` is subject, base, place and text joined, the text last.
  let isJoined: Bool

  /// The range of `source` holding the figure as written: `range` itself in the decoded text, or the end of
  /// the joined fields (no range stored for it: a figure is 16 bytes smaller).
  var textRange: Range<Int> { isJoined ? placeRange.upperBound..<source.count : range }

  /// The noun phrase measured: 妇女代表, 男子, 35岁以下.
  public var subject: String { isPreviousTerm ? "上届" : source.utf8String(subjectRange) }
  /// What a percent is a share of (代表总数), or the total a count is part of (农村党支部书记).
  public var base: String { source.utf8String(baseRange) }
  /// The nearest place name before the figure in its sentence (全区, 芝山镇), empty when none.
  public var place: String { source.utf8String(placeRange) }
  /// The figure as written.
  public var text: String { source.utf8String(textRange) }

  /// Creates a figure record.
  public init(
    kind: Kind, value: ExactDecimal?, unit: String, low: ExactDecimal? = nil, high: ExactDecimal? = nil,
    subject: String, base: String = "", metric: Metric? = nil, place: String = "", sentence: Int = 0, flags: Flags = [], range: Range<Int>,
    start: SourceLocation, end: SourceLocation, text: String
  ) {
    let (bytes, ranges) = [UInt8].joiningUTF8(subject, base, place, text)
    self.init(
      kind: kind, value: value, unit: unit, low: low, high: high, source: bytes, subject: ranges[0], isPreviousTerm: false,
      base: ranges[1], metric: metric, place: ranges[2], sentence: sentence, flags: flags, range: range, start: start,
      end: end, isJoined: true)
  }

  /// A figure whose subject, base and place are ranges of `source`, and its text `range` (the parser's:
  /// `source` is the decoded text, shared). `isPreviousTerm` makes the subject 上届 whatever `subject` says.
  /// `isJoined` is for the public initializer only (see `textRange`).
  init(
    kind: Kind, value: ExactDecimal?, unit: String, low: ExactDecimal?, high: ExactDecimal?, source: [UInt8],
    subject: Range<Int>, isPreviousTerm: Bool, base: Range<Int>, metric: Metric?, place: Range<Int>, sentence: Int,
    flags: Flags, range: Range<Int>, start: SourceLocation, end: SourceLocation, isJoined: Bool = false
  ) {
    self.kind = kind
    self.value = value
    self.unit = unit
    self.low = low
    self.high = high
    self.source = source
    self.subjectRange = isPreviousTerm ? 0..<0 : subject
    self.isPreviousTerm = isPreviousTerm
    self.baseRange = base
    self.metric = metric
    self.placeRange = place
    self.sentence = sentence
    self.flags = flags
    self.range = range
    self.start = start
    self.end = end
    self.isJoined = isJoined
  }

  /// The subject of a previous-term figure, for the hot readers (no array to retain).
  private static var previousTermSubject: StaticString { "上届" }
  /// The same as an array, for comparing and hashing with the `[UInt8]` helpers.
  private static let previousTermBytes: [UInt8] = Array("上届".utf8)

  /// The array and range holding the subject's bytes.
  private var subjectBytes: (source: [UInt8], range: Range<Int>) {
    isPreviousTerm ? (Self.previousTermBytes, Self.previousTermBytes.indices) : (source, subjectRange)
  }

  // MARK: Bytes

  // The hot readers (writers, checks) lend a figure's bytes through a pointer to it: a method called on
  // `pointer.pointee` or `array[k]` copied the whole figure first (retaining its arrays and unit), since the
  // callee could write to that memory meanwhile.

  /// `body` over the UTF-8 of the subject of the figure at `f`, lent in place.
  @inline(__always)
  static func withSubject<R>(of f: UnsafePointer<Figure>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    if f.pointee.isPreviousTerm {
      let s = previousTermSubject
      return try body(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }
    return try f.pointee.source.withBytes(in: f.pointee.subjectRange, body)
  }

  /// `body` over the UTF-8 of the base of the figure at `f`, lent in place.
  @inline(__always)
  static func withBase<R>(of f: UnsafePointer<Figure>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try f.pointee.source.withBytes(in: f.pointee.baseRange, body)
  }

  /// `body` over the UTF-8 of the text of the figure at `f`, lent in place.
  @inline(__always)
  static func withText<R>(of f: UnsafePointer<Figure>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try f.pointee.source.withBytes(in: f.pointee.textRange, body)
  }

  /// `body` over the subject's UTF-8, lent in place (see `withSubject(of:_:)` for a figure in an array).
  func withSubject<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try withUnsafePointer(to: self) { try Self.withSubject(of: $0, body) }
  }

  /// Whether the subject is not empty, without making it.
  var hasSubject: Bool { isPreviousTerm || !subjectRange.isEmpty }
  /// Whether the base is not empty, without making it.
  var hasBase: Bool { !baseRange.isEmpty }

  // MARK: Equatable, Hashable (by content: never the whole source)

  public static func == (a: Figure, b: Figure) -> Bool {
    let (x, y) = (a.subjectBytes, b.subjectBytes)
    return a.kind == b.kind && a.value == b.value && a.unit == b.unit && a.low == b.low && a.high == b.high
      && a.metric == b.metric && a.sentence == b.sentence && a.flags == b.flags && a.range == b.range
      && a.start == b.start && a.end == b.end && x.source.sameBytes(x.range, as: y.source, y.range)
      && a.source.sameBytes(a.baseRange, as: b.source, b.baseRange)
      && a.source.sameBytes(a.placeRange, as: b.source, b.placeRange)
      && a.source.sameBytes(a.textRange, as: b.source, b.textRange)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(kind)
    hasher.combine(value)
    hasher.combine(unit)
    hasher.combine(low)
    hasher.combine(high)
    hasher.combine(metric)
    hasher.combine(sentence)
    hasher.combine(flags)
    hasher.combine(range)
    hasher.combine(start)
    hasher.combine(end)
    let subject = subjectBytes
    subject.source.hashBytes(subject.range, into: &hasher)
    source.hashBytes(baseRange, into: &hasher)
    source.hashBytes(placeRange, into: &hasher)
    source.hashBytes(textRange, into: &hasher)
  }
}
