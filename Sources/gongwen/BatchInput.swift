import GongwenKit

/// One input of a batch, in output order.
enum BatchInput: Sendable {
  /// A path to read; `size` from stat(2) when known, for progress.
  case file(InputPath, size: Int?)
  /// Standard input (`-`), named `<stdin>`.
  case standardInput
  /// The shipped sample, when no input is named.
  case sample
  /// An input that failed before it could be read (an unreadable directory or file list), and its path.
  case failed(InputError, InputPath?)
}
