import Foundation
import GongwenKit

/// The benchmark run: the streaming whole path, then each stage alone over the whole corpus, then the checksum.
enum Benchmark {
  /// Runs every selected row and prints the report. - Returns: the exit status (1 when the checksum fails).
  static func run(_ options: BenchOptions) -> Int32 {
    let corpus: Corpus
    do { corpus = try Corpus.resolve(options) } catch {
      log("error: \(error)")
      return 2
    }
    var table = Table(inputBytes: corpus.bytes)
    let jobCounts = options.jobs > 1 ? [1, options.jobs] : [1]
    let rootPrefix = corpus.files.count == 1 ? "" : URL(fileURLWithPath: corpus.root).standardizedFileURL.path + "/"
    let relativePaths = corpus.files.map { $0.hasPrefix(rootPrefix) ? String($0.dropFirst(rootPrefix.count)) : URL(fileURLWithPath: $0).lastPathComponent }

    print("gongwen-bench: \(corpus.root): \(corpus.files.count) files, \(Table.megabytes(corpus.bytes)) MB")
    print("machine: \(Machine.summary); release build: \(Machine.isRelease ? "yes" : "NO (use swift run -c release)")")
    print("best of \(options.runs) runs after a warm-up; MB = 10^6 bytes of input; MB/cpu-s = MB per CPU second (user+sys,")
    print("all threads: steadier than wall time on a shared machine); peak RSS is the process's so far (getrusage)")
    print("")

    // The streaming whole path first, while the process holds nothing else: its peak RSS is the path's own.
    var wholeDocuments: Int?
    if options.stages.contains("whole") {
      try? FileManager.default.createDirectory(atPath: "/tmp/gongwen-bench", withIntermediateDirectories: true)
      for jobs in jobCounts {
        let m = Meter.best(runs: options.runs) { Stages.wholePath(corpus, jobs: jobs, output: "/tmp/gongwen-bench/out.jsonl") }
        wholeDocuments = m.result.documents
        table.row("parse→jsonl", jobs: jobs, m.seconds, cpu: m.cpu,
          note: "\(Table.megabytes(m.result.bytes)) MB of JSONL")
      }
    }


    /// Times `body` over every file for each job count when `stage` is selected, else runs it once untimed.
    func stage<T>(_ name: String, key: String, _ body: (Int) -> T) -> [T] {
      guard options.stages.contains(key) else { return parallelMap(corpus.files.count, jobs: options.jobs, body) }
      var result: [T] = []
      for jobs in jobCounts {
        let m = Meter.best(runs: options.runs) { parallelMap(corpus.files.count, jobs: jobs, body) }
        result = m.result
        table.row(name, jobs: jobs, m.seconds, cpu: m.cpu)
      }
      return result
    }

    let raw = stage("read", key: "read") { Stages.read(corpus.files[$0]) }
    let decoded = stage("decode", key: "decode") { Stages.decode(raw[$0], path: corpus.files[$0]) }
    if options.stages.contains("decode") {
      // Decoding by encoding, one job: each file timed alone, the best run per encoding kept.
      var best: [TextEncoding: Double] = [:]
      var bytes: [TextEncoding: Int] = [:]
      for _ in 0...options.runs {
        var seconds: [TextEncoding: Double] = [:]
        bytes = [:]
        for k in corpus.files.indices {
          let t0 = Meter.now()
          let text = Stages.decode(raw[k], path: corpus.files[k])
          let dt = Double(Meter.now() - t0) / 1e9
          let encoding = text?.encoding ?? .utf8
          seconds[encoding, default: 0] += dt
          bytes[encoding, default: 0] += raw[k].count
        }
        for (e, s) in seconds { best[e] = min(best[e] ?? .infinity, s) }
      }
      for e in TextEncoding.allCases {
        guard let s = best[e], let b = bytes[e] else { continue }
        table.subrow("decode \(e.rawValue)", bytes: b, seconds: s)
      }
    }
    let sectioned = stage("split+sections", key: "sections") { k in decoded[k].map { InputFile(sectioned: $0, path: corpus.files[k]) } }
    let figured = stage("figures", key: "figures") { k -> InputFile? in
      guard var file = sectioned[k] else { return nil }
      file.extractFigures()
      return file
    }
    let checked = stage("checks", key: "checks") { k -> InputFile? in
      guard var file = figured[k] else { return nil }
      file.runChecks()
      return file
    }
    _ = stage("json writing", key: "json") { k -> Int in
      guard let file = checked[k] else { return 0 }
      var emitter = JSONEmitter(capacity: corpus.sizes[k] + 4096)
      Stages.jsonLines(file, into: &emitter)
      return emitter.bytes.count
    }
    // CSV as `gongwen figures` writes it: one row per figure through FigureTable and CSVWriter.
    _ = stage("csv writing", key: "csv") { k -> Int in
      guard let file = checked[k] else { return 0 }
      var out: [UInt8] = []
      out.reserveCapacity(corpus.sizes[k])
      FigureTable().appendFigureRows(of: file, to: &out)
      return out.count
    }

    let manifest: Manifest?
    if let path = corpus.manifestPath {
      do { manifest = try Manifest(contentsOf: path) } catch {
        log("warning: \(error)")
        manifest = nil
      }
    } else {
      manifest = nil
    }
    let checksumDocuments = checked.reduce(0) { $0 + ($1?.documents.count ?? 0) }
    table.print(documents: checksumDocuments)
    print("")
    print("checksum (after checks):")
    let checksum = Checksum(checked, relativePaths: relativePaths, manifest: manifest)
    let (lines, ok) = checksum.report(against: manifest)
    for line in lines { print("  " + line) }
    if let whole = wholeDocuments, whole != checksum.documents {
      print("  whole path wrote \(whole) documents, the stages \(checksum.documents): MISMATCH")
      return 1
    }
    return ok ? 0 : 1
  }
}
