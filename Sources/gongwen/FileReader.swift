import Foundation
import GongwenKit

/// Reads an input file safely: never blocks on a FIFO or device, refuses non-regular files and oversized ones.
enum FileReader {
  /// The default `--max-size`: 256 MB.
  static let defaultMaxSize = 256 * 1024 * 1024

  /// The bytes of the regular file at `path`.
  static func read(_ path: String, maxSize: Int = defaultMaxSize) throws(InputError) -> [UInt8] {
    var info = stat()
    if lstat(path, &info) != 0 {
      throw InputError(path: path, reason: errno == ENOENT ? .notFound : .unreadable(errno: errno))
    }
    // O_NONBLOCK: a FIFO that slipped past the check must not hang the batch.
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    if fd < 0 {
      let e = errno
      switch e {
      case ENOENT: throw InputError(path: path, reason: .notFound)
      case ELOOP: throw InputError(path: path, reason: .symlinkLoop)
      default: throw InputError(path: path, reason: .unreadable(errno: e))
      }
    }
    defer { close(fd) }
    guard fstat(fd, &info) == 0 else { throw InputError(path: path, reason: .unreadable(errno: errno)) }
    let type = info.st_mode & S_IFMT
    guard type == S_IFREG else { throw InputError(path: path, reason: .notRegularFile(kind: kindName(type))) }
    let size = Int(info.st_size)
    guard size <= maxSize else { throw InputError(path: path, reason: .tooLarge(size: size, limit: maxSize)) }
    var bytes = [UInt8](repeating: 0, count: size)
    var total = 0
    while true {
      if total == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: max(4096, total))) }
      let n = bytes.withUnsafeMutableBytes { raw in
        Foundation.read(fd, raw.baseAddress! + total, raw.count - total)  // count > total here, so the base exists
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw InputError(path: path, reason: .unreadable(errno: errno))
      }
      if n == 0 { break }
      total += n
      if total > maxSize { throw InputError(path: path, reason: .tooLarge(size: total, limit: maxSize)) }
    }
    bytes.removeSubrange(total...)
    return bytes
  }

  static func kindName(_ type: mode_t) -> String {
    switch type {
    case S_IFDIR: "directory"
    case S_IFIFO: "FIFO"
    case S_IFSOCK: "socket"
    case S_IFCHR: "character device"
    case S_IFBLK: "block device"
    default: "special file"
    }
  }
}
