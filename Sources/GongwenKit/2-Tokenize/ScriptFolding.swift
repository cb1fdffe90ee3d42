/// The one folding table for matching: full-width forms to ASCII and traditional characters to simplified.
///
/// Used for matching only; output text is always the original.
public enum ScriptFolding {
  /// Which script a text is written in.
  public enum Script: String, Sendable, Hashable {
    case simplified, traditional, mixed
  }

  /// The scalar used for matching: ０ → 0, ％ → %, （ → (, 　 → space, 選 → 选.
  @inline(__always)
  public static func fold(_ v: UInt32) -> UInt32 {
    if v < 0x3000 { return v }
    if v >= 0xFF01 && v <= 0xFF5E { return v - 0xFEE0 }
    if v == 0x3000 { return 0x20 }
    if v >= 0x4E00 && v <= 0x9FFF {
      let entry = hanTable[Int(v - 0x4E00)]
      if entry > 1 { return UInt32(entry) }
    }
    return v
  }

  /// Whether `v` is a traditional form that has a different simplified form.
  @inline(__always)
  static func isTraditional(_ v: UInt32) -> Bool {
    v >= 0x4E00 && v <= 0x9FFF && hanTable[Int(v - 0x4E00)] > 1
  }

  /// Whether `v` is a simplified form that differs from its traditional form.
  @inline(__always)
  static func isSimplifiedOnly(_ v: UInt32) -> Bool {
    v >= 0x4E00 && v <= 0x9FFF && hanTable[Int(v - 0x4E00)] == 1
  }

  /// One entry per scalar U+4E00…U+9FFF: its simplified form for a traditional character, 1 for a
  /// simplified-only form, else 0. Dense, because a dictionary lookup per Han scalar cost a third of a parse.
  static let hanTable: [UInt16] = {
    var table = [UInt16](repeating: 0, count: 0x9FFF - 0x4E00 + 1)
    for s in simplifiedForms where s >= 0x4E00 && s <= 0x9FFF { table[Int(s - 0x4E00)] = 1 }
    for (t, s) in traditionalToSimplified where t >= 0x4E00 && t <= 0x9FFF && s > 1 && s <= 0xFFFF {
      table[Int(t - 0x4E00)] = UInt16(s)
    }
    return table
  }()

  /// The script of the Han characters in `bytes[range]`: traditional-only characters, simplified-only
  /// characters, or both.
  public static func script(of bytes: [UInt8], in range: Range<Int>) -> Script {
    var traditional = 0
    var simplified = 0
    bytes.withUnsafeBufferPointer { p in
      var i = range.lowerBound
      while i < range.upperBound {
        if p[i] < 0xE4 { i += 1; continue }
        let (v, len) = ScalarReader.scalar(at: i, in: p)
        if isTraditional(v) { traditional += 1 } else if isSimplifiedOnly(v) { simplified += 1 }
        i += len
      }
    }
    if traditional == 0 { return .simplified }
    // A stray traditional character in a simplified text (or the reverse) does not make it mixed.
    if simplified == 0 || simplified * 20 <= traditional { return .traditional }
    if traditional * 20 <= simplified { return .simplified }
    return .mixed
  }

  static let traditionalToSimplified: [UInt32: UInt32] = {
    var table: [UInt32: UInt32] = [:]
    let pairs = Array(traditionalCharacters.unicodeScalars)
    let targets = Array(simplifiedCharacters.unicodeScalars)
    precondition(pairs.count == targets.count, "folding table columns differ in length")
    for (t, s) in zip(pairs, targets) where t != s { table[t.value] = s.value }
    return table
  }()

  static let simplifiedForms: Set<UInt32> = Set(traditionalToSimplified.values)

  // Two aligned columns: the traditional form above, its simplified form below.
  static let traditionalCharacters =
    "選舉屆總結區縣鎮鄉會黨員歲參率佔幹產與對這個們為從來時長過還後進發開關當證實現應數據農黨學歷專業經濟組織權領導機構設計劃單位職" +
    "務議論試驗說話語讀寫記錄書報紙網絡電視廣東門問間題類導體育衛計勞動質變換屆選擇優勢準備緊張區域區劃戶籍齡齊網聯繫係維護統計" +
    "萬億兩點邊讓認識據標屬於達較滿額這樣處辦區縣鄉鎮街區總計較上屆連續擔負責協調監督檢查審核確認規範紀律嚴格執將專職專門幫助"
  static let simplifiedCharacters =
    "选举届总结区县镇乡会党员岁参率占干产与对这个们为从来时长过还后进发开关当证实现应数据农党学历专业经济组织权领导机构设计划单位职" +
    "务议论试验说话语读写记录书报纸网络电视广东门问间题类导体育卫计劳动质变换届选择优势准备紧张区域区划户籍龄齐网联系系维护统计" +
    "万亿两点边让认识据标属于达较满额这样处办区县乡镇街区总计较上届连续担负责协调监督检查审核确认规范纪律严格执将专职专门帮助"
}
