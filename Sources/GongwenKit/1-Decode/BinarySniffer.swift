/// Tells binary files from text by signature and NUL bytes, and spots UTF-16 without a BOM.
enum BinarySniffer {
  /// What kind of binary `bytes` is, or nil for text.
  static func binaryKind(of bytes: [UInt8]) -> String? {
    let signatures: [([UInt8], String)] = [
      ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
      ([0x1F, 0x8B], "gzip"),
      ([0x25, 0x50, 0x44, 0x46, 0x2D], "PDF"),
      ([0x50, 0x4B, 0x03, 0x04], "ZIP / Word document"),
      ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "OLE2 compound file"),
      ([0xFF, 0xD8, 0xFF], "JPEG image"),
      ([0x47, 0x49, 0x46, 0x38], "GIF image"),
      ([0x42, 0x5A, 0x68], "bzip2"),
      ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz"),
      ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7-Zip"),
      ([0x52, 0x61, 0x72, 0x21], "RAR"),
      ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
    ]
    for (magic, name) in signatures where bytes.starts(with: magic) { return name }
    if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
      return "UTF-32, not supported"
    }
    let sample = bytes.prefix(65536)
    var nul = 0
    var control = 0
    for b in sample {
      if b == 0 { nul += 1 } else if b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B) { control += 1 }
    }
    if nul > 0 && utf16WithoutBOM(bytes) == nil {
      if nul * 100 >= sample.count || nul == sample.count { return "NUL bytes" }
    }
    if sample.count >= 64 && control * 10 > sample.count { return "control bytes" }
    return nil
  }

  /// UTF-16LE or BE when zero bytes fall mostly on one parity, as ASCII and punctuation do in UTF-16.
  static func utf16WithoutBOM(_ bytes: [UInt8]) -> TextEncoding? {
    let sample = bytes.prefix(65536)
    guard sample.count >= 4 else { return nil }
    var zeroEven = 0
    var zeroOdd = 0
    var i = sample.startIndex
    while i < sample.endIndex {
      if sample[i] == 0 { if (i - sample.startIndex) & 1 == 0 { zeroEven += 1 } else { zeroOdd += 1 } }
      i += 1
    }
    let units = sample.count / 2
    if zeroOdd * 10 >= units && zeroEven * 20 < zeroOdd { return .utf16le }
    if zeroEven * 10 >= units && zeroOdd * 20 < zeroEven { return .utf16be }
    return nil
  }
}
