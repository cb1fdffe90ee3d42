/// Detects a file's encoding by content and decodes it into valid UTF-8.
///
/// Detection order: a BOM (UTF-8, UTF-16LE/BE, GB18030's 84 31 95 33); a binary signature; the zero-byte
/// pattern of UTF-16 without BOM; NUL and control bytes (`InputError.Reason.notText`); valid UTF-8; UTF-8
/// with damage (70% of its non-ASCII bytes still valid UTF-8); else whichever of GB18030 and UTF-8 finds
/// fewer invalid bytes. Never by whether a converter returns nil: a wrong converter often "succeeds" with
/// garbage. docs/encodings.md tells the thresholds and why.
///
///     let text = try TextDecoder().decode(bytes, path: "2021/东城区.txt")
///     print(text.encoding)   // gb18030
public struct TextDecoder: Sendable {
  /// The encoding to use instead of detecting one.
  public var forcedEncoding: TextEncoding?

  /// Creates a decoder; `forcedEncoding` skips detection.
  public init(forcedEncoding: TextEncoding? = nil) {
    self.forcedEncoding = forcedEncoding
  }

  /// Decodes `bytes`, read from `path`. Invalid sequences become U+FFFD and are listed in `invalidBytes`.
  /// - Throws: `InputError` with `.notText` for binary content (unless an encoding is forced).
  /// - Complexity: O(n); valid UTF-8 is validated once and not copied.
  public func decode(_ bytes: [UInt8], path: String) throws(InputError) -> DecodedText {
    if let forced = forcedEncoding {
      let bom: [UInt8]
      switch forced {
      case .utf8: bom = [0xEF, 0xBB, 0xBF]
      case .utf16le: bom = [0xFF, 0xFE]
      case .utf16be: bom = [0xFE, 0xFF]
      case .gb18030: bom = [0x84, 0x31, 0x95, 0x33]
      case .big5: bom = []
      }
      return decode(bytes, from: !bom.isEmpty && bytes.starts(with: bom) ? bom.count : 0, as: forced)
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      let text = decode(bytes, from: 3, as: .utf8)
      // A UTF-8 BOM can lie (GB18030 saved behind one): trust the content when it says so.
      if !text.invalidBytes.isEmpty {
        let utf8Errors = text.invalidBytes.reduce(0) { $0 + $1.length }
        if GB18030Decoder.invalidByteCount(bytes, from: 3, limit: utf8Errors) < utf8Errors {
          return decode(bytes, from: 3, as: .gb18030)
        }
      }
      return text
    }
    if bytes.starts(with: [0x84, 0x31, 0x95, 0x33]) { return decode(bytes, from: 4, as: .gb18030) }
    if bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
      return decode(bytes, from: 2, as: .utf16le)
    }
    if bytes.starts(with: [0xFE, 0xFF]) { return decode(bytes, from: 2, as: .utf16be) }
    // A signature first: an office file holds UTF-16 text that would pass for a file without BOM.
    if let kind = BinarySniffer.signature(of: bytes) { throw InputError(path: path, reason: .notText(kind)) }
    // Valid UTF-8 in which the sniffer would count nothing (no NUL, no control byte) is neither UTF-16 nor
    // binary: validation alone decides, and the sniffer's pass is saved.
    var sawCounted = false
    let starts = bytes.withUnsafeBufferPointer { UTF8Transcoder.lineStartsIfValid($0, sawCounted: &sawCounted) }
    if let starts, !sawCounted { return DecodedText(validUTF8: bytes, lines: LineTable(bytes, lineStarts: starts)) }
    let sample = BinarySniffer.Sample(bytes)
    if let utf16 = BinarySniffer.utf16WithoutBOM(bytes, sample: sample) { return decode(bytes, from: 0, as: utf16) }
    if let binary = BinarySniffer.binaryKind(of: sample) {
      throw InputError(path: path, reason: .notText(binary))
    }
    if let starts { return DecodedText(validUTF8: bytes, lines: LineTable(bytes, lineStarts: starts)) }
    // Mostly valid UTF-8 is damaged UTF-8 (or UTF-8 with a GB18030 part pasted in): repair it.
    if UTF8Transcoder.validPercent(bytes) >= 70 { return decode(bytes, from: 0, as: .utf8) }
    // Decode as GB18030 once; UTF-8 wins only with no more invalid bytes (counting stops early in GB text).
    let (gb, gbInvalid) = GB18030Decoder.decode(bytes, from: 0)
    let gbErrors = gbInvalid.reduce(0) { $0 + $1.length }
    if UTF8Transcoder.invalidByteCount(bytes, limit: gbErrors + 1) <= gbErrors {
      return decode(bytes, from: 0, as: .utf8)
    }
    // Big5 is valid GB18030 too, read into rare characters: try it when GB18030's reading is mostly rare,
    // and take it when it has no more invalid bytes and reads far more common characters.
    let gbCommon = Big5Decoder.commonPercent(ofUTF8: gb)
    if gbCommon < 70 {
      let (big5, big5Invalid) = Big5Decoder.decode(bytes, from: 0)
      if big5Invalid.reduce(0, { $0 + $1.length }) <= gbErrors && Big5Decoder.commonPercent(ofUTF8: big5) >= gbCommon + 20 {
        return DecodedText(bytes: big5, encoding: .big5, invalidBytes: big5Invalid)
      }
    }
    return DecodedText(bytes: gb, encoding: .gb18030, invalidBytes: gbInvalid)
  }

  /// Decodes `bytes[start...]` as `encoding`, with no detection.
  func decode(_ bytes: [UInt8], from start: Int, as encoding: TextEncoding) -> DecodedText {
    if encoding == .utf8 {
      // Valid UTF-8 after a BOM: one pass validates and finds the lines, as without a BOM.
      let body = start == 0 ? bytes : Array(bytes[start...])
      if let starts = body.withUnsafeBufferPointer(UTF8Transcoder.lineStartsIfValid) {
        return DecodedText(validUTF8: body, hadBOM: start > 0, lines: LineTable(body, lineStarts: starts))
      }
    }
    let (text, invalid) =
      switch encoding {
      case .utf8: UTF8Transcoder.repair(bytes, from: start)
      case .utf16le, .utf16be: UTF16Decoder.decode(bytes, from: start, bigEndian: encoding == .utf16be)
      case .gb18030: GB18030Decoder.decode(bytes, from: start)
      case .big5: Big5Decoder.decode(bytes, from: start)
      }
    return DecodedText(bytes: text, encoding: encoding, hadBOM: start > 0, invalidBytes: invalid)
  }
}
