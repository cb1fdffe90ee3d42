/// A place or year a document names, or a masked one (`**区`, `xx县`, `20xx年`) that stands for a name
/// withheld. A masked mention is never shown as a name.
public enum Mention<Value: Sendable & Hashable>: Sendable, Hashable {
  /// Named in the text: 青泉街道, 2019.
  case named(Value)
  /// Masked in the text.
  case placeholder

  /// The value when named.
  public var value: Value? {
    if case .named(let v) = self { return v }
    return nil
  }
}
