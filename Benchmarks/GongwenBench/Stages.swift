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

  /// The whole `parse --format jsonl` path, streaming: files in batches of a few per worker, each read, parsed
  /// and rendered on a worker, the batch written in input order to `output`, then dropped.
  /// - Returns: documents and bytes written.
  static func wholePath(_ corpus: Corpus, jobs: Int, output: String) -> (documents: Int, bytes: Int) {
    let pieceBytes = 4 << 20
    let fd = open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return (0, 0) }
    defer { close(fd) }
    var documents = 0
    var written = 0
    var i = 0
    let n = corpus.files.count
    while i < n {
      var j = i
      var batchBytes = 0
      while j < n && j - i < 4 * jobs && (j == i || batchBytes < 8_000_000) {
        batchBytes += corpus.sizes[j]
        j += 1
      }
      let start = i
      // As the CLI does: a text over 4 MiB is parsed and written a piece at a time on this thread, in order.
      let rendered = parallelMap(j - i, jobs: jobs) { k -> ([UInt8], Int, DecodedText?) in
        let path = corpus.files[start + k]
        var emitter = JSONEmitter(capacity: corpus.sizes[start + k] + 4096)
        do throws(InputError) {
          let text = try TextDecoder().decode(read(path), path: path)
          if text.bytes.count > pieceBytes { return ([], 0, text) }
          let file = InputFile(decoded: text, path: path)
          jsonLines(file, into: &emitter)
          return (emitter.take(), file.documents.count, nil)
        } catch {
          JSONWriter().write(error, to: &emitter)
          emitter.raw("\n")
          return (emitter.take(), 0, nil)
        }
      }
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
      for (k, (bytes, docs, large)) in rendered.enumerated() {
        documents += docs
        emit(bytes)
        if let large {
          InputFile.parsePieces(decoded: large, path: corpus.files[start + k], pieceBytes: pieceBytes) { piece in
            var emitter = JSONEmitter(capacity: pieceBytes * 3)
            jsonLines(piece, into: &emitter)
            documents += piece.documents.count
            emit(emitter.take())
          }
        }
      }
      i = j
    }
    return (documents, written)
  }
}
