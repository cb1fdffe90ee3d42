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
  /// Standard output's bytes not yet written.
  private var buffer: [UInt8] = []
  /// A file's records not yet written, kept as they came.
  private var pending: [[UInt8]] = []
  private var pendingBytes = 0
  private var failure: Failure?
  private static let flushSize = 1 << 20
  /// Pieces pending at most: the `writev` limit is 1024.
  private static let maxPieces = 512

  /// The temporary file to remove if a signal ends the run (read by the signal handler).
  nonisolated(unsafe) private static var pendingTemporary: UnsafeMutablePointer<CChar>?

  /// Opens the output; for a file, creates the temporary file beside it.
  init(path: String, streams: StandardStreams) throws(Failure) {
    self.path = path
    self.streams = streams
    guard path != "-" else {
      buffer.reserveCapacity(Self.flushSize)
      return
    }
    pending.reserveCapacity(Self.maxPieces)
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
    // The handlers are in place before the file exists, and this thread holds the signals until the file is
    // recorded for them: a signal between the two would otherwise leave the temporary file behind.
    Self.arm()
    var held = sigset_t()
    var previous = sigset_t()
    sigemptyset(&held)
    for sig in Self.signals { sigaddset(&held, sig) }
    pthread_sigmask(SIG_BLOCK, &held, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    // Dot-prefixed so directory walks and globs skip it; pid and a counter make it unique.
    for attempt in 0..<100 {
      let suffix = Array(".gongwen-\(getpid())-\(attempt).tmp".utf8)
      let candidate = (directory + [0x2E] + name + suffix).map { CChar(bitPattern: $0) } + [0]
      let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if opened >= 0 {
        fd = opened
        temporary = candidate
        Self.record(candidate)
        break
      }
      if errno != EEXIST {
        let reason = Self.describe(errno)
        Self.disarm()
        throw Failure(message: reason)
      }
    }
    guard fd >= 0 else {
      Self.disarm()
      throw Failure(message: "cannot create a temporary file")
    }
    // A replaced file keeps its permissions.
    if exists { fchmod(fd, info.st_mode & 0o7777) }
  }

  /// Writes `bytes` whole to `path` (`-`: standard output), through a temporary file and a rename.
  /// - Throws: `Failure` when the file cannot be written; the target is then left as it was.
  static func write(_ bytes: [UInt8], to path: String, streams: StandardStreams) throws(Failure) {
    let output = try OutputFile(path: path, streams: streams)
    output.write(bytes)
    try output.commit()
  }

  /// Appends bytes; a write error is kept and reported by `commit()`. To a file, device or pipe the array itself
  /// is kept (not copied) until about `flushSize` bytes are pending, then all go out in one `writev`.
  func write(_ bytes: [UInt8]) {
    guard !bytes.isEmpty else { return }
    guard fd >= 0 else {
      // Standard output goes through `streams` (tests capture it): buffered, one write a megabyte.
      if bytes.count >= Self.flushSize {
        flush()
        streams.writeOut(bytes)
        return
      }
      buffer.append(contentsOf: bytes)
      if buffer.count >= Self.flushSize { flush() }
      return
    }
    pending.append(bytes)
    pendingBytes += bytes.count
    if pendingBytes >= Self.flushSize || pending.count >= Self.maxPieces { flush() }
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
    if !buffer.isEmpty {
      streams.writeOut(buffer)
      buffer.removeAll(keepingCapacity: true)
    }
    guard !pending.isEmpty else { return }
    defer {
      pending.removeAll(keepingCapacity: true)
      pendingBytes = 0
    }
    guard failure == nil else { return }
    if let error = Self.writeAll(fd, pending) { failure = Failure(message: Self.describe(error)) }
  }

  /// Writes `pieces` in order to `fd` in `writev` calls, resuming after a short write; returns the errno of a
  /// failed call, or nil.
  static func writeAll(_ fd: Int32, _ pieces: [[UInt8]]) -> Int32? {
    withVectors(pieces) { vectors in
      var first = 0
      while first < vectors.count {
        let n = writev(fd, vectors.baseAddress! + first, Int32(min(vectors.count - first, 1024)))  // count > 0
        if n < 0 {
          if errno == EINTR { continue }
          return errno
        }
        // Skip what was written: whole pieces, then into the first one left.
        var left = n
        while first < vectors.count && left >= vectors[first].iov_len {
          left -= vectors[first].iov_len
          first += 1
        }
        if left > 0 {
          vectors[first].iov_base = vectors[first].iov_base.map { $0 + left }
          vectors[first].iov_len -= left
        }
      }
      return nil
    }
  }

  /// Calls `body` with an iovec for each of `pieces`, each array's storage pinned for the call.
  private static func withVectors<R>(
    _ pieces: [[UInt8]], _ body: (UnsafeMutableBufferPointer<iovec>) -> R
  ) -> R {
    // Pins one piece at a time by recursion, so the iovecs point at storage alive for the whole write.
    var vectors = [iovec]()
    vectors.reserveCapacity(pieces.count)
    return pin(pieces, from: 0, into: &vectors, body)
  }

  private static func pin<R>(
    _ pieces: [[UInt8]], from k: Int, into vectors: inout [iovec], _ body: (UnsafeMutableBufferPointer<iovec>) -> R
  ) -> R {
    guard k < pieces.count else { return vectors.withUnsafeMutableBufferPointer { body($0) } }
    return pieces[k].withUnsafeBytes { raw in
      vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: raw.baseAddress), iov_len: raw.count))
      return pin(pieces, from: k + 1, into: &vectors, body)
    }
  }

  private static func describe(_ e: Int32) -> String { String(cString: strerror(e)) }

  /// The signals that end a run and remove its temporary file.
  private static let signals = [SIGINT, SIGTERM, SIGHUP]

  /// Installs handlers that remove the recorded temporary file, if any, when SIGINT, SIGTERM or SIGHUP ends
  /// the run, then die of that signal.
  private static func arm() {
    for sig in signals {
      signal(sig) { sig in
        if let p = OutputFile.pendingTemporary { unlink(p) }
        signal(sig, SIG_DFL)
        raise(sig)
      }
    }
  }

  /// Records the temporary file for the handlers (called with the signals held).
  private static func record(_ path: [CChar]) {
    let copy = UnsafeMutablePointer<CChar>.allocate(capacity: path.count)
    copy.initialize(from: path, count: path.count)
    pendingTemporary = copy
  }

  private static func disarm() {
    for sig in signals { signal(sig, SIG_DFL) }
    guard let p = pendingTemporary else { return }
    pendingTemporary = nil
    p.deallocate()
  }
}
