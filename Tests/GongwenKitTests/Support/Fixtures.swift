import Foundation
import Testing

@testable import GongwenKit

/// Fixture files, found from this file's path rather than as bundle resources.
enum Fixtures {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static let samplePath = root.appendingPathComponent("sample/000_2d09065b1503b549.txt").path

  /// The bytes of `Fixtures/<name>`.
  static func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: root.appendingPathComponent(name)))
  }

  /// `Fixtures/<name>` parsed.
  static func file(_ name: String) throws -> InputFile {
    try InputFile(parsing: bytes(name), path: name)
  }

  /// The user's sample, parsed once.
  static let sample: InputFile? = try? file("sample/000_2d09065b1503b549.txt")

  /// Text parsed as a UTF-8 file.
  static func parse(_ text: String, path: String = "test.txt") throws -> InputFile {
    try InputFile(parsing: Array(text.utf8), path: path)
  }
}
