import Foundation

/// The benchmark's report: one row per stage and job count.
struct Table {
  /// Input bytes every row's MB/s is computed from.
  let inputBytes: Int

  static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1e6) }

  private static func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
    let n = s.unicodeScalars.count
    guard n < width else { return s }
    let fill = String(repeating: " ", count: width - n)
    return left ? s + fill : fill + s
  }

  func printHeader() {
    print(
      Self.pad("stage", 22, left: true) + Self.pad("jobs", 5) + Self.pad("MB/s", 10) + Self.pad("docs/s", 11)
        + Self.pad("wall ms", 10) + Self.pad("cpu ms", 10) + Self.pad("peak RSS MB", 13))
  }

  /// One measured row.
  func row(_ stage: String, jobs: Int, _ seconds: Double, cpu: Double, documents: Int, note: String = "") {
    let mbps = Double(inputBytes) / 1e6 / seconds
    let docs = Double(documents) / seconds
    print(
      Self.pad(stage, 22, left: true) + Self.pad(String(jobs), 5) + Self.pad(String(format: "%.1f", mbps), 10)
        + Self.pad(String(format: "%.0f", docs), 11) + Self.pad(String(format: "%.1f", seconds * 1000), 10)
        + Self.pad(String(format: "%.1f", cpu * 1000), 10)
        + Self.pad(String(format: "%.1f", Double(Meter.peakRSSKiB()) / 1024), 13) + (note.isEmpty ? "" : "  " + note))
    fflush(nil)
  }

  /// A breakdown row over part of the input (decoding by encoding).
  func subrow(_ stage: String, bytes: Int, seconds: Double) {
    print(
      Self.pad("  " + stage, 22, left: true) + Self.pad("1", 5)
        + Self.pad(String(format: "%.1f", Double(bytes) / 1e6 / seconds), 10) + Self.pad("", 11)
        + Self.pad(String(format: "%.1f", seconds * 1000), 10) + "  (\(Self.megabytes(bytes)) MB)")
    fflush(nil)
  }

  /// A stage that cannot be measured yet.
  func skipped(_ stage: String, reason: String) {
    print(Self.pad(stage, 22, left: true) + Self.pad("-", 5) + "  not measured: " + reason)
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
