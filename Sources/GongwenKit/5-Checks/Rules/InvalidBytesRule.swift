/// `invalid-bytes` (error): bytes that are not valid in the file's encoding. The decoder reads each run
/// as U+FFFD; the finding gives the run's byte offset in the original file, so a hex editor finds it.
///
///     Before: 占51\xA12%          (a stray byte in a UTF-8 file)
///     Finding: 1 byte not valid in utf-8 at byte offset 14, read as U+FFFD
struct InvalidBytesRule: Rule {
  static let id = "invalid-bytes"
  static let severity = Finding.Severity.error
  static let summary = "Bytes that are not valid in the detected encoding, with their byte offset."

  func check(_ context: RuleContext, into findings: inout [Finding]) {
    let text = context.text
    // Runs are in text order: find the first in scope by binary search, so pieces of a file cost no more than the whole.
    let runs = text.invalidBytes
    var low = 0
    var high = runs.count
    while low < high {
      let mid = (low + high) / 2
      if runs[mid].textOffset < context.scope.lowerBound { low = mid + 1 } else { high = mid }
    }
    for invalid in runs[low...] {
      guard invalid.textOffset < context.scope.upperBound else { break }
      // U+FFFD is three bytes in the decoded text.
      let range = invalid.textOffset..<min(invalid.textOffset + 3, text.bytes.count)
      let bytes = invalid.length == 1 ? "1 byte" : "\(invalid.length) bytes"
      findings.append(
        finding(
          "\(bytes) not valid in \(text.encoding.rawValue) at byte offset \(invalid.sourceOffset), read as U+FFFD",
          range: range, in: context, byteOffset: invalid.sourceOffset))
    }
  }
}
