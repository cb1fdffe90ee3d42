import Foundation

/// The benchmark's report: one row per stage and job count, printed once the document count is known
/// (the manifest is read last, so that its parse does not raise the stages' peak RSS).
struct Table {
  /// Input bytes every row's MB/s is computed from.
  let inputBytes: Int
  private var lines: [(_ documents: Int?) -> String] = []

  init(inputBytes: Int) { self.inputBytes = inputBytes }

  static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e6) }

  private static func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
    let n = s.unicodeScalars.count
    guard n < width else { return s }
    let fill = String(repeating: " ", count: width - n)
    return left ? s + fill : fill + s
  }

  static var header: String {
    pad("stage", 22, left: true) + pad("jobs", 5) + pad("MB/s", 10) + pad("docs/s", 11) + pad("wall ms", 10)
      + pad("cpu ms", 10) + pad("MB/cpu-s", 10) + pad("peak RSS MB", 13)
  }

  /// One measured row; `documents` nil means the run's final document count.
  mutating func row(_ stage: String, jobs: Int, _ seconds: Double, cpu: Double, documents: Int? = nil, note: String = "") {
    let mbps = Double(inputBytes) / 1e6 / seconds
    let peak = Double(Meter.peakRSSKiB()) / 1024
    let perCPU = Double(inputBytes) / 1e6 / max(cpu, 1e-6)
    log(String(format: "%@, %d job(s): %.1f MB/s", stage, jobs, mbps))
    lines.append { total in
      let docs = (documents ?? total).map { String(format: "%.0f", Double($0) / seconds) } ?? "-"
      return Self.pad(stage, 22, left: true) + Self.pad(String(jobs), 5) + Self.pad(String(format: "%.1f", mbps), 10)
        + Self.pad(docs, 11) + Self.pad(String(format: "%.1f", seconds * 1000), 10)
        + Self.pad(String(format: "%.1f", cpu * 1000), 10)
        + Self.pad(String(format: "%.1f", perCPU), 10)
        + Self.pad(String(format: "%.1f", peak), 13)
        + (note.isEmpty ? "" : "  " + note)
    }
  }

  /// A breakdown row over part of the input (decoding by encoding).
  mutating func subrow(_ stage: String, bytes: Int, seconds: Double) {
    let line =
      Self.pad("  " + stage, 22, left: true) + Self.pad("1", 5)
      + Self.pad(String(format: "%.1f", Double(bytes) / 1e6 / seconds), 10) + Self.pad("", 11)
      + Self.pad(String(format: "%.1f", seconds * 1000), 10) + "  (\(Self.megabytes(bytes)) MB)"
    lines.append { _ in line }
  }

  /// A stage that cannot be measured yet.
  mutating func skipped(_ stage: String, reason: String) {
    let line = Self.pad(stage, 22, left: true) + Self.pad("-", 5) + "  not measured: " + reason
    lines.append { _ in line }
  }

  /// Prints the header and every row.
  func print(documents: Int?) {
    Swift.print(Self.header)
    for line in lines { Swift.print(line(documents)) }
  }
}

/// The machine the figures come from.
enum Machine {
  static var summary: String {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let cpu = firstValue(in: "/proc/cpuinfo", key: "model name") ?? "unknown CPU"
    let memory = firstValue(in: "/proc/meminfo", key: "MemTotal").flatMap { Int($0.split(separator: " ").first ?? "") }
    let gib = memory.map { String(format: "%.0f GiB", Double($0) / 1_048_576) } ?? "unknown memory"
    return "\(cores) cores, \(cpu), \(gib)"
  }

  static var isRelease: Bool {
    #if DEBUG
      false
    #else
      true
    #endif
  }

  private static func firstValue(in path: String, key: String) -> String? {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix(key) {
      guard let colon = line.firstIndex(of: ":") else { continue }
      return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return nil
  }
}
