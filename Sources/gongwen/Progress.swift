import Foundation

/// The progress line on standard error (`12/340 files, 3.1/88.0 MB, 41.2 MB/s, 0:02 left`), rewritten in place
/// with `\r`, and the summary line at the end. Shown only when standard error is a terminal or `--progress`
/// asks for it, never with `--quiet`; so output through a pipe, and in tests, stays byte-for-byte the same.
final class Progress: @unchecked Sendable {
  private let streams: StandardStreams
  /// Whether anything is shown.
  let isEnabled: Bool
  private let totalFiles: Int
  private let totalBytes: Int
  private let start = Date()
  private let lock = NSLock()
  private var doneFiles = 0
  private var doneBytes = 0
  // The first line after 0.2 s: a quick run shows only the summary.
  private lazy var lastDraw = start
  private var lastWidth = 0

  init(streams: StandardStreams, isEnabled: Bool, totalFiles: Int, totalBytes: Int) {
    self.streams = streams
    self.isEnabled = isEnabled
    self.totalFiles = totalFiles
    self.totalBytes = totalBytes
  }

  /// Counts one finished file of `bytes` bytes (any thread).
  func fileDone(bytes: Int) {
    lock.withLock {
      doneFiles += 1
      doneBytes += bytes
    }
  }

  /// Redraws the line, at most five times a second.
  func draw() {
    guard isEnabled else { return }
    let now = Date()
    guard now.timeIntervalSince(lastDraw) >= 0.2 else { return }
    lastDraw = now
    let (files, bytes) = lock.withLock { (doneFiles, doneBytes) }
    let seconds = max(now.timeIntervalSince(start), 0.001)
    let rate = Double(bytes) / seconds
    var line = "\(files)/\(totalFiles) files, \(Self.megabytes(bytes))/\(Self.megabytes(totalBytes)) MB, "
    line += "\(Self.megabytes(Int(rate))) MB/s"
    let fraction =
      totalBytes > 0 ? Double(bytes) / Double(totalBytes) : Double(files) / Double(max(totalFiles, 1))
    if fraction > 0.01 && fraction < 1 {
      let left = Int(seconds * (1 - fraction) / fraction)
      line += ", \(left / 60):\(left % 60 < 10 ? "0" : "")\(left % 60) left"
    }
    let padding = String(repeating: " ", count: max(0, lastWidth - line.count))
    lastWidth = line.count
    streams.writeErr("\r" + line + padding)
  }

  /// Clears the line, before a diagnostic or at the end.
  func clear() {
    guard isEnabled, lastWidth > 0 else { return }
    streams.writeErr("\r" + String(repeating: " ", count: lastWidth) + "\r")
    lastWidth = 0
  }

  /// Clears the line and prints the summary: files, documents, errors, bytes and seconds.
  func finish(documents: Int, errors: Int) {
    guard isEnabled else { return }
    clear()
    let (files, bytes) = lock.withLock { (doneFiles, doneBytes) }
    let seconds = Date().timeIntervalSince(start)
    streams.writeErr(
      "gongwen: \(files) files, \(documents) documents, \(errors) errors, \(bytes) bytes in "
        + String(format: "%.2f", seconds) + " s\n")
  }

  static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_000_000) }
}
