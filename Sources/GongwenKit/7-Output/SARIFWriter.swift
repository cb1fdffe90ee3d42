/// Writes findings as SARIF 2.1.0, the format code-scanning services and editors read: one run whose
/// tool lists every rule, then one result per finding. Columns count Unicode scalars
/// (`"columnKind": "unicodeCodePoints"`); end columns are exclusive, as SARIF defines them.
///
/// The log is written in three pieces so that results can stream between them: `header()`, then
/// `writeResult(_:path:to:)` per finding separated by `separator`, then `footer`.
public struct SARIFWriter: Sendable {
  /// The tool's name (`gongwen`).
  public let toolName: String
  /// The tool's version (`0.1.0`).
  public let toolVersion: String
  /// The rules listed in `tool.driver.rules`.
  public let rules: [RuleDescriptor]

  /// Creates a writer.
  public init(toolName: String = "gongwen", toolVersion: String, rules: [RuleDescriptor] = RuleDescriptor.all + [.inputError]) {
    self.toolName = toolName
    self.toolVersion = toolVersion
    self.rules = rules
  }

  /// Between two results.
  public let separator: [UInt8] = Array(",\n".utf8)
  /// Closes the results, the run and the log.
  public let footer: [UInt8] = Array("\n]}]}\n".utf8)

  /// Everything before the first result.
  public func header() -> [UInt8] {
    var out = JSONEmitter()
    out.beginObject()
    out.key("$schema"); out.string("https://json.schemastore.org/sarif-2.1.0.json")
    out.key("version"); out.string("2.1.0")
    out.key("runs")
    out.beginArray()
    out.beginObject()
    out.key("tool")
    out.beginObject()
    out.key("driver")
    out.beginObject()
    out.key("name"); out.string(toolName)
    out.key("version"); out.string(toolVersion)
    out.key("rules")
    out.beginArray()
    for rule in rules {
      out.beginObject()
      out.key("id"); out.string(rule.id)
      out.key("shortDescription")
      out.beginObject()
      out.key("text"); out.string(rule.summary)
      out.endObject()
      out.key("defaultConfiguration")
      out.beginObject()
      out.key("level"); out.string(rule.severity.rawValue)
      out.endObject()
      out.endObject()
    }
    out.endArray()
    out.endObject()
    out.endObject()
    out.key("columnKind"); out.string("unicodeCodePoints")
    out.key("results")
    out.raw("[\n")
    return out.take()
  }

  /// Appends the result object for `finding` in the file at `path`.
  public func writeResult(_ finding: Finding, path: String, to out: inout JSONEmitter) {
    writeResult(rule: finding.rule, level: finding.severity.rawValue, message: finding.message, path: path, to: &out) {
      out in
      out.key("startLine"); out.int(finding.start.line)
      out.key("startColumn"); out.int(finding.start.column)
      out.key("endLine"); out.int(finding.end.line)
      out.key("endColumn"); out.int(finding.end.column)
      out.key("snippet")
      out.beginObject()
      out.key("text"); out.string(finding.text)
      out.endObject()
    }
    if let suggestion = finding.suggestion {
      out.key("properties")
      out.beginObject()
      out.key("suggestion"); out.string(suggestion)
      out.endObject()
    }
    out.endObject()
  }

  /// Appends a result for an input that could not be read: rule `input-error`, level error, the file's URI.
  public func writeResult(_ error: InputError, to out: inout JSONEmitter) {
    let region: ((inout JSONEmitter) -> Void)? = error.location.map { location in
      { out in
        out.key("startLine"); out.int(location.line)
        out.key("startColumn"); out.int(location.column)
      }
    }
    writeResult(
      rule: RuleDescriptor.inputError.id, level: "error", message: error.message, path: error.path, to: &out,
      region: region)
    out.endObject()
  }

  /// Opens a result object and writes its rule, level, message and location; the caller closes it.
  private func writeResult(
    rule: String, level: String, message: String, path: String, to out: inout JSONEmitter,
    region: ((inout JSONEmitter) -> Void)?
  ) {
    out.beginObject()
    out.key("ruleId"); out.string(rule)
    if let index = rules.firstIndex(where: { $0.id == rule }) { out.key("ruleIndex"); out.int(index) }
    out.key("level"); out.string(level)
    out.key("message")
    out.beginObject()
    out.key("text"); out.string(message)
    out.endObject()
    out.key("locations")
    out.beginArray()
    out.beginObject()
    out.key("physicalLocation")
    out.beginObject()
    out.key("artifactLocation")
    out.beginObject()
    out.key("uri"); out.string(Self.uri(path))
    out.endObject()
    if let region {
      out.key("region")
      out.beginObject()
      region(&out)
      out.endObject()
    }
    out.endObject()
    out.endObject()
    out.endArray()
  }

  /// A relative URI reference for a path: bytes other than unreserved characters and `/` percent-encoded
  /// (`2021/东城区.txt` → `2021/%E4%B8%9C%E5%9F%8E%E5%8C%BA.txt`).
  public static func uri(_ path: String) -> String {
    var out: [UInt8] = []
    let hex = Array("0123456789ABCDEF".utf8)
    for b in path.utf8 {
      switch b {
      case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E, 0x2F: out.append(b)
      default:
        out.append(0x25)
        out.append(hex[Int(b >> 4)])
        out.append(hex[Int(b & 0xF)])
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
