/// Why an input could not be parsed. Printed as `path:line:column: error: <reason>` or `gongwen: path: reason`.
public struct InputError: Error, Sendable, Hashable {
  /// The cause, with a stable `code` for machine output.
  public enum Reason: Sendable, Hashable {
    /// No such file or directory.
    case notFound
    /// open(2) or read(2) failed with this errno.
    case unreadable(errno: Int32)
    /// A directory, FIFO, socket or device given as a file.
    case notRegularFile(kind: String)
    /// Symbolic links that loop.
    case symlinkLoop
    /// Larger than the size limit.
    case tooLarge(size: Int, limit: Int)
    /// Binary content (NUL bytes, an image, an archive); the associated text names what was seen.
    case notText(String)
    /// The bytes could not be decoded in the forced or detected encoding.
    case undecodable(TextEncoding)
  }

  /// The path as the user typed it (`<stdin>` for standard input).
  public let path: String
  /// Where in the file, when a position applies.
  public let location: SourceLocation?
  /// What went wrong.
  public let reason: Reason

  /// Creates an error for `path`.
  public init(path: String, location: SourceLocation? = nil, reason: Reason) {
    self.path = path
    self.location = location
    self.reason = reason
  }

  /// A stable kebab-case code: `not-found`, `unreadable`, `not-regular-file`, `symlink-loop`, `too-large`,
  /// `not-text`, `undecodable`.
  public var code: String {
    switch reason {
    case .notFound: "not-found"
    case .unreadable: "unreadable"
    case .notRegularFile: "not-regular-file"
    case .symlinkLoop: "symlink-loop"
    case .tooLarge: "too-large"
    case .notText: "not-text"
    case .undecodable: "undecodable"
    }
  }

  /// The reason in plain words, without the path.
  public var message: String {
    switch reason {
    case .notFound: "cannot open: no such file or directory"
    case .unreadable(let errno):
      switch errno {
      case 13: "cannot open: permission denied"
      case 21: "not a regular file (directory)"
      case 40: "cannot open: too many levels of symbolic links"
      default: "cannot read: error \(errno)"
      }
    case .notRegularFile(let kind): "not a regular file (\(kind))"
    case .symlinkLoop: "cannot open: too many levels of symbolic links"
    case .tooLarge(let size, let limit): "file too large (\(size) bytes, limit \(limit))"
    case .notText(let what): "not text (\(what))"
    case .undecodable(let encoding): "cannot decode as \(encoding.rawValue)"
    }
  }
}
