/// Ranges of a decoded text's bytes that records keep in place of `String`s.
///
/// A record (a figure, a heading) names its text by a byte range into the file's decoded UTF-8 and makes a
/// `String` only when a caller reads it: validating and allocating a `String` per name, then freeing it, was a
/// fifth of the section and figure stages, and the writers copy the bytes straight from the text anyway.
/// The decoded text is valid UTF-8 and every range starts and ends on a scalar boundary.
extension Array where Element == UInt8 {
  /// The bytes of `range` (clamped to the array) as a `String`.
  func utf8String(_ range: Range<Int>) -> String {
    let lower = Swift.max(0, Swift.min(range.lowerBound, count))
    let upper = Swift.max(lower, Swift.min(range.upperBound, count))
    guard lower < upper else { return "" }
    return withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[lower..<upper]), as: UTF8.self) }
  }

  /// `body` over the bytes of `range` (clamped to the array).
  @inline(__always)
  func withBytes<R>(in range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    let lower = Swift.max(0, Swift.min(range.lowerBound, count))
    let upper = Swift.max(lower, Swift.min(range.upperBound, count))
    return try withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[lower..<upper])) }
  }

  /// Whether `range` of this array holds the same bytes as `otherRange` of `other`.
  func sameBytes(_ range: Range<Int>, as other: [UInt8], _ otherRange: Range<Int>) -> Bool {
    guard range.count == otherRange.count else { return false }
    return withBytes(in: range) { a in
      other.withBytes(in: otherRange) { b in a.count == b.count && a.elementsEqual(b) }
    }
  }

  /// Feeds the bytes of `range` to `hasher`, with their count so that adjacent fields cannot run together.
  func hashBytes(_ range: Range<Int>, into hasher: inout Hasher) {
    withBytes(in: range) { u in
      hasher.combine(u.count)
      hasher.combine(bytes: UnsafeRawBufferPointer(u))
    }
  }

  /// The UTF-8 of `strings` one after another, and the range each takes: the storage of a record made from
  /// `String`s by its public initializer, so that it reads its text the same way as one made by the parser.
  static func joiningUTF8(_ strings: String...) -> (bytes: [UInt8], ranges: [Range<Int>]) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(strings.reduce(0) { $0 + $1.utf8.count })
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(strings.count)
    for s in strings {
      let start = bytes.count
      bytes.append(contentsOf: s.utf8)
      ranges.append(start..<bytes.count)
    }
    return (bytes, ranges)
  }
}
