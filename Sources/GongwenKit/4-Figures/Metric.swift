/// Stable keys for the indicators analysts compare across reports. Documented in docs/metrics.md.
public enum Metric: String, Sendable, Hashable, CaseIterable {
  case turnout  // 参选率, 投票率
  case attendance  // 到会率, 参会率
  case directElectionRate = "direct-election-rate"  // 直选率
  case renewalRate = "renewal-rate"  // 更替率
  case successRate = "success-rate"  // 一次成功率, 选举成功率
  case voters  // 登记选民 … 人
  case voted  // 参加投票 … 人
  case elected  // 当选 / 选出 / 产生 … 名
  case womenShare = "women-share"
  case partyMemberShare = "party-member-share"
  case collegeShare = "college-share"  // 大专 / 本科以上
  case minorityShare = "minority-share"
  case reElectedShare = "re-elected-share"  // 连选连任
  case averageAge = "average-age"
}
