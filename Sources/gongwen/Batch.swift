import Foundation
import GongwenKit

/// Runs a command over its inputs: reads and parses each file, renders its records, writes them in input order.
struct Batch {
  /// How the records of a whole run are framed: `[` … `,` … `]` for JSON, a header row for CSV.
  struct Framing {
    var header: [UInt8] = []
    var separator: [UInt8] = []
    var footer: [UInt8] = []
  }

  let shared: SharedOptions
  let context: CommandContext

  /// The input paths: the positional arguments, or the shipped sample when there are none.
  static func inputs(_ arguments: ParsedArguments) -> [String] {
    arguments.positional
  }

  /// Parses every input and writes what `render` makes of each, in order.
  /// - Returns: `.failure` when any input could not be read or decoded, else `.success`.
  func run(
    _ paths: [String], framing: Framing, render: (Result<InputFile, InputError>) -> [[UInt8]]
  ) -> ExitStatus {
    var status = ExitStatus.success
    var out = framing.header
    var first = true
    let sources: [String] = paths.isEmpty ? [Sample.path] : paths
    for (k, path) in sources.enumerated() {
      let result = parse(path, isSample: paths.isEmpty && k == 0)
      if case .failure(let error) = result {
        status = max(status, .failure)
        context.streams.writeErr("gongwen: \(error.path): \(error.message)\n")
      }
      for record in render(result) {
        if !first { out.append(contentsOf: framing.separator) }
        out.append(contentsOf: record)
        first = false
      }
    }
    out.append(contentsOf: framing.footer)
    do {
      try OutputFile.write(out, to: shared.output, streams: context.streams)
    } catch {
      context.streams.writeErr("gongwen: \(shared.output): \(error.localizedDescription)\n")
      return .failure
    }
    return status
  }

  func parse(_ path: String, isSample: Bool) -> Result<InputFile, InputError> {
    let options = InputFile.Options(encoding: shared.encoding)
    do throws(InputError) {
      let bytes: [UInt8]
      if isSample {
        bytes = Sample.bytes
      } else if path == "-" {
        do { bytes = try context.streams.readInput() } catch { throw InputError(path: "<stdin>", reason: .unreadable(errno: EIO)) }
      } else {
        bytes = try FileReader.read(path)
      }
      return .success(try InputFile(parsing: bytes, path: path == "-" ? "<stdin>" : path, options: options))
    } catch {
      return .failure(error)
    }
  }
}

/// Writes a command's output: to standard output, or to a file through a temporary file and a rename.
enum OutputFile {
  static func write(_ bytes: [UInt8], to path: String, streams: StandardStreams) throws {
    if path == "-" {
      streams.writeOut(bytes)
      return
    }
    let url = URL(fileURLWithPath: path)
    let temporary = url.deletingLastPathComponent()
      .appendingPathComponent(".\(url.lastPathComponent).gongwen-\(getpid())")
    try Data(bytes).write(to: temporary)
    if rename(temporary.path, url.path) != 0 {
      let e = errno
      unlink(temporary.path)
      throw NSError(domain: NSPOSIXErrorDomain, code: Int(e), userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(e))])
    }
  }
}
