/// Terminal cell widths: East Asian Wide and Fullwidth scalars take two cells, combining marks and
/// zero-width format characters none, everything else one. From scalar ranges, never `Character`s.
enum DisplayWidth {
  /// Cells taken by `text`.
  static func of(_ text: String) -> Int {
    var cells = 0
    for scalar in text.unicodeScalars { cells += of(scalar.value) }
    return cells
  }

  /// Cells taken by one scalar.
  static func of(_ v: UInt32) -> Int {
    if v < 0x300 { return v < 0x20 || (0x7F..<0xA0).contains(v) ? 0 : 1 }
    if contains(zero, v) { return 0 }
    return contains(wide, v) ? 2 : 1
  }

  /// `text` cut to at most `limit` cells, ending in `…` when cut.
  static func truncated(_ text: String, to limit: Int) -> String {
    guard of(text) > limit else { return text }
    var out = String.UnicodeScalarView()
    var cells = 0
    for scalar in text.unicodeScalars {
      let w = of(scalar.value)
      if cells + w > limit - 1 { break }
      out.append(scalar)
      cells += w
    }
    out.append("…")
    return String(out)
  }

  /// `text` followed (or, right-aligned, preceded) by spaces up to `width` cells.
  static func padded(_ text: String, to width: Int, right: Bool = false) -> String {
    let pad = String(repeating: " ", count: max(0, width - of(text)))
    return right ? pad + text : text + pad
  }

  private static func contains(_ table: [ClosedRange<UInt32>], _ v: UInt32) -> Bool {
    var lower = 0
    var upper = table.count
    while lower < upper {
      let middle = (lower + upper) / 2
      if table[middle].upperBound < v { lower = middle + 1 } else { upper = middle }
    }
    return lower < table.count && table[lower].contains(v)
  }

  // Combining marks and zero-width format characters, sorted.
  private static let zero: [ClosedRange<UInt32>] = [
    0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A, 0x064B...0x065F, 0x200B...0x200F,
    0x2028...0x202E, 0x2060...0x2064, 0x20D0...0x20FF, 0x302A...0x302D, 0x3099...0x309A, 0xFE00...0xFE0F,
    0xFE20...0xFE2F, 0xFEFF...0xFEFF, 0xE0100...0xE01EF,
  ]

  // East Asian Width W and F (Unicode 15), merged into sorted ranges.
  private static let wide: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
    0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
    0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
    0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
    0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
    0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55, 0x2E80...0x3029,
    0x302E...0x303E, 0x3041...0x3096, 0x309B...0x33FF, 0x3400...0x4DBF, 0x4E00...0xA4CF, 0xA960...0xA97F,
    0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
    0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF,
    0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
    0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]
}
