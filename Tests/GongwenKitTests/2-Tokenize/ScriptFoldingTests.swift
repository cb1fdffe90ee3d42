import Testing

@testable import GongwenKit

@Suite("ScriptFolding: full-width forms and traditional characters fold for matching; script per document")
struct ScriptFoldingTests {
  func folded(_ s: String) -> String {
    String(String.UnicodeScalarView(s.unicodeScalars.compactMap { Unicode.Scalar(ScriptFolding.fold($0.value)) }))
  }

  @Test(
    "traditional election vocabulary folds to simplified",
    arguments: [
      ("選舉", "选举"), ("換屆", "换届"), ("總結", "总结"), ("區縣鎮鄉", "区县镇乡"), ("村委會", "村委会"), ("黨員", "党员"),
      ("35歲以下", "35岁以下"), ("參選率", "参选率"), ("佔", "占"), ("幹部", "干部"), ("婦女", "妇女"), ("選務", "选务"),
      ("經濟", "经济"), ("實際", "实际"), ("數據", "数据"), ("學歷", "学历"), ("年齡", "年龄"), ("關於", "关于"),
      ("後備幹部", "后备干部"), ("臺灣", "台湾"), ("內蒙古", "内蒙古"), ("彙總", "汇总"), ("聯繫", "联系"),
      ("選舉工作裏", "选举工作里"), ("爲群衆服務", "为群众服务"), ("綫上", "线上"), ("産生", "产生"),
    ])
  func traditional(_ text: String, _ expected: String) {
    #expect(folded(text) == expected)
    #expect(folded(expected) == expected)
  }

  @Test("full-width forms and the ideographic space fold to ASCII")
  func fullWidth() {
    #expect(folded("参选率达９８．５％，（一）：；") == "参选率达98.5%,(一):;")
    #expect(folded("\u{3000}选举") == " 选举")
    #expect(folded("。、“”") == "。、“”")
  }

  @Test("the table: at least 400 pairs, folding is idempotent and never maps a character to itself")
  func table() {
    let scalars = ScriptFolding.pairs.unicodeScalars.filter { $0.value >= 0x4E00 }
    #expect(scalars.count % 2 == 0)
    #expect(scalars.count / 2 >= 400)
    var traditional = Set<UInt32>()
    for k in stride(from: 0, to: scalars.count - 1, by: 2) {
      let t = scalars[scalars.index(scalars.startIndex, offsetBy: k)].value
      let s = scalars[scalars.index(scalars.startIndex, offsetBy: k + 1)].value
      #expect(ScriptFolding.fold(t) == s)
      #expect(ScriptFolding.fold(s) == s)
      #expect(ScriptFolding.isTraditional(t) && !ScriptFolding.isTraditional(s))
      #expect(traditional.insert(t).inserted, "\(Unicode.Scalar(t).map(String.init) ?? "?") listed twice")
    }
  }

  @Test("a pattern matches both scripts and both widths")
  func match() {
    let pattern = FoldedMatch.pattern("参选率")
    for text in ["參選率９５．７％", "参选率95.7%", "參选率"] {
      let bytes = Array(text.utf8)
      let end = bytes.withUnsafeBufferPointer { FoldedMatch.match(pattern, at: 0, limit: bytes.count, in: $0) }
      #expect(end == 9, "\(text)")
    }
  }

  struct ScriptCase: Sendable, CustomTestStringConvertible {
    let text: String
    let script: ScriptFolding.Script
    var testDescription: String { text }
  }

  @Test(
    "script of a text",
    arguments: [
      ScriptCase(text: "全镇登记选民5210人，参选率95.7%，选出新一届村委会。", script: .simplified),
      ScriptCase(text: "全鎮登記選民5210人，參選率95.7%，選出新一屆村委會。", script: .traditional),
      ScriptCase(text: "全鎮登記選民5210人，参选率95.7%，选出新一届村委会。", script: .mixed),
      ScriptCase(text: "选民登记、资格审查、正式选举、当选证书颁发、总结报告、档案归档等工作顺利完成，全镇選民满意。", script: .simplified),
      ScriptCase(text: "臺北公里數、皇后、系統一致，占有率：選舉順利。", script: .traditional),
      ScriptCase(text: "Turnout 95.7% (no Han at all)", script: .simplified),
    ])
  func script(_ c: ScriptCase) {
    let bytes = Array(c.text.utf8)
    #expect(ScriptFolding.script(of: bytes, in: 0..<bytes.count) == c.script)
  }

  @Test("each parsed document carries its script")
  func documentScript() throws {
    let simplified = try Fixtures.file("decode/gbk.txt")
    #expect(simplified.documents.map(\.script) == [.simplified])
    let traditional = try Fixtures.parse("換屆選舉工作總結\n一、基本情況\n全鎮黨員參選率98.2%。\n")
    #expect(traditional.documents.map(\.script) == [.traditional])
  }
}
