import Foundation

/// A path as the bytes the file system holds, and the text gongwen writes for it.
///
/// Paths on Linux are bytes, not text: a name can hold a newline or bytes that are not UTF-8 (an archive
/// scraped on a GBK system). gongwen keeps the bytes to open the file, and writes a `display` form that maps
/// back to them without ambiguity:
/// - a path that is valid UTF-8 and holds no backslash is written as it is;
/// - any other path is written with `\` as `\\` and each byte that is not part of valid UTF-8 as `\xHH`
///   (two upper-case hex digits), so a written path with a backslash in it is always an escaped one.
/// In JSON and CSV the display form is then quoted as those formats require (a newline becomes `\n` in JSON).
/// On standard error control characters are escaped too (`\x0A`), so a diagnostic stays on one line.
struct InputPath: Sendable, Hashable {
  /// The path's bytes, as passed to open(2).
  let bytes: [UInt8]

  init(bytes: [UInt8]) { self.bytes = bytes }

  /// The path from a command-line argument, undoing `LosslessArgument` for bytes that were not UTF-8.
  init(argument: String) { bytes = LosslessArgument.bytes(of: argument) }

  /// The path as records write it (see the type's discussion).
  var display: String { Self.display(bytes, escapingControls: false) }

  /// The path as diagnostics on standard error write it: also escapes control characters.
  var terminalDisplay: String { Self.display(bytes, escapingControls: true) }

  /// Calls `body` with the path as a NUL-terminated C string (a path holding NUL names nothing: "").
  func withCString<R>(_ body: (UnsafePointer<CChar>) -> R) -> R {
    let count = bytes.contains(0) ? 0 : bytes.count
    // On the stack (a long path on the heap): no array made for each file opened.
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { c in
      let base = c.baseAddress!  // never empty: it holds the NUL
      for k in 0..<count { base[k] = CChar(bitPattern: bytes[k]) }
      base[count] = 0
      return body(base)
    }
  }

  /// The bytes `other` names below this directory: `self/other`.
  func appending(_ name: [UInt8]) -> InputPath {
    // One allocation of the final size (a copy of `bytes` would grow twice).
    var b: [UInt8] = []
    b.reserveCapacity(bytes.count + 1 + name.count)
    b.append(contentsOf: bytes)
    if b.last != 0x2F { b.append(0x2F) }
    b.append(contentsOf: name)
    return InputPath(bytes: b)
  }

  static func display(_ bytes: [UInt8], escapingControls: Bool) -> String {
    // Printable ASCII without a backslash (most paths) is its own display either way: no walk by scalars.
    if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x5C }) { return String(decoding: bytes, as: UTF8.self) }
    return displayByScalars(bytes, escapingControls: escapingControls)
  }

  /// `display(_:escapingControls:)` for any bytes, scalar by scalar.
  static func displayByScalars(_ bytes: [UInt8], escapingControls: Bool) -> String {
    var needsEscape = false
    LosslessArgument.walk(bytes) { piece in
      switch piece {
      case .invalid: needsEscape = true
      case .scalar(let s, _):
        if s == "\\" || (escapingControls && isControl(s)) { needsEscape = true }
      }
    }
    if !needsEscape { return String(decoding: bytes, as: UTF8.self) }
    var out = String.UnicodeScalarView()
    LosslessArgument.walk(bytes) { piece in
      switch piece {
      case .invalid(let b): out.append(contentsOf: hex(b).unicodeScalars)
      case .scalar(let s, let utf8):
        if s == "\\" {
          out.append("\\"); out.append("\\")
        } else if escapingControls && isControl(s) {
          for b in utf8 { out.append(contentsOf: hex(b).unicodeScalars) }
        } else {
          out.append(s)
        }
      }
    }
    return String(out)
  }

  private static func isControl(_ s: Unicode.Scalar) -> Bool { s.value < 0x20 || s.value == 0x7F }

  private static func hex(_ b: UInt8) -> String {
    let digits = Array("0123456789ABCDEF".unicodeScalars)
    return "\\x" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 0xF)])
  }
}
