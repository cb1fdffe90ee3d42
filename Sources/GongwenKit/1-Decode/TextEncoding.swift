/// The encodings gongwen reads. The raw value is the name used in records and in `--encoding`.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
  case utf8 = "utf-8"
  case utf16le = "utf-16le"
  case utf16be = "utf-16be"
  case gb18030 = "gb18030"
  /// Big5 as cp950 (Windows, the web): traditional-character files from Taiwan and Hong Kong sites.
  case big5 = "big5"
}
