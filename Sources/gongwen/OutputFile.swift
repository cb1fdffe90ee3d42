import Foundation

/// Where a command's data goes: standard output (`-`), or a file written through a temporary file in the same
/// directory and renamed over the target at the end, so the target is either the old file or the whole new
/// one, never a half-written mix. Writes are buffered and streamed, never held whole.
final class OutputFile {
  /// Why the output could not be written.
  struct Failure: Error, LocalizedError {
    let message: String
    var errorDescription: String? { message }
  }

  /// The path as given (`-` for standard output).
  let path: String
  private let streams: StandardStreams
  private var fd: Int32 = -1
  private var target: [CChar] = []
  private var temporary: [CChar] = []
  private var buffer: [UInt8] = []
  private var failure: Failure?
  private static let flushSize = 1 << 20

  /// The temporary file to remove if a signal ends the run (read by the signal handler).
  nonisolated(unsafe) private static var pendingTemporary: UnsafeMutablePointer<CChar>?

  /// Opens the output; for a file, creates the temporary file beside it.
  init(path: String, streams: StandardStreams) throws(Failure) {
    self.path = path
    self.streams = streams
    buffer.reserveCapacity(Self.flushSize)
    guard path != "-" else { return }
    var bytes = InputPath(argument: path).bytes
    guard !bytes.isEmpty, !bytes.contains(0) else { throw Failure(message: "invalid output path") }
    var info = stat()
    var link = stat()
    let exists = stat(bytes.map { CChar(bitPattern: $0) } + [0], &info) == 0
    if exists && (info.st_mode & S_IFMT) == S_IFDIR { throw Failure(message: "is a directory") }
    // A device or FIFO (/dev/null, a pipe) is written directly: a rename would replace it with a file.
    if exists && (info.st_mode & S_IFMT) != S_IFREG {
      fd = open(bytes.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CLOEXEC)
      guard fd >= 0 else { throw Failure(message: Self.describe(errno)) }
      return
    }
    // A symbolic link stays one: the file it points at is replaced.
    if lstat(bytes.map { CChar(bitPattern: $0) } + [0], &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK,
      let resolved = realpath(bytes.map { CChar(bitPattern: $0) } + [0], nil)
    {
      bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(resolved).assumingMemoryBound(to: UInt8.self), count: strlen(resolved)))
      free(resolved)
    }
    var directory: [UInt8] = []
    var name = bytes
    if let slash = bytes.lastIndex(of: 0x2F) {
      directory = Array(bytes[...slash])
      name = Array(bytes[(slash + 1)...])
    }
    guard !name.isEmpty else { throw Failure(message: "is a directory") }
    target = bytes.map { CChar(bitPattern: $0) } + [0]
    // Dot-prefixed so directory walks and globs skip it; pid and a counter make it unique.
    for attempt in 0..<100 {
      let suffix = Array(".gongwen-\(getpid())-\(attempt).tmp".utf8)
      let candidate = (directory + [0x2E] + name + suffix).map { CChar(bitPattern: $0) } + [0]
      let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if opened >= 0 {
        fd = opened
        temporary = candidate
        break
      }
      if errno != EEXIST { throw Failure(message: Self.describe(errno)) }
    }
    guard fd >= 0 else { throw Failure(message: "cannot create a temporary file") }
    // A replaced file keeps its permissions.
    if exists { fchmod(fd, info.st_mode & 0o7777) }
    Self.arm(temporary)
  }

  /// Writes `bytes` whole to `path` (`-`: standard output), through a temporary file and a rename.
  /// - Throws: `Failure` when the file cannot be written; the target is then left as it was.
  static func write(_ bytes: [UInt8], to path: String, streams: StandardStreams) throws(Failure) {
    let output = try OutputFile(path: path, streams: streams)
    output.write(bytes)
    try output.commit()
  }

  /// Appends bytes; a write error is kept and reported by `commit()`.
  func write(_ bytes: [UInt8]) {
    // A large record (one huge document) goes out as it is: copying it into the buffer would double it.
    if bytes.count >= Self.flushSize {
      flush()
      writeOut(bytes)
      return
    }
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.flushSize { flush() }
  }

  /// Writes what is buffered and, for a file, renames the temporary file over the target.
  /// - Throws: `Failure` when a write or the rename failed; the temporary file is then removed.
  func commit() throws(Failure) {
    flush()
    guard fd >= 0 else {
      if let failure { throw failure }
      return
    }
    if temporary.isEmpty {
      close(fd)
      fd = -1
      if let failure { throw failure }
      return
    }
    if failure == nil && fsync(fd) != 0 && errno != EINVAL { failure = Failure(message: Self.describe(errno)) }
    if close(fd) != 0 && failure == nil { failure = Failure(message: Self.describe(errno)) }
    fd = -1
    if failure == nil && rename(temporary, target) != 0 { failure = Failure(message: Self.describe(errno)) }
    if let failure {
      discard()
      throw failure
    }
    Self.disarm()
  }

  /// Removes the temporary file and leaves the target as it was.
  func discard() {
    if fd >= 0 { close(fd); fd = -1 }
    if !temporary.isEmpty { unlink(temporary) }
    Self.disarm()
  }

  private func flush() {
    defer { buffer.removeAll(keepingCapacity: true) }
    writeOut(buffer)
  }

  private func writeOut(_ bytes: [UInt8]) {
    guard !bytes.isEmpty else { return }
    guard fd >= 0 else { streams.writeOut(bytes); return }
    guard failure == nil else { return }
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count, let base = raw.baseAddress {
        let n = Foundation.write(fd, base + offset, raw.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          failure = Failure(message: Self.describe(errno))
          return
        }
        offset += n
      }
    }
  }

  private static func describe(_ e: Int32) -> String { String(cString: strerror(e)) }

  /// Removes the temporary file when SIGINT, SIGTERM or SIGHUP ends the run, then dies of that signal.
  private static func arm(_ path: [CChar]) {
    let copy = UnsafeMutablePointer<CChar>.allocate(capacity: path.count)
    copy.initialize(from: path, count: path.count)
    pendingTemporary = copy
    for sig in [SIGINT, SIGTERM, SIGHUP] {
      signal(sig) { sig in
        if let p = OutputFile.pendingTemporary { unlink(p) }
        signal(sig, SIG_DFL)
        raise(sig)
      }
    }
  }

  private static func disarm() {
    guard let p = pendingTemporary else { return }
    pendingTemporary = nil
    for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, SIG_DFL) }
    p.deallocate()
  }
}
