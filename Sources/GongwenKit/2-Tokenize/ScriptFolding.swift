/// The one folding table for matching: full-width forms to ASCII and traditional characters to simplified.
///
/// Used for matching only; output text is always the original. Han characters fold through one flat
/// table indexed by scalar − 0x4E00, built once from `pairs`.
public enum ScriptFolding {
  /// Which script a text is written in.
  public enum Script: String, Sendable, Hashable {
    case simplified, traditional, mixed
  }

  /// The scalar used for matching: ０ → 0, ％ → %, （ → (, 　 → space, 選 → 选.
  @inline(__always)
  public static func fold(_ v: UInt32) -> UInt32 { fold(v, table: hanTable) }

  /// `fold` through `table` (`hanTable`, held by the caller): each read of the static is a call, and hot
  /// loops fold at every scalar.
  @inline(__always)
  static func fold(_ v: UInt32, table: [UInt16]) -> UInt32 {
    if v < 0x3000 { return v }
    if v >= 0xFF01 && v <= 0xFF5E { return v - 0xFEE0 }
    if v == 0x3000 { return 0x20 }
    if v >= 0x4E00 && v <= 0x9FFF {
      let entry = table[Int(v &- 0x4E00)]
      return entry > simplifiedOnly ? UInt32(entry) : v
    }
    return v
  }

  /// Whether `v` is a traditional form that has a different simplified form.
  @inline(__always)
  static func isTraditional(_ v: UInt32) -> Bool {
    v >= 0x4E00 && v <= 0x9FFF && hanTable[Int(v &- 0x4E00)] > simplifiedOnly
  }

  /// Whether `v` is a simplified form not also written in traditional text (选 yes, 台 and 于 no).
  @inline(__always)
  static func isSimplifiedOnly(_ v: UInt32) -> Bool {
    v >= 0x4E00 && v <= 0x9FFF && hanTable[Int(v &- 0x4E00)] == simplifiedOnly
  }

  /// The script of the Han characters in `bytes[range]`: traditional-only characters, simplified-only
  /// characters, or both.
  public static func script(of bytes: [UInt8], in range: Range<Int>) -> Script {
    bytes.withUnsafeBufferPointer { p in
      let start = max(range.lowerBound, 0)
      let end = min(range.upperBound, p.count)
      // Most documents hold no traditional character: one bit test per Han scalar settles them, and only
      // the others are counted.
      guard start < end, holdsTraditional(p, from: start, to: end) else { return .simplified }
      return countedScript(of: p, from: start, to: end)
    }
  }

  /// `script` by counting both kinds in `p[start..<end]` (`0 <= start <= end <= p.count`).
  static func countedScript(of p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Script {
    var traditional = 0
    var simplified = 0
    traditionalBits.withUnsafeBufferPointer { traditionalBits in
      simplifiedBits.withUnsafeBufferPointer { simplifiedBits in
        // A lead needs its two continuation bytes: stop where they would run past the buffer.
        let stop = min(end, p.count &- 2)
        var i = start
        while i < stop {
          // CJK Unified Ideographs U+4E00…U+9FFF have leads E4…E9; the bitmaps start at U+4000.
          let lead = p[i] &- 0xE4
          guard lead < 6 else {
            i &+= 1
            continue
          }
          // Counted without branches: the kinds interleave unpredictably.
          let word = Int(lead) << 6 | Int(p[i &+ 1] & 0x3F)
          let shift = UInt64(p[i &+ 2] & 0x3F)
          traditional &+= Int(truncatingIfNeeded: traditionalBits[word] >> shift & 1)
          simplified &+= Int(truncatingIfNeeded: simplifiedBits[word] >> shift & 1)
          i &+= 3
        }
      }
    }
    if traditional == 0 { return .simplified }
    // A stray traditional character in a simplified text (or the reverse) does not make it mixed.
    if simplified == 0 || simplified * 20 <= traditional { return .traditional }
    if traditional * 20 <= simplified { return .simplified }
    return .mixed
  }

  /// Whether `p[start..<end]` holds a traditional form (`isTraditional`), by the bitmap over the leads E4…E9.
  private static func holdsTraditional(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
    traditionalBits.withUnsafeBufferPointer { bits in
      // A lead needs its two continuation bytes: stop where they would run past the buffer (as `script` does).
      let stop = min(end, p.count &- 2)
      var i = start
      while i < stop {
        let lead = p[i] &- 0xE4
        guard lead < 6 else { i &+= 1; continue }
        // The scalar − U+4000: the lead's low bits are 4…9 for E4…E9.
        let k = Int(lead) << 12 | Int(p[i &+ 1] & 0x3F) << 6 | Int(p[i &+ 2] & 0x3F)
        if bits[k >> 6] & (1 << UInt64(k & 63)) != 0 { return true }
        i &+= 3
      }
      return false
    }
  }

  /// One bit per scalar U+4000…U+9FFF (the leads E4…E9): set for the traditional forms of `hanTable`.
  static let traditionalBits = hanBits { $0 > simplifiedOnly }
  /// One bit per scalar U+4000…U+9FFF: set for the simplified-only forms of `hanTable`.
  static let simplifiedBits = hanBits { $0 == simplifiedOnly }

  /// One bit per scalar U+4000…U+9FFF (3 KB, in the first-level cache): set where `hanTable`'s entry passes.
  private static func hanBits(where test: (UInt16) -> Bool) -> [UInt64] {
    var bits = [UInt64](repeating: 0, count: 0x6000 / 64)
    for (k, entry) in hanTable.enumerated() where test(entry) {
      let bit = k + 0x4E00 - 0x4000
      bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }
    return bits
  }

  /// `hanTable` entry of a simplified-only form; 0 is a character that folds to itself and tells nothing.
  static let simplifiedOnly: UInt16 = 1

  /// For U+4E00…U+9FFF: the simplified scalar of a traditional form, `simplifiedOnly`, or 0.
  static let hanTable: [UInt16] = {
    var table = [UInt16](repeating: 0, count: 0xA000 - 0x4E00)
    var pending: UInt32?
    for scalar in pairs.unicodeScalars where scalar.value >= 0x4E00 && scalar.value <= 0x9FFF {
      guard let traditional = pending else {
        pending = scalar.value
        continue
      }
      let simplified = scalar.value
      precondition(traditional != simplified, "ScriptFolding.pairs folds a character to itself")
      table[Int(traditional - 0x4E00)] = UInt16(simplified)
      pending = nil
    }
    precondition(pending == nil, "ScriptFolding.pairs ends inside a pair")
    for scalar in pairs.unicodeScalars where scalar.value >= 0x4E00 && scalar.value <= 0x9FFF {
      let k = Int(scalar.value - 0x4E00)
      if table[k] == 0 { table[k] = simplifiedOnly }
    }
    for scalar in sharedForms.unicodeScalars { table[Int(scalar.value - 0x4E00)] = 0 }
    return table
  }()

  /// Simplified forms that traditional text also writes (台北, 皇后, 公里, 系統, 一致, 准許, 占有, 同志,
  /// 風采): they fold nothing and count for neither script.
  static let sharedForms = "于台后里周布干扎托系致范准占余杰斗志采划云几"

  /// Traditional → simplified, one pair per token: the traditional form, then its simplified form.
  /// Hand-picked from the vocabulary of election work summaries (选举, 换届, 党员, 参选率, 年龄, 学历…),
  /// place and family names, then variant forms of older and Hong Kong texts (裏 爲 衆 綫 説 産 啓); each pair
  /// checked against OpenCC's character table. Characters whose
  /// traditional form is also a simplified character in its own right (乾, 著, 覆, 徵, 瞭) are left out.
  static let pairs = """
    選选 舉举 換换 屆届 總总 結结 區区 縣县 鎮镇 鄉乡 會会 黨党 員员 組组 織织 歲岁 參参 佔占 幹干 婦妇
    務务 經经 濟济 實实 際际 數数 據据 記记 當当 書书 領领 導导 議议 劃划 發发 無无 棄弃 權权 計计 監监
    構构 齡龄 學学 歷历 專专 業业 職职 別别 優优 較较 長长 減减 眾众 關关 係系 紀纪 檢检 審审 資资 聯联
    薦荐 醞酝 釀酿 協协 確确 預预 備备 額额 規规 環环 節节 嚴严 範范 順顺 圓圆 滿满 現现 達达 標标 驗验
    問问 題题 強强 傳传 動动 訓训 調调 統统 報报 彙汇 匯汇 張张 貼贴 廣广 電电 視视 網网 絡络 簡简 訊讯
    檔档 證证 頒颁 連连 離离 財财 費费 穩稳 維维 護护 糾纠 紛纷 訪访 處处 違违 賄贿 擾扰 亂乱 壞坏 懲惩
    責责 擔担 盡尽 興兴 農农 戶户 託托 郵邮 寫写 殘残 輕轻 後后 儲储 隊队 設设 團团 戰战 鬥斗 壘垒 揮挥
    帶带 頭头 貫贯 徹彻 細细 則则 辦办 見见 決决 請请 轉转 機机 單单 門门 國国 體体 營营 脫脱 貧贫 堅坚
    鞏巩 銜衔 產产 項项 衛卫 醫医 療疗 養养 綜综 執执 應应 溝沟 對对 蓋盖 齊齐 準准 時时 認认 緻致 紮扎
    創创 個个 獨独 兩两 萬万 億亿 點点 幾几 號号 間间 開开 週周 們们 為为 與与 這这 裡里 從从 來来 過过
    還还 進进 場场 討讨 論论 試试 說说 談谈 話话 語语 讀读 錄录 紙纸 東东 類类 勞劳 質质 變变 擇择 勢势
    緊紧 繫系 讓让 識识 屬属 於于 樣样 續续 負负 將将 幫帮 鄰邻 陽阳 隨随 階阶 風风 險险 陳陈 陸陆 雙双
    複复 雜杂 難难 雲云 靈灵 頁页 碼码 頂顶 層层 須须 頻频 顏颜 氣气 飛飞 躍跃 館馆 馬马 騰腾 髮发 鬧闹
    魚鱼 鳥鸟 麥麦 黃黄 齒齿 輪轮 龍龙 龜龟 縮缩 貴贵 陝陕 遼辽 寧宁 蘇苏 臺台 灣湾 內内 鄭郑 蘭兰 烏乌
    魯鲁 廈厦 爾尔 韓韩 華华 閩闽 滬沪 漢汉 壯壮 僑侨 歸归 軍军 撫抚 賢贤 種种 銷销 運运 輸输 倉仓 銀银
    稅税 許许 補补 獎奖 勵励 評评 測测 價价 約约 誡诫 罷罢 辭辞 佈布 編编 況况 啟启 習习 爭争 鍛锻 煉炼
    績绩 態态 熱热 積积 極极 觀观 閱阅 簽签 篩筛 聽听 講讲 閉闭 籌筹 遞递 崗岗 掛挂 駐驻 級级 條条 傑杰
    稱称 榮荣 譽誉 狀状 餘余 贊赞 廢废 碩硕 畢毕 虛虚 壽寿 攜携 並并 鑒鉴 隸隶 轄辖 擊击 線线 終终 軟软
    腦脑 載载 斷断 敘叙 舊旧 憲宪 綱纲 憑凭 訴诉 訟讼 諮咨 詢询 詳详 錯错 誤误 誠诚 該该 謀谋 譯译 諾诺
    訂订 詞词 誌志 謝谢 遷迁 僱雇 兒儿 親亲 夠够 蹤踪 跡迹 輔辅 輛辆 車车 陣阵 隱隐 鐵铁 鏡镜 閃闪 闡阐
    雖虽 靜静 響响 頓顿 顯显 願愿 顧顾 饋馈 驅驱 驟骤 麼么 鮮鲜 擴扩 擁拥 壓压 肅肃 歡欢 繼继 純纯 潔洁
    敗败 撥拨 擬拟 攝摄 損损 掃扫 採采 禮礼 廳厅 樓楼 園园 圍围 圖图 奮奋 師师 廠厂 慶庆 紅红 綠绿 藍蓝
    銅铜 錦锦 貿贸 購购 買买 貸贷 賬账 償偿 債债 儀仪 劇剧 寶宝 賓宾 競竞 賽赛 勝胜 勸劝 懷怀 憂忧 慮虑
    愛爱 劉刘 趙赵 錢钱 孫孙 馮冯 楊杨 吳吴 鄒邹 蔣蒋 羅罗 韋韦 葉叶 龐庞 閆闫 盧卢 鄧邓 譚谭 賴赖 蕭萧
    賈贾 龔龚 湯汤 閻阎 鍾钟 夢梦 築筑 鑽钻 樹树 術术 藝艺 樂乐 歐欧 亞亚 廁厕 廚厨 莊庄 繞绕 塊块 壇坛
    島岛 峽峡 彈弹 徑径 恆恒 悅悦 慣惯 懇恳 懸悬 戀恋 戲戏 拋抛 掙挣 擺摆 攤摊 攔拦 擋挡 擠挤 搶抢 撐撑
    搖摇 撲扑
    裏里 爲为 衆众 綫线 説说 産产 啓启 僞伪 鑑鉴 羣群
    """
}
