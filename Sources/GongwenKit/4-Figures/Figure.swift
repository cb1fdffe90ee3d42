/// A statistic found in a document: a percent, a count, an age band, an average or a change, with what it
/// measures and where it stands.
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
  /// The noun phrase measured: 妇女代表, 男子, 35岁以下.
  public let subject: String
  /// What a percent is a share of (代表总数), or the total a count is part of (农村党支部书记).
  public let base: String
  /// The indicator key, nil where none fits.
  public let metric: Metric?
  /// The nearest place name before the figure in its sentence (全区, 芝山镇), empty when none.
  public let place: String
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
  /// The figure as written.
  public let text: String

  /// Creates a figure record.
  public init(
    kind: Kind, value: ExactDecimal?, unit: String, low: ExactDecimal? = nil, high: ExactDecimal? = nil,
    subject: String, base: String = "", metric: Metric? = nil, place: String = "", sentence: Int = 0, flags: Flags = [], range: Range<Int>,
    start: SourceLocation, end: SourceLocation, text: String
  ) {
    self.kind = kind
    self.value = value
    self.unit = unit
    self.low = low
    self.high = high
    self.subject = subject
    self.base = base
    self.metric = metric
    self.place = place
    self.sentence = sentence
    self.flags = flags
    self.range = range
    self.start = start
    self.end = end
    self.text = text
  }
}
