import Foundation
import GongwenKit

/// Runs a command over its inputs: finds them (files, `-`, `--files-from`, `-r` directories), reads and parses
/// them on `--jobs` threads, and hands each result to the command's `render` in input order, streaming the
/// records to the output as files finish. Every input yields a record or an error record; none is dropped.
struct Batch {
  /// How the records of a whole run are framed: `[` … `,` … `]` for JSON, a header row for CSV.
  struct Framing {
    var header: [UInt8] = []
    var separator: [UInt8] = []
    var footer: [UInt8] = []
  }

  let shared: SharedOptions
  let context: CommandContext
  /// False for commands that write no findings (`figures`, `turnout`): the checks are skipped.
  var runsChecks = true

  /// The input paths: the positional arguments (none: the shipped sample, unless `--files-from` is given).
  static func inputs(_ arguments: ParsedArguments) -> [String] {
    arguments.positional
  }

  /// What a worker hands to the output thread for one input.
  struct Outcome<Payload: Sendable>: Sendable {
    /// Why the input failed, if it did.
    let error: InputError?
    /// How many documents it held.
    let documents: Int
    /// The records, or nil for a large file, which is parsed piece by piece when its turn comes.
    let payload: Payload?
    /// A large file's decoded text and name, for the output thread.
    var large: (text: DecodedText, path: String)? = nil
  }

  /// A decoded text longer than this is parsed and written a few documents at a time (pieces of about this
  /// size), so its peak memory is the text and one piece's figures and records, not all of them.
  static let pieceBytes = 4 << 20

  /// Parses every input and writes what `render` makes of each, in input order.
  ///
  /// `render` runs on the calling thread, one input at a time and in order, so it may keep running totals;
  /// parsing runs on `shared.jobs` threads, a bounded window ahead of the output (see `OrderedWork`).
  /// An input that failed is also reported on standard error as `gongwen: FILE: reason`.
  /// - Returns: `.failure` when any input could not be read or decoded or the output could not be written,
  ///   else `.success`.
  func run(
    _ paths: [String], framing: Framing, render: (Result<InputFile, InputError>) -> [[UInt8]]
  ) -> ExitStatus {
    execute(paths, framing: framing, transform: { $0 }, records: render)
  }

  /// Like `run(_:framing:render:)`, but `render` runs on the worker threads right after each parse, so
  /// writing records scales with `--jobs` too. For a render that keeps no state of its own (`parse`).
  /// (A name of its own: with an overload of `run`, a trailing closure could pick the wrong one.)
  func runConcurrently(
    _ paths: [String], framing: Framing, render: @escaping @Sendable (Result<InputFile, InputError>) -> [[UInt8]]
  ) -> ExitStatus {
    execute(paths, framing: framing, transform: render, records: { $0 })
  }

  private func execute<Payload: Sendable>(
    _ paths: [String], framing: Framing,
    transform: @escaping @Sendable (Result<InputFile, InputError>) -> Payload,
    records: (Payload) -> [[UInt8]]
  ) -> ExitStatus {
    let streams = context.streams
    if paths.contains("-") && shared.filesFrom.contains("-") {
      streams.writeErr("gongwen: '-' and '--files-from -' both name standard input, which can be read once\n")
      return .failure
    }
    // No path: the shipped sample; with -r, the current directory, as grep -r does.
    let named = paths.isEmpty && shared.filesFrom.isEmpty && shared.recursive ? ["."] : paths
    let inputs: [BatchInput] =
      named.isEmpty && shared.filesFrom.isEmpty
      ? [.sample]
      : shared.walker.inputs(
        arguments: named, lists: shared.filesFrom, nullSeparated: shared.nullSeparated, streams: streams)
    let output: OutputFile
    do throws(OutputFile.Failure) {
      output = try OutputFile(path: shared.output, streams: streams)
    } catch {
      streams.writeErr("gongwen: \(InputPath(argument: shared.output).terminalDisplay): \(error.message)\n")
      return .failure
    }
    let totalBytes = inputs.reduce(0) { sum, input in
      if case .file(_, let size?) = input { sum + size } else { sum }
    }
    let progress = Progress(
      streams: streams, isEnabled: shared.showsProgress(streams), totalFiles: inputs.count, totalBytes: totalBytes)
    let standardInput: [UInt8]? = inputs.contains { if case .standardInput = $0 { true } else { false } }
      ? (try? streams.readInput()) : nil

    var status = ExitStatus.success
    var isFirst = true
    var documents = 0
    var errors = 0
    output.write(framing.header)
    let options = InputFile.Options(encoding: shared.encoding)
    let maxSize = shared.maxSize
    let runsChecks = runsChecks
    // Small files run up to 32 per job ahead of the output (1 MB of input per job at most), large ones 2.
    let sizes = inputs.map { input in if case .file(_, let size?) = input { size } else { 0 } }
    let work = OrderedWork<Outcome<Payload>>(
      count: inputs.count, window: 32 * shared.jobs, minimumWindow: 2 * shared.jobs, weights: sizes,
      weightBudget: shared.jobs << 20)
    work.run(
      jobs: shared.jobs,
      work: { k in
        let (decoded, size) = Self.decode(inputs[k], standardInput: standardInput, options: options, maxSize: maxSize)
        progress.fileDone(bytes: size)
        // Taken apart once, by a switch: each `if case`, `map` or `try? get()` copied the text or the records
        // (retaining every array in them) and destroyed the copy again.
        switch consume decoded {
        case .failure(let error):
          return Outcome(error: error, documents: 0, payload: transform(.failure(error)))
        case .success(let text):
          if text.text.bytes.count > Self.pieceBytes { return Outcome(error: nil, documents: 0, payload: nil, large: text) }
          let file = InputFile(decoded: text.text, path: text.path, runsChecks: runsChecks)
          let count = file.documents.count
          return Outcome(error: nil, documents: count, payload: transform(.success(consume file)))
        }
      },
      consume: { k, outcome in
        func write(_ payload: Payload) {
          for record in records(payload) {
            if !isFirst { output.write(framing.separator) }
            output.write(record)
            isFirst = false
          }
        }
        documents += outcome.documents
        if let error = outcome.error {
          status = .failure
          errors += 1
          progress.clear()
          streams.writeErr("gongwen: \(Self.terminalName(of: inputs[k], error: error)): \(error.message)\n")
        }
        if let payload = outcome.payload { write(payload) }
        if let large = outcome.large {
          // Its pieces are independent: parsed on `jobs` threads, written in order as each is ready.
          let pieces = InputFile.Pieces(decoded: large.text, path: large.path, pieceBytes: Self.pieceBytes)
          OrderedWork<(Int, Payload)>(count: pieces.count, window: 2 * shared.jobs).run(
            jobs: shared.jobs,
            work: { k in
              let piece = pieces.piece(k, runsChecks: runsChecks)
              return (piece.documents.count, transform(.success(piece)))
            },
            consume: { _, done in
              documents += done.0
              write(done.1)
            },
            tick: { progress.draw() })
        }
      },
      tick: { progress.draw() })
    output.write(framing.footer)
    progress.finish(documents: documents, errors: errors)
    do throws(OutputFile.Failure) {
      try output.commit()
    } catch {
      streams.writeErr("gongwen: \(InputPath(argument: shared.output).terminalDisplay): \(error.message)\n")
      return .failure
    }
    return status
  }

  /// Reads and decodes one input, giving its text and name; also returns the bytes read, for progress.
  static func decode(
    _ input: BatchInput, standardInput: [UInt8]?, options: InputFile.Options, maxSize: Int
  ) -> (Result<(text: DecodedText, path: String), InputError>, Int) {
    var size = 0
    do throws(InputError) {
      let bytes: [UInt8]
      let name: String
      switch input {
      case .failed(let error, _):
        throw error
      case .sample:
        bytes = Sample.bytes
        name = Sample.path
      case .standardInput:
        name = "<stdin>"
        guard let standardInput else { throw InputError(path: name, reason: .unreadable(errno: EIO)) }
        guard standardInput.count <= maxSize else {
          throw InputError(path: name, reason: .tooLarge(size: standardInput.count, limit: maxSize))
        }
        bytes = standardInput
      case .file(let path, let size):
        name = path.display
        bytes = try FileReader.read(path, maxSize: maxSize, knownRegular: size != nil)
      }
      size = bytes.count
      let text = try TextDecoder(forcedEncoding: options.encoding).decode(bytes, path: name)
      return (.success((text, name)), size)
    } catch {
      return (.failure(error), size)
    }
  }

  /// The input's name for a diagnostic on standard error: control characters escaped, so it stays one line.
  static func terminalName(of input: BatchInput, error: InputError) -> String {
    switch input {
    case .file(let path, _), .failed(_, let path?): path.terminalDisplay
    default: error.path
    }
  }
}
