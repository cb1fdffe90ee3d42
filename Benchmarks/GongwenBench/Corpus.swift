import Foundation

/// The input files of a benchmark run and where their manifest lies.
struct Corpus {
  /// The directory or single file given.
  let root: String
  /// Every input file, sorted by path.
  let files: [String]
  /// Sizes in bytes, by file index.
  let sizes: [Int]
  /// `manifest.json` (directory) or `<file>.manifest.json`, when present.
  let manifestPath: String?

  /// Total input bytes.
  var bytes: Int { sizes.reduce(0, +) }

  /// Lists the `.txt` files below `root` (or `root` itself when it is a file).
  init(root: String) throws {
    self.root = root
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
      throw BenchError("no such corpus: \(root)")
    }
    var files: [String] = []
    if isDirectory.boolValue {
      let base = URL(fileURLWithPath: root)
      guard let walker = FileManager.default.enumerator(atPath: root) else { throw BenchError("cannot list \(root)") }
      while let relative = walker.nextObject() as? String {
        if relative.hasSuffix(".txt") { files.append(base.appendingPathComponent(relative).path) }
      }
      files.sort()
      let manifest = base.appendingPathComponent("manifest.json").path
      manifestPath = FileManager.default.fileExists(atPath: manifest) ? manifest : nil
    } else {
      files = [root]
      let manifest = root + ".manifest.json"
      manifestPath = FileManager.default.fileExists(atPath: manifest) ? manifest : nil
    }
    guard !files.isEmpty else { throw BenchError("no .txt files in \(root)") }
    self.files = files
    sizes = files.map { path in
      var info = stat()
      return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }
  }

  /// The corpus to use: the one given, or a generated one of `megabytes` MB in /tmp/gongwen-bench, reused when present.
  static func resolve(_ options: BenchOptions) throws -> Corpus {
    if let path = options.corpus { return try Corpus(root: path) }
    let directory = "/tmp/gongwen-bench/c\(options.megabytes)"
    if FileManager.default.fileExists(atPath: directory + "/manifest.json") { return try Corpus(root: directory) }
    try? FileManager.default.removeItem(atPath: directory)
    try FileManager.default.createDirectory(atPath: "/tmp/gongwen-bench", withIntermediateDirectories: true)
    if let generator = sharedGenerator() {
      log("generating \(options.megabytes) MB with \(generator) into \(directory) (about 0.2 s per MB)")
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = [
        "python3", generator, "--out", directory, "--target-mb", String(options.megabytes), "--files-per-doc", "mix",
        "--encoding-mix", "--seed", "1", "--quiet",
      ]
      try process.run()
      process.waitUntilExit()
      guard process.terminationStatus == 0 else { throw BenchError("gen_corpus.py failed (\(process.terminationStatus))") }
    } else {
      log("../shared/perf/gen_corpus.py not found: writing \(options.megabytes) MB with the built-in generator")
      var generator = BuiltInGenerator(seed: 1)
      try generator.write(to: directory, megabytes: options.megabytes)
    }
    return try Corpus(root: directory)
  }

  /// ../shared/perf/gen_corpus.py relative to the package root (from this source file) or the current directory.
  static func sharedGenerator() -> String? {
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let candidates = [
      packageRoot.deletingLastPathComponent().appendingPathComponent("shared/perf/gen_corpus.py"),
      cwd.deletingLastPathComponent().appendingPathComponent("shared/perf/gen_corpus.py"),
      cwd.appendingPathComponent("shared/perf/gen_corpus.py"),
    ]
    return candidates.map(\.standardizedFileURL.path).first { FileManager.default.fileExists(atPath: $0) }
  }
}

/// A benchmark set-up failure, printed as `gongwen-bench: error: …`.
struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// A line about the run on standard error.
func log(_ message: String) {
  FileHandle.standardError.write(Data("gongwen-bench: \(message)\n".utf8))
}
