/// JSON written into space a `JSONEmitter` has reserved (`JSONEmitter.reserving(fields:strings:_:)`): the
/// emitter's layout, compact or indented, without a capacity check per call. A figure, a finding or a
/// heading is one reservation and one run of stores.
///
/// Each call below counts as one field of the reservation (at most `fieldBound` bytes plus its string's
/// worst case); keys are ASCII, at most 32 bytes.
struct JSONScope {
  /// Layout state carried from call to call.
  struct State {
    var pretty: Bool
    var depth = 0
    var needsComma = false
    var pendingKey = false
  }

  var cursor: ByteCursor
  var state: State

  /// Runs `body` in one of two copies, one compiled for each layout: each call in `body` then checks
  /// `pretty` at compile time, not once or twice per field. For a record's whole run of fields.
  @inline(__always)
  mutating func eachLayout(_ body: (inout JSONScope) -> Void) {
    if state.pretty {
      state.pretty = true
      body(&self)
    } else {
      state.pretty = false
      body(&self)
    }
  }

  /// Bytes one call writes at most besides its string: separator and indent, key, a number or literal.
  static func fieldBound(depth: Int) -> Int { 80 &+ 2 &* depth }

  /// Extra bytes a decimal of more than 19 fraction digits takes.
  static func extraBound(_ v: ExactDecimal?) -> Int { max((v?.scale ?? 0) &- 19, 0) }

  // MARK: Separators

  @inline(__always)
  private mutating func newLine(_ depth: Int) {
    cursor.byte(0x0A)
    cursor.repeated(0x20, count: 2 * depth)
  }

  /// Before a key, or a value in an array: a comma when one is due, then (indented) a new line.
  @inline(__always)
  private mutating func separate() {
    if state.needsComma { cursor.byte(0x2C) }
    if state.pretty && state.depth > 0 { newLine(state.depth) }
  }

  /// Before a value: nothing right after its key.
  @inline(__always)
  private mutating func beforeValue() {
    if state.pendingKey { state.pendingKey = false } else { separate() }
  }

  @inline(__always)
  private mutating func putKey(_ k: StaticString) {
    assert(k.utf8CodeUnitCount <= 32, "JSONScope: keys beyond 32 bytes exceed fieldBound")
    separate()
    cursor.byte(0x22)
    cursor.bytes(k)
    cursor.byte(0x22)
    cursor.byte(0x3A)
    if state.pretty { cursor.byte(0x20) }
  }

  // MARK: Structure

  /// `{`
  @inline(__always)
  mutating func beginObject() { open(0x7B) }
  /// `[`
  @inline(__always)
  mutating func beginArray() { open(0x5B) }
  /// `}`
  @inline(__always)
  mutating func endObject() { close(0x7D) }
  /// `]`
  @inline(__always)
  mutating func endArray() { close(0x5D) }

  @inline(__always)
  private mutating func open(_ b: UInt8) {
    beforeValue()
    cursor.byte(b)
    state.depth += 1
    state.needsComma = false
  }

  @inline(__always)
  private mutating func close(_ b: UInt8) {
    state.depth -= 1
    if state.pretty && state.needsComma { newLine(state.depth) }
    cursor.byte(b)
    state.needsComma = true
  }

  /// `"key":` before a value.
  @inline(__always)
  mutating func key(static k: StaticString) {
    putKey(k)
    state.needsComma = false
    state.pendingKey = true
  }

  /// `"key":` for any key; reserve its string's worst case.
  mutating func key(_ k: UnsafeBufferPointer<UInt8>) {
    separate()
    cursor.quoted(k)
    cursor.byte(0x3A)
    if state.pretty { cursor.byte(0x20) }
    state.needsComma = false
    state.pendingKey = true
  }

  // MARK: Fields

  /// Ends a `"key":value` field.
  @inline(__always)
  private mutating func endField() {
    state.needsComma = true
    state.pendingKey = false
  }

  /// `"key":123`
  @inline(__always)
  mutating func field(_ k: StaticString, _ v: Int) {
    putKey(k)
    cursor.int(v)
    endField()
  }

  /// `"key":"value"`; reserve the string's worst case.
  @inline(__always)
  mutating func field(_ k: StaticString, _ v: String) {
    putKey(k)
    cursor.quoted(v)
    endField()
  }

  /// `"key":"value"` where the value is a `JSONName`, quotes included; reserve `JSONName.bound`.
  @inline(__always)
  mutating func field(_ k: StaticString, name v: StaticString) {
    putKey(k)
    cursor.shortBytes(v)
    endField()
  }

  /// `"key":"value"` where `v` is already quoted and escaped; reserve its bytes.
  @inline(__always)
  mutating func field(_ k: StaticString, quoted v: UnsafeBufferPointer<UInt8>) {
    putKey(k)
    cursor.bytes(v)
    endField()
  }

  /// `"key":"value"` from UTF-8 bytes; reserve their worst case.
  @inline(__always)
  mutating func field(_ k: StaticString, utf8 v: UnsafeBufferPointer<UInt8>) {
    putKey(k)
    cursor.quoted(v)
    endField()
  }

  /// `"key":"value"`, or `"key":null` when nil.
  @inline(__always)
  mutating func field(_ k: StaticString, _ v: String?) {
    putKey(k)
    if let v { cursor.quoted(v) } else { cursor.bytes("null") }
    endField()
  }

  /// `"key":90.8`, or `"key":null` when nil; reserve `extraBound(v)` too.
  @inline(__always)
  mutating func field(_ k: StaticString, _ v: ExactDecimal?) {
    putKey(k)
    if let v { cursor.decimal(v) } else { cursor.bytes("null") }
    endField()
  }

  /// `"key":null`
  @inline(__always)
  mutating func nullField(_ k: StaticString) {
    putKey(k)
    cursor.bytes("null")
    endField()
  }

  /// `"key":[]`
  @inline(__always)
  mutating func emptyArray(_ k: StaticString) {
    key(static: k)
    beginArray()
    endArray()
  }

  // MARK: Values

  /// A string value; reserve its worst case.
  @inline(__always)
  mutating func string(_ v: UnsafeBufferPointer<UInt8>) {
    beforeValue()
    cursor.quoted(v)
    state.needsComma = true
  }

  /// A string value; reserve its worst case.
  @inline(__always)
  mutating func string(_ v: String) {
    beforeValue()
    cursor.quoted(v)
    state.needsComma = true
  }

  /// An integer value.
  @inline(__always)
  mutating func int(_ v: Int) {
    beforeValue()
    cursor.int(v)
    state.needsComma = true
  }

  /// A decimal value (`90.8`), or null; reserve `extraBound(v)` too.
  @inline(__always)
  mutating func decimal(_ v: ExactDecimal?) {
    beforeValue()
    if let v { cursor.decimal(v) } else { cursor.bytes("null") }
    state.needsComma = true
  }

  /// A literal value: `null`, `true`, `false`.
  @inline(__always)
  mutating func literal(_ v: StaticString) {
    beforeValue()
    cursor.bytes(v)
    state.needsComma = true
  }
}
