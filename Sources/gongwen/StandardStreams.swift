import Foundation

/// All writes to standard output and error go through here: Swift 6 rejects the C globals as shared state,
/// and tests capture both streams in process.
final class StandardStreams: @unchecked Sendable {
  private let capture: Bool
  private let lock = NSLock()
  /// What was written to standard output, when capturing.
  private(set) var capturedOut: [UInt8] = []
  /// What was written to standard error, when capturing.
  private(set) var capturedErr: [UInt8] = []
  /// Standard input's bytes, when capturing.
  private let capturedIn: [UInt8]
  /// Whether standard output is a terminal.
  let outIsTerminal: Bool
  /// Whether standard error is a terminal.
  let errIsTerminal: Bool

  private init(capture: Bool, input: [UInt8], outIsTerminal: Bool, errIsTerminal: Bool) {
    self.capture = capture
    self.capturedIn = input
    self.outIsTerminal = outIsTerminal
    self.errIsTerminal = errIsTerminal
  }

  /// The process's own streams.
  static func process() -> StandardStreams {
    StandardStreams(capture: false, input: [], outIsTerminal: isatty(1) == 1, errIsTerminal: isatty(2) == 1)
  }

  /// Buffers for in-process tests.
  static func capturing(input: [UInt8] = [], outIsTerminal: Bool = false, errIsTerminal: Bool = false)
    -> StandardStreams
  {
    StandardStreams(capture: true, input: input, outIsTerminal: outIsTerminal, errIsTerminal: errIsTerminal)
  }

  /// Writes bytes to standard output.
  func writeOut(_ bytes: [UInt8]) {
    if capture { lock.withLock { capturedOut.append(contentsOf: bytes) } } else { Self.writeAll(1, bytes) }
  }

  /// Writes text to standard output.
  func writeOut(_ text: String) { writeOut(Array(text.utf8)) }

  /// Writes text to standard error.
  func writeErr(_ text: String) {
    if capture { lock.withLock { capturedErr.append(contentsOf: text.utf8) } } else { Self.writeAll(2, Array(text.utf8)) }
  }

  /// Reads all of standard input.
  func readInput() throws -> [UInt8] {
    if capture { return capturedIn }
    return Array(FileHandle.standardInput.readDataToEndOfFile())
  }

  private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let n = write(fd, raw.baseAddress! + offset, raw.count - offset)  // count > 0, so the base exists
        if n < 0 {
          if errno == EINTR { continue }
          return
        }
        offset += n
      }
    }
  }
}
