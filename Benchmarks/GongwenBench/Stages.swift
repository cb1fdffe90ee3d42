import Foundation
import GongwenKit

/// The pipeline cut at its stage boundaries, each callable alone over a whole corpus.
enum Stages {
  /// Reads a whole regular file (the bench's own reader: the CLI's is not in the library).
  static func read(_ path: String) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return [] }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return [] }
    let size = Int(info.st_size)
    return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      var total = 0
      while total < size {
        let n = Foundation.read(fd, buffer.baseAddress.map { $0 + total }, size - total)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        total += n
      }
      count = total
    }
  }

  static func decode(_ bytes: [UInt8], path: String) -> DecodedText? {
    do throws(InputError) { return try TextDecoder().decode(bytes, path: path) } catch { return nil }
  }

  /// JSON Lines for one file, as `gongwen parse --format jsonl` writes them: one compact record per document.
  static func jsonLines(_ file: InputFile, into emitter: inout JSONEmitter) {
    let writer = JSONWriter(pretty: false)
    for k in file.documents.indices {
      writer.writeDocument(at: k, of: file, to: &emitter)
      emitter.raw("\n")
    }
  }

  /// The whole `parse --format jsonl` path, streaming as the CLI does: `OrderedWork` with the CLI's window
  /// (small files up to 32 per job and 1 MB per job ahead, large ones 2), each file read, parsed and
  /// rendered on a worker and written in input order to `output`; a text over 4 MiB parsed in pieces.
  /// - Returns: documents and bytes written.
  static func wholePath(_ corpus: Corpus, jobs: Int, output: String) -> (documents: Int, bytes: Int) {
    let pieceBytes = 4 << 20
    let fd = open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return (0, 0) }
    defer { close(fd) }
    var documents = 0
    var written = 0
    func emit(_ bytes: [UInt8]) {
      written += bytes.count
      bytes.withUnsafeBytes { raw in
        var off = 0
        while off < raw.count {
          let w = write(fd, raw.baseAddress.map { $0 + off }, raw.count - off)
          if w <= 0 { break }
          off += w
        }
      }
    }
    let files = corpus.files
    let sizes = corpus.sizes
    OrderedWork<([UInt8], Int, DecodedText?)>(
      count: files.count, window: 32 * jobs, minimumWindow: 2 * jobs, weights: sizes, weightBudget: jobs << 20
    ).run(
      jobs: jobs,
      work: { k in
        var emitter = JSONEmitter(capacity: sizes[k] * 3 + 4096)
        do throws(InputError) {
          let text = try TextDecoder().decode(read(files[k]), path: files[k])
          if text.bytes.count > pieceBytes { return ([], 0, text) }
          let file = InputFile(decoded: text, path: files[k])
          jsonLines(file, into: &emitter)
          return (emitter.take(), file.documents.count, nil)
        } catch {
          JSONWriter().write(error, to: &emitter)
          emitter.raw("\n")
          return (emitter.take(), 0, nil)
        }
      },
      consume: { k, result in
        let (bytes, count, large) = result
        documents += count
        emit(bytes)
        guard let large else { return }
        let pieces = InputFile.Pieces(decoded: large, path: files[k], pieceBytes: pieceBytes)
        OrderedWork<(Int, [UInt8])>(count: pieces.count, window: 2 * jobs).run(
          jobs: jobs,
          work: { p in
            let piece = pieces.piece(p)
            var emitter = JSONEmitter(capacity: pieceBytes * 3)
            jsonLines(piece, into: &emitter)
            return (piece.documents.count, emitter.take())
          },
          consume: { _, done in
            documents += done.0
            emit(done.1)
          })
      })
    return (documents, written)
  }
}
