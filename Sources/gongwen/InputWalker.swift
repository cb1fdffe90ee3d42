import Foundation
import GongwenKit

/// Turns the command line's paths, `--files-from` lists and, with `-r`, directories into the batch's inputs.
///
/// Order: arguments first, in the order given, then each list's paths in order; a directory's entries are
/// sorted by their bytes, so the same tree always gives the same order. With `-r` a directory is walked:
/// real directories are entered (unless `--exclude` matches them), symbolic links to directories are not
/// (no loops), and every other entry whose name matches an `--include` pattern (default `*.txt`, any case) and
/// no `--exclude` pattern is an input, whatever it is: a FIFO or a dangling link gets its error record there.
/// A path named explicitly is always an input, whatever its name.
struct InputWalker {
  var recursive = false
  var includes: [Glob] = [Glob("*.txt", ignoringCase: true)]
  var excludes: [Glob] = []

  /// The inputs for `arguments` and the paths listed in `lists` (each a file or `-`).
  func inputs(arguments: [String], lists: [String], nullSeparated: Bool, streams: StandardStreams) -> [BatchInput] {
    var result: [BatchInput] = []
    for argument in arguments { add(InputPath(argument: argument), isStandardInput: argument == "-", to: &result) }
    for list in lists {
      let listPath = InputPath(argument: list)
      let bytes: [UInt8]
      do throws(InputError) {
        if list == "-" {
          do { bytes = try streams.readInput() } catch { throw InputError(path: "<stdin>", reason: .unreadable(errno: EIO)) }
        } else {
          bytes = try FileReader.read(listPath)
        }
      } catch {
        result.append(.failed(error, list == "-" ? nil : listPath))
        continue
      }
      let separator: UInt8 = nullSeparated ? 0 : 0x0A
      for entry in bytes.split(separator: separator, omittingEmptySubsequences: true) {
        add(InputPath(bytes: Array(entry)), isStandardInput: false, to: &result)
      }
    }
    return result
  }

  private func add(_ path: InputPath, isStandardInput: Bool, to result: inout [BatchInput]) {
    if isStandardInput { result.append(.standardInput); return }
    var info = stat()
    let found = path.withCString { stat($0, &info) } == 0
    if recursive && found && (info.st_mode & S_IFMT) == S_IFDIR {
      var visited: Set<[UInt64]> = []
      walk(path, relative: [], device: UInt64(info.st_dev), inode: UInt64(info.st_ino), visited: &visited, into: &result)
    } else {
      result.append(.file(path, size: found && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil))
    }
  }

  /// `d_type` values of readdir(3).
  private static let typeUnknown: UInt8 = 0
  private static let typeDirectory: UInt8 = 4

  /// fstatat(2) of `name` in the directory `fd`; `following` symbolic links or not.
  private static func lookUp(_ name: [UInt8], in fd: Int32, _ info: inout stat, following: Bool) -> Bool {
    // NUL-terminated on the stack: no array made per entry.
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: name.count + 1) { c in
      guard let base = c.baseAddress else { return false }
      for k in name.indices { base[k] = CChar(bitPattern: name[k]) }
      base[name.count] = 0
      return fstatat(fd, base, &info, following ? 0 : AT_SYMLINK_NOFOLLOW) == 0
    }
  }

  private func walk(
    _ directory: InputPath, relative: [UInt8], device: UInt64, inode: UInt64, visited: inout Set<[UInt64]>,
    into result: inout [BatchInput]
  ) {
    // Bind mounts can loop too: enter each directory once.
    guard visited.insert([device, inode]).inserted else { return }
    guard let dir = directory.withCString({ opendir($0) }) else {
      let e = errno
      let error = InputError(path: directory.display, reason: e == ENOENT ? .notFound : .unreadable(errno: e))
      result.append(.failed(error, directory))
      return
    }
    defer { closedir(dir) }
    // Entries are looked up relative to the open directory (no walk of the whole path each time), and the
    // entry type from readdir spares a stat for directories and plain files where the file system gives it.
    let fd = dirfd(dir)
    var entries: [(name: [UInt8], type: UInt8)] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        // d_name ends at its NUL, within the field.
        guard let base = raw.baseAddress, let end = memchr(base, 0, raw.count) else { return Array(raw) }
        return Array(UnsafeRawBufferPointer(start: base, count: UnsafeRawPointer(end) - base))
      }
      if name == [0x2E] || name == [0x2E, 0x2E] { continue }
      entries.append((name, entry.pointee.d_type))
    }
    entries.sort { $0.name.lexicographicallyPrecedes($1.name) }
    for (name, type) in entries {
      let path = directory.appending(name)
      let relativePath = relative.isEmpty ? name : relative + [0x2F] + name
      if excludes.contains(where: { $0.matches(name: name, relativePath: relativePath) }) { continue }
      var info = stat()
      let isDirectory =
        type == Self.typeDirectory || type == Self.typeUnknown
        ? Self.lookUp(name, in: fd, &info, following: false) && (info.st_mode & S_IFMT) == S_IFDIR : false
      if isDirectory {
        walk(path, relative: relativePath, device: UInt64(info.st_dev), inode: UInt64(info.st_ino), visited: &visited, into: &result)
        continue
      }
      guard includes.contains(where: { $0.matches(name: name, relativePath: relativePath) }) else { continue }
      var target = stat()
      let isFile = Self.lookUp(name, in: fd, &target, following: true) && (target.st_mode & S_IFMT) == S_IFREG
      result.append(.file(path, size: isFile ? Int(target.st_size) : nil))
    }
  }
}
