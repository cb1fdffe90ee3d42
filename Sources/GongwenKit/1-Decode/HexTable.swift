/// Two-byte code tables kept as hex text in generated files (`GB18030Table`, `Big5Table`): the text compiles
/// in a fraction of a second where an array literal of 20,000 numbers takes minutes.
enum HexTable {
  /// The codes of `hex` (four hex digits each, lead by lead from 0x81, `trails` per lead, other characters
  /// ignored) as a table indexed by (lead − 0x80) << 8 | trail; 0 where no code is listed.
  static func twoByteScalars(_ hex: String, trails: [Int], count: Int) -> [UInt16] {
    var table = [UInt16](repeating: 0, count: 128 * 256)
    var entry = 0
    var value: UInt16 = 0
    var digits = 0
    var lead = 0x81
    var trail = 0
    // Through the text's UTF-8 buffer and with the lead and trail counted along: iterating `hex.utf8` and
    // dividing per code cost several million instructions at the first GB18030 file.
    var source = hex
    source.withUTF8 { text in
      for c in text {
        guard let digit = digit(c) else { continue }
        value = value << 4 | UInt16(digit)
        digits += 1
        guard digits == 4 else { continue }
        table[(lead - 0x80) << 8 | trails[trail]] = value
        trail += 1
        if trail == trails.count {
          trail = 0
          lead += 1
        }
        entry += 1
        value = 0
        digits = 0
      }
    }
    precondition(entry == count, "a generated table holds \(entry) codes, not \(count)")
    return table
  }

  /// The value of an upper-case hex digit, nil for any other byte.
  static func digit(_ c: UInt8) -> UInt8? {
    switch c {
    case 0x30...0x39: c - 0x30
    case 0x41...0x46: c - 0x37
    default: nil
    }
  }
}
