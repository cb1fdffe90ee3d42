import Foundation
import Testing

@testable import GongwenKit

/// ../shared/tools/make_bad_inputs.py beside the repository, when it is there.
private let badInputsScript = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("shared/tools/make_bad_inputs.py")

@Suite("TextDecoder on the shared hostile inputs (enc-, utf8bad-, gb18030bad-, bin-, basic-)")
struct HostileDecodeTests {
  @Test(
    "records decode with their key figures intact; errors are not-text",
    .enabled(if: FileManager.default.fileExists(atPath: badInputsScript.path)))
  func manifest() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-decode-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", badInputsScript.path, directory.path]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)
    let manifest = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("manifest.json")))
        as? [String: Any])
    let files = try #require(manifest["files"] as? [[String: Any]])
    var checked = 0
    for entry in files {
      guard let name = entry["name"] as? String, entry["type"] as? String == "file",
        ["enc-", "utf8bad-", "gb18030bad-", "bin-", "basic-"].contains(where: { name.hasPrefix($0) })
      else { continue }
      let expected = entry["expected"] as? String ?? "either"
      let keyFigures = entry["key_figures"] as? [String] ?? []
      let bytes = Array(try Data(contentsOf: directory.appendingPathComponent(name)))
      checked += 1
      do {
        let text = try TextDecoder().decode(bytes, path: name)
        #expect(expected != "error", "\(name) decoded as \(text.encoding.rawValue)")
        let decoded = text.string(0..<text.bytes.count)
        for figure in keyFigures { #expect(decoded.contains(figure), "\(name) lost \(figure)") }
      } catch {
        #expect(expected != "record", "\(name): \(error.message)")
        guard case .notText = error.reason else {
          Issue.record("\(name): \(error.code)")
          continue
        }
      }
    }
    #expect(checked >= 45)
  }
}
