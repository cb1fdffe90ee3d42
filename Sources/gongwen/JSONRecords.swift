import GongwenKit

/// JSON records of one input, as `Batch` frames them: compact lines for JSON Lines, indented objects for an
/// array.
struct JSONRecords {
  private(set) var records: [[UInt8]] = []
  private var emitter: JSONEmitter
  private let pretty: Bool

  init(pretty: Bool) {
    self.pretty = pretty
    emitter = JSONEmitter(pretty: pretty, capacity: 0)
  }

  /// The framing around all records of a run: `[` … `,` … `]` for an array, nothing for JSON Lines.
  static func framing(pretty: Bool) -> Batch.Framing {
    pretty
      ? Batch.Framing(header: Array("[\n".utf8), separator: Array(",\n".utf8), footer: Array("\n]\n".utf8))
      : Batch.Framing()
  }

  /// Adds the record `write` emits.
  mutating func append(_ write: (inout JSONEmitter) -> Void) {
    write(&emitter)
    if !pretty { emitter.raw("\n") }
    records.append(emitter.take())
  }

  /// Adds the error record of an input that could not be parsed.
  mutating func append(_ error: InputError) {
    append { JSONWriter().write(error, to: &$0) }
  }
}
