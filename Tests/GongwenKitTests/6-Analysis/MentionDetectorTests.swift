import Testing

@testable import GongwenKit

struct TitleCase: Sendable, CustomTestStringConvertible {
  let title: String
  let place: Mention<String>?
  let year: Mention<Int>?
  var testDescription: String { title }
}

@Suite("MentionDetector: place and year from a title or an opening line")
struct MentionDetectorTests {
  @Test(
    "titles", arguments: [
      TitleCase(title: "青泉街道2019年人大代表换届选举工作总结", place: .named("青泉街道"), year: .named(2019)),
      TitleCase(title: "关于山安市乡镇人大换届选举工作的总结", place: .named("山安市"), year: nil),
      TitleCase(title: "林嶺鄉2016年村黨組織換屆選舉工作總結", place: .named("林嶺鄉"), year: .named(2016)),
      TitleCase(title: "**区20xx年人大代表换届选举工作总结", place: .placeholder, year: .placeholder),
      TitleCase(title: "xx县居委会换届选举工作总结", place: .placeholder, year: nil),
      TitleCase(title: "2020年青泉街道换届选举工作总结", place: .named("青泉街道"), year: .named(2020)),
      TitleCase(title: "二〇一九年石塘镇换届选举工作总结", place: .named("石塘镇"), year: .named(2019)),
      TitleCase(title: "换届选举工作总结【第一篇】", place: nil, year: nil),
      TitleCase(title: "县乡两级人大换届选举工作总结", place: nil, year: nil),
      TitleCase(title: "和店镇第十八届人大代表选举工作总结", place: .named("和店镇"), year: nil),
      TitleCase(title: "石塘镇第12019年", place: .named("石塘镇"), year: nil),
      TitleCase(title: "【第二篇】石塘镇2021年换届选举工作总结", place: .named("石塘镇"), year: .named(2021)),
    ])
  func title(_ c: TitleCase) {
    let bytes = Array(c.title.utf8)
    bytes.withUnsafeBufferPointer { p in
      #expect(MentionDetector.place(inTitle: p, range: 0..<p.count) == c.place)
      #expect(MentionDetector.year(in: p, range: 0..<p.count) == c.year)
    }
  }

  @Test(
    "opening lines: a place after the line start or punctuation, never a clause's first word", arguments: [
      ("今年,**区镇级人大换届选举工作顺利完成。", Mention<String>.placeholder),
      ("今年，XX镇依照区委的部署完成了选举。", .placeholder),
      ("根据县委组织部统一安排部署，我乡顺利完成换届。", nil),
      ("自全区启动乡镇换届工作以来，确保乡镇换届工作风清气正。", nil),
      ("在青泉街道党工委领导下，选举顺利完成。", nil),
      ("按照要求，石塘镇各村顺利完成换届。", .named("石塘镇")),
    ])
  func opening(_ line: String, _ place: Mention<String>?) {
    let bytes = Array(line.utf8)
    bytes.withUnsafeBufferPointer { p in
      #expect(MentionDetector.place(inText: p, range: 0..<p.count) == place)
    }
  }
}
