/// Writes JSON by hand into one byte buffer, compact or indented, with a fixed field order.
///
/// Every call reserves room for all it writes (separator, key, value; a string's worst case is six bytes a
/// byte) and stores through a `JSONScope`; writers reserve once for a whole figure or finding
/// (`reserving(fields:strings:_:)`), so the buffer is checked once per record, not once per byte or field.
public struct JSONEmitter: Sendable {
  /// The bytes written so far.
  public private(set) var bytes: [UInt8] = []
  private var state: JSONScope.State

  /// Creates an emitter; `pretty` indents by two spaces.
  public init(pretty: Bool = false, capacity: Int = 4096) {
    state = JSONScope.State(pretty: pretty)
    bytes.reserveCapacity(capacity)
  }

  /// Hands the bytes over and empties the emitter.
  public mutating func take() -> [UInt8] {
    let taken = bytes
    // Writers reserve for a whole record at its start (`reserve(_:)`), so an empty buffer costs nothing.
    bytes = []
    state.needsComma = false
    state.depth = 0
    return taken
  }

  /// Appends raw bytes (a newline between JSON Lines records).
  public mutating func raw(_ s: String) {
    bytes.append(contentsOf: s.utf8)
    state.needsComma = false
  }

  // MARK: Reserving

  /// Makes room for about `count` more bytes at once (a whole record) rather than growing through it.
  mutating func reserve(_ count: Int) {
    if bytes.capacity &- bytes.count < count { ByteCursor.grow(&bytes, by: count) }
  }

  /// Reserves room for `fields` calls of a `JSONScope` (at most `nesting` levels below the current one) and
  /// `strings` bytes of strings and keys, and runs `body` in it.
  @inline(__always)
  mutating func reserving(fields: Int, nesting: Int = 1, strings: Int, _ body: (inout JSONScope) -> Void) {
    // Wrapping arithmetic: no overflow trap to test per record (a bound near 2^63 bytes cannot be reserved anyway).
    reserving(fields &* JSONScope.fieldBound(depth: state.depth &+ nesting) &+ 6 &* strings, body)
  }

  /// Reserves `count` bytes and lets `body` store up to that many.
  @inline(__always)
  mutating func reserving(_ count: Int, _ body: (inout JSONScope) -> Void) {
    var state = state
    ByteCursor.append(to: &bytes, reserving: count) { cursor in
      var scope = JSONScope(cursor: cursor, state: state)
      body(&scope)
      cursor = scope.cursor
      state = scope.state
    }
    self.state = state
  }

  // MARK: Structure

  /// `{`
  public mutating func beginObject() { reserving(fields: 1, strings: 0) { $0.beginObject() } }
  /// `[`
  public mutating func beginArray() { reserving(fields: 1, strings: 0) { $0.beginArray() } }
  /// `}`
  public mutating func endObject() { reserving(fields: 1, strings: 0) { $0.endObject() } }
  /// `]`
  public mutating func endArray() { reserving(fields: 1, strings: 0) { $0.endArray() } }

  /// `"key":` before a value.
  public mutating func key(_ k: String) {
    var k = k
    k.withUTF8 { u in reserving(fields: 1, strings: u.count) { $0.key(u) } }
  }

  /// `"key":` for a field name known at compile time (ASCII, nothing to escape).
  mutating func key(static k: StaticString) { reserving(fields: 1, strings: 0) { $0.key(static: k) } }

  // MARK: Fields: key and value in one reservation

  /// `"key":123`
  mutating func field(_ k: StaticString, _ v: Int) { reserving(fields: 1, strings: 0) { $0.field(k, v) } }

  /// `"key":"value"`
  mutating func field(_ k: StaticString, _ v: String) {
    reserving(fields: 1, strings: v.utf8.count) { $0.field(k, v) }
  }

  /// `"key":"value"`, or `"key":null` when nil.
  mutating func field(_ k: StaticString, _ v: String?) {
    reserving(fields: 1, strings: v?.utf8.count ?? 0) { $0.field(k, v) }
  }

  /// `"key":90.8`, or `"key":null` when nil.
  mutating func field(_ k: StaticString, _ v: ExactDecimal?) {
    reserving(fields: 1, strings: JSONScope.extraBound(v)) { $0.field(k, v) }
  }

  /// `"key":[]`
  mutating func emptyArray(_ k: StaticString) { reserving(fields: 3, strings: 0) { $0.emptyArray(k) } }

  // MARK: Values

  /// A string value.
  public mutating func string(_ s: String) { reserving(fields: 1, strings: s.utf8.count) { $0.string(s) } }
  /// An integer value.
  public mutating func int(_ v: Int) { reserving(fields: 1, strings: 0) { $0.int(v) } }
  /// A decimal written as its digits (`90.8`).
  public mutating func decimal(_ v: ExactDecimal?) {
    reserving(fields: 1, strings: JSONScope.extraBound(v)) { $0.decimal(v) }
  }
  /// `true` / `false`.
  public mutating func bool(_ v: Bool) { reserving(fields: 1, strings: 0) { $0.literal(v ? "true" : "false") } }
  /// `null`.
  public mutating func null() { reserving(fields: 1, strings: 0) { $0.literal("null") } }
  /// A string, or null when nil.
  public mutating func string(_ s: String?) { if let s { string(s) } else { null() } }
}
