/// Tells binary files from text by signature and control bytes, and spots UTF-16 without a BOM.
///
/// One counting pass over the first 64 KiB (`Sample`) serves both questions; it skips eight bytes at a
/// time when none is a control byte, so sniffing a small text file costs a fraction of decoding it.
enum BinarySniffer {
  /// File signatures at offset 0 and what they mean.
  static let signatures: [([UInt8], String)] = [
    ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
    ([0x1F, 0x8B], "gzip"),
    ([0x25, 0x50, 0x44, 0x46, 0x2D], "PDF"),
    ([0x50, 0x4B, 0x03, 0x04], "ZIP / Word document"),
    ([0x50, 0x4B, 0x05, 0x06], "ZIP"),
    ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "OLE2 compound file"),
    ([0xFF, 0xD8, 0xFF], "JPEG image"),
    ([0x47, 0x49, 0x46, 0x38], "GIF image"),
    ([0x42, 0x5A, 0x68], "bzip2"),
    ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz"),
    ([0x28, 0xB5, 0x2F, 0xFD], "zstd"),
    ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7-Zip"),
    ([0x52, 0x61, 0x72, 0x21], "RAR"),
    ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
    ([0xFF, 0xFE, 0x00, 0x00], "UTF-32, not supported"),
    ([0x00, 0x00, 0xFE, 0xFF], "UTF-32, not supported"),
  ]

  /// Bytes examined for NUL and control bytes and for the UTF-16 pattern.
  static let sampleSize = 65536

  /// Counts over the first `sampleSize` bytes (an even number of them).
  struct Sample {
    /// Bytes examined.
    var count = 0
    /// NUL bytes at even and at odd offsets.
    var zeroEven = 0
    var zeroOdd = 0
    /// Control bytes other than NUL, tab, line breaks, form feed and ESC; DEL included.
    var control = 0

    /// All NUL bytes.
    var nul: Int { zeroEven + zeroOdd }

    /// Counts the first `sampleSize` bytes of `bytes`.
    init(_ bytes: [UInt8]) {
      let n = min(bytes.count, BinarySniffer.sampleSize) & ~1
      count = n
      bytes.withUnsafeBufferPointer { p in
        guard let base = p.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i < n {
          if i + 8 <= n {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let del = w ^ (ones &* 0x7F)
            // No byte below 0x20 and none equal to 0x7F: nothing to count here.
            if ((w &- ones &* 0x20) & ~w | (del &- ones) & ~del) & high == 0 {
              i += 8
              continue
            }
          }
          let end = min(i + 8, n)
          while i < end {
            let b = p[i]
            if b == 0 {
              if i & 1 == 0 { zeroEven += 1 } else { zeroOdd += 1 }
            } else if b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B) || b == 0x7F {
              control += 1
            }
            i += 1
          }
        }
      }
    }
  }

  /// The kind of file whose signature `bytes` start with, or nil.
  static func signature(of bytes: [UInt8]) -> String? {
    for (magic, name) in signatures where bytes.starts(with: magic) { return name }
    return nil
  }

  /// What kind of binary the sampled bytes are, or nil for text. Ask after ruling out UTF-16, whose ASCII
  /// has NULs, and after `signature(of:)`.
  ///
  /// Binary: NUL bytes (1% of the sample or more), or 5% control bytes other than tab, line breaks, form
  /// feed and ESC (random data has about 10%, text almost none).
  static func binaryKind(of sample: Sample) -> String? {
    if sample.nul > 0 && sample.nul * 100 >= sample.count { return "NUL bytes" }
    if sample.count >= 16 && (sample.control + sample.nul) * 20 >= sample.count {
      return "binary data, \((sample.control + sample.nul) * 100 / sample.count)% control bytes"
    }
    return nil
  }

  /// UTF-16LE or BE without a BOM: zero bytes fall mostly on one parity (ASCII, digits and line breaks in
  /// UTF-16) and nearly all code units are plausible text (ASCII, Latin, punctuation, CJK, full-width forms).
  static func utf16WithoutBOM(_ bytes: [UInt8], sample: Sample) -> TextEncoding? {
    let units = sample.count / 2
    guard units >= 2 else { return nil }
    let candidate: TextEncoding
    if sample.zeroOdd * 50 >= units && sample.zeroEven * 8 < sample.zeroOdd {
      candidate = .utf16le
    } else if sample.zeroEven * 50 >= units && sample.zeroOdd * 8 < sample.zeroEven {
      candidate = .utf16be
    } else {
      return nil
    }
    var plausible = 0
    var i = 0
    while i + 1 < sample.count {
      let u =
        candidate == .utf16le ? UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i]) : UInt32(bytes[i]) << 8 | UInt32(bytes[i + 1])
      switch u {
      case 0x09, 0x0A, 0x0C, 0x0D, 0x20...0x7E, 0xA0...0x24F, 0x2000...0x27FF, 0x3000...0x33FF, 0x4E00...0x9FFF,
        0xD800...0xDFFF, 0xFE30...0xFE4F, 0xFEFF, 0xFF00...0xFFEF:
        plausible += 1
      default: break
      }
      i += 2
    }
    return plausible * 10 >= units * 9 ? candidate : nil
  }
}
