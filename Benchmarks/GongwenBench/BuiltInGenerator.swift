import Foundation

/// A small stand-in for ../shared/perf/gen_corpus.py when ../shared is absent: summaries with headings,
/// percents and counts, ~30% of files holding several 【第N篇】 documents, ~5% UTF-16LE, and a manifest in
/// the same format (documents per file, figures by kind, headings by level).
struct BuiltInGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

  private mutating func next(_ bound: Int) -> Int {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return Int(state % UInt64(bound))
  }

  private static let places = ["东城区", "西山县", "南湖镇", "北岭乡", "安庄区", "河口街道"]
  private static let kinds = ["村民委员会", "社区居委会", "村党支部", "人大代表"]
  private static let numerals = ["一", "二", "三", "四", "五", "六"]

  /// Writes `megabytes` MB of files and `manifest.json` into `directory`.
  mutating func write(to directory: String, megabytes: Int) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let target = megabytes * 1_000_000
    var written = 0
    var files: [[String: Any]] = []
    var percents = 0
    var counts = 0
    var headings = [0, 0, 0, 0]
    var index = 0
    while written < target {
      let documents = next(10) < 3 ? 2 + next(4) : 1
      var text = ""
      for d in 0..<documents {
        if documents > 1 { text += "【第\(d + 1)篇】\n" }
        let place = Self.places[next(Self.places.count)]
        let year = 2011 + next(12)
        text += "\(place)\(year)年\(Self.kinds[next(Self.kinds.count)])换届选举工作总结\n\n"
        for s in 0..<(3 + next(3)) {
          text += "\(Self.numerals[s])、工作情况\(s + 1)\n"
          headings[0] += 1
          for sub in 0..<(1 + next(2)) {
            text += "（\(Self.numerals[sub])）具体做法\n"
            headings[1] += 1
            for _ in 0..<(2 + next(4)) {
              let whole = 60 + next(40)
              let tenth = next(10)
              let voters = 1000 + next(90000)
              text += "　　全\(place)共有选民\(voters)人，参加投票的选民占\(whole).\(tenth)%，各项工作按照法定程序有序推进，群众满意。\n"
              percents += 1
              counts += 1
            }
          }
        }
        text += "\n"
      }
      let name = String(format: "%06d_builtin.txt", index)
      let utf16 = next(20) == 0
      var bytes: [UInt8]
      if utf16 {
        bytes = [0xFF, 0xFE]
        for unit in text.utf16 { bytes.append(UInt8(unit & 0xFF)); bytes.append(UInt8(unit >> 8)) }
      } else {
        bytes = Array(text.utf8)
      }
      try Data(bytes).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
      files.append(["path": name, "bytes": bytes.count, "encoding": utf16 ? "utf-16-le-bom" : "utf-8", "documents": documents])
      written += bytes.count
      index += 1
    }
    let manifest: [String: Any] = [
      "generator": "gongwen-bench built-in", "version": 1,
      "totals": [
        "by_kind": ["percent": ["ok": percents], "count": ["ok": counts]],
        "headings": ["1": headings[0], "2": headings[1], "3": 0, "4": 0],
        "inline_enum": 0, "blank": 0, "lost_decimal": 0, "inconsistent": 0,
      ],
      "files": files,
    ]
    let data = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
    try data.write(to: URL(fileURLWithPath: directory).appendingPathComponent("manifest.json"))
  }
}
