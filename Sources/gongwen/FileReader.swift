import Foundation
import GongwenKit

/// Reads an input file safely: never blocks on a FIFO or device, refuses non-regular files and oversized ones.
enum FileReader {
  /// The default `--max-size`: 256 MB.
  static let defaultMaxSize = 256 * 1024 * 1024

  /// The bytes of the regular file at `path`, a command-line argument.
  static func read(_ path: String, maxSize: Int = defaultMaxSize) throws(InputError) -> [UInt8] {
    try read(InputPath(argument: path), maxSize: maxSize)
  }

  /// The bytes of the regular file at `path`.
  /// - Throws: `InputError` naming `path.display`: not found, a loop, not a regular file, too large, unreadable.
  /// - Parameter knownRegular: the walker has just found a regular file here (skip the stat before opening;
  ///   the open is still non-blocking and the opened file is checked again).
  static func read(_ path: InputPath, maxSize: Int = defaultMaxSize, knownRegular: Bool = false) throws(InputError)
    -> [UInt8]
  {
    // `path.display` is built only for an error: it costs more than reading a small file.
    // stat first: a FIFO, socket or device is refused before anything opens it.
    var info = stat()
    if !knownRegular, path.withCString({ stat($0, &info) }) != 0 {
      let e = errno
      switch e {
      case ENOENT, ENOTDIR: throw InputError(path: path.display, reason: .notFound)
      case ELOOP: throw InputError(path: path.display, reason: .symlinkLoop)
      default: throw InputError(path: path.display, reason: .unreadable(errno: e))
      }
    }
    if !knownRegular { try check(info, path: path, maxSize: maxSize) }
    // O_NONBLOCK: a FIFO swapped in after the stat must not hang the batch.
    let fd = path.withCString { open($0, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY) }
    if fd < 0 {
      let e = errno
      switch e {
      case ENOENT: throw InputError(path: path.display, reason: .notFound)
      case ELOOP: throw InputError(path: path.display, reason: .symlinkLoop)
      default: throw InputError(path: path.display, reason: .unreadable(errno: e))
      }
    }
    defer { close(fd) }
    guard fstat(fd, &info) == 0 else {
      let e = errno
      throw InputError(path: path.display, reason: .unreadable(errno: e))
    }
    try check(info, path: path, maxSize: maxSize)
    let size = Int(info.st_size)
    // One byte more than stat says, so a file that grew is noticed without a second buffer; left
    // uninitialised, since read(2) fills what counts.
    var failure: Int32 = 0
    var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
      count = 0
      guard let base = buffer.baseAddress else { return }
      while count < buffer.count {
        let n = Foundation.read(fd, base + count, buffer.count - count)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        if n == 0 { return }
        count += n
      }
    }
    if failure != 0 { throw InputError(path: path.display, reason: .unreadable(errno: failure)) }
    var total = bytes.count
    if total > maxSize { throw InputError(path: path.display, reason: .tooLarge(size: total, limit: maxSize)) }
    // A full buffer means the file grew: read the rest in growing steps.
    guard total == size + 1 else { return bytes }
    while true {
      if total == bytes.count {
        guard total <= maxSize else { throw InputError(path: path.display, reason: .tooLarge(size: total, limit: maxSize)) }
        bytes.append(contentsOf: repeatElement(0, count: max(65536, total / 2)))
      }
      let n = bytes.withUnsafeMutableBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return Foundation.read(fd, base + total, raw.count - total)
      }
      if n < 0 {
        let e = errno
        if e == EINTR { continue }
        throw InputError(path: path.display, reason: .unreadable(errno: e == EISDIR ? EISDIR : e))
      }
      if n == 0 { break }
      total += n
      if total > maxSize { throw InputError(path: path.display, reason: .tooLarge(size: total, limit: maxSize)) }
    }
    bytes.removeSubrange(total...)
    return bytes
  }

  private static func check(_ info: stat, path: InputPath, maxSize: Int) throws(InputError) {
    let type = info.st_mode & S_IFMT
    guard type == S_IFREG else { throw InputError(path: path.display, reason: .notRegularFile(kind: kindName(type))) }
    let size = Int(info.st_size)
    guard size <= maxSize else { throw InputError(path: path.display, reason: .tooLarge(size: size, limit: maxSize)) }
  }

  static func kindName(_ type: mode_t) -> String {
    switch type {
    case S_IFDIR: "directory"
    case S_IFIFO: "FIFO"
    case S_IFSOCK: "socket"
    case S_IFCHR: "character device"
    case S_IFBLK: "block device"
    case S_IFLNK: "symbolic link"
    default: "special file"
    }
  }
}
