/// Detects a file's encoding by content and decodes it into valid UTF-8.
///
/// Detection order: BOM; the zero-byte pattern of UTF-16 without BOM; UTF-8 validity; GB18030 validity.
/// Never by whether a converter returns nil: a wrong converter often "succeeds" with garbage.
public struct TextDecoder: Sendable {
  /// The encoding to use instead of detecting one.
  public var forcedEncoding: TextEncoding?

  /// Creates a decoder; `forcedEncoding` skips detection.
  public init(forcedEncoding: TextEncoding? = nil) {
    self.forcedEncoding = forcedEncoding
  }

  /// Decodes `bytes`, read from `path`.
  /// - Throws: `InputError` with `.notText` for binary content.
  public func decode(_ bytes: [UInt8], path: String) throws(InputError) -> DecodedText {
    if let forced = forcedEncoding {
      var start = 0
      switch forced {
      case .utf8 where bytes.starts(with: [0xEF, 0xBB, 0xBF]): start = 3
      case .utf16le where bytes.starts(with: [0xFF, 0xFE]): start = 2
      case .utf16be where bytes.starts(with: [0xFE, 0xFF]): start = 2
      default: break
      }
      return decode(bytes, from: start, as: forced)
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return decode(bytes, from: 3, as: .utf8) }
    if bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) {
      return decode(bytes, from: 2, as: .utf16le)
    }
    if bytes.starts(with: [0xFE, 0xFF]) { return decode(bytes, from: 2, as: .utf16be) }
    if let binary = BinarySniffer.binaryKind(of: bytes) {
      throw InputError(path: path, reason: .notText(binary))
    }
    if let utf16 = BinarySniffer.utf16WithoutBOM(bytes) { return decode(bytes, from: 0, as: utf16) }
    if UTF8Transcoder.invalidByteCount(bytes, limit: 1) == 0 { return decode(bytes, from: 0, as: .utf8) }
    let utf8Errors = UTF8Transcoder.invalidByteCount(bytes, limit: Int.max)
    let gbErrors = GB18030Decoder.invalidByteCount(bytes, limit: utf8Errors)
    if gbErrors < utf8Errors { return decode(bytes, from: 0, as: .gb18030) }
    return decode(bytes, from: 0, as: .utf8)
  }

  func decode(_ bytes: [UInt8], from start: Int, as encoding: TextEncoding) -> DecodedText {
    switch encoding {
    case .utf8:
      let (text, invalid) = UTF8Transcoder.repair(bytes, from: start)
      return DecodedText(bytes: text, encoding: .utf8, hadBOM: start > 0, invalidBytes: invalid)
    case .utf16le, .utf16be:
      let (text, invalid) = UTF16Decoder.decode(bytes, from: start, bigEndian: encoding == .utf16be)
      return DecodedText(bytes: text, encoding: encoding, hadBOM: start > 0, invalidBytes: invalid)
    case .gb18030:
      var from = start
      if bytes.starts(with: [0x84, 0x31, 0x95, 0x33]) { from = 4 }
      let (text, invalid) = GB18030Decoder.decode(bytes, from: from)
      return DecodedText(bytes: text, encoding: .gb18030, hadBOM: from > 0, invalidBytes: invalid)
    }
  }
}
