import Foundation

/// Command-line arguments as `String`s that keep every byte: `CommandLine.arguments` replaces bytes that are
/// not UTF-8 with U+FFFD, so two different file names could read alike. Each such byte `b` becomes the private
/// use scalar U+10FF00 + b instead (plane 16, which file names do not use), and `bytes(of:)` undoes it.
enum LosslessArgument {
  static let base: UInt32 = 0x10FF00

  /// A piece of a byte string: a valid scalar with its UTF-8 bytes, or one byte that is not valid UTF-8.
  enum Piece {
    case scalar(Unicode.Scalar, ArraySlice<UInt8>)
    case invalid(UInt8)
  }

  /// Calls `body` for each scalar or invalid byte of `bytes`, in order.
  static func walk(_ bytes: [UInt8], _ body: (Piece) -> Void) {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        let n = encoded.count
        body(.scalar(Unicode.UTF8.decode(encoded), bytes[offset..<offset + n]))
        offset += n
      case .error(let length):
        for k in offset..<offset + length { body(.invalid(bytes[k])) }
        offset += length
      case .emptyInput:
        return
      }
    }
  }

  /// The argument `raw` (bytes of argv) as a String that keeps bytes that are not UTF-8.
  static func string(_ raw: [UInt8]) -> String {
    var out = String.UnicodeScalarView()
    walk(raw) { piece in
      switch piece {
      case .scalar(let s, _): out.append(s)
      case .invalid(let b): out.append(Unicode.Scalar(base + UInt32(b)) ?? "\u{FFFD}")
      }
    }
    return String(out)
  }

  /// The bytes an argument made by `string(_:)` stands for.
  static func bytes(of argument: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(argument.utf8.count)
    for s in argument.unicodeScalars {
      if s.value >= base && s.value <= base + 0xFF {
        out.append(UInt8(s.value - base))
      } else {
        out.append(contentsOf: String(s).utf8)
      }
    }
    return out
  }

  /// The process's arguments after the program name, from the raw argv bytes.
  static func processArguments() -> [String] {
    var result: [String] = []
    let argc = Int(CommandLine.argc)
    guard argc > 1 else { return [] }
    for k in 1..<argc {
      guard let p = CommandLine.unsafeArgv[k] else { continue }
      let raw = UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p))
      result.append(string(Array(raw)))
    }
    return result
  }
}
