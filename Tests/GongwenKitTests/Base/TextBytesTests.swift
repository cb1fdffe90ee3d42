import Testing

@testable import GongwenKit

@Suite struct TextBytesTests {
  let text = Array("男代表60人，占60%".utf8)

  @Test func stringOfARangeIsClamped() {
    #expect(text.utf8String(0..<9) == "男代表")
    #expect(text.utf8String(9..<100) == "60人，占60%")
    #expect(text.utf8String(-5..<0) == "")
    #expect(text.utf8String(50..<60) == "")
  }

  @Test func sameBytesComparesContentNotPosition() {
    let other = Array("女代表和男代表".utf8)
    #expect(text.sameBytes(3..<9, as: other, 3..<9))  // 代表 and 代表
    #expect(text.sameBytes(0..<9, as: other, 12..<21))  // 男代表 and 男代表
    #expect(!text.sameBytes(0..<9, as: other, 0..<9))  // 男代表 and 女代表
    #expect(!text.sameBytes(0..<9, as: other, 0..<6))
  }

  @Test func equalTextsHashEqually() {
    let other = Array("—男代表".utf8)
    var a = Hasher()
    text.hashBytes(0..<9, into: &a)
    var b = Hasher()
    other.hashBytes(3..<12, into: &b)
    #expect(a.finalize() == b.finalize())
  }

  @Test func joiningKeepsEachStringsRange() {
    let (bytes, ranges) = [UInt8].joiningUTF8("妇女", "", "代表总数")
    #expect(bytes.count == 18)
    #expect(ranges == [0..<6, 6..<6, 6..<18])
    #expect(ranges.map { bytes.utf8String($0) } == ["妇女", "", "代表总数"])
  }
}
