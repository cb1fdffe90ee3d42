/// Dense ids for the subjects and bases of a file's counts and percents, so that `Breakdown.all` looks
/// up and compares integers. Hashing a `String` normalises it to NFC scalar by scalar, which cost a third
/// of the checks stage.
///
/// A name made only of ASCII, CJK ideographs, CJK and general punctuation and full-width forms is already
/// in NFC, and no other such name is canonically equivalent to it: two such names are equal exactly when
/// their bytes are, so they are hashed and compared as bytes. Any other name in the file (a combining
/// mark, a compatibility ideograph) gives the whole file String keys, which compare by canonical
/// equivalence as `==` does.
struct NameTable {
  /// The id of each figure's subject (parallel to the figures): -1 when empty, not a count or percent, or
  /// a percent without a base (whose subject `Breakdown.all` never compares).
  private(set) var subjects: [Int32]
  /// The id of each figure's base, as `subjects`.
  private(set) var bases: [Int32]
  /// How many distinct names there are: ids run from 0 to `count - 1`.
  private(set) var count = 0
  /// Whether ids were given by bytes; false when the file needed String keys. Equal ids then still mean
  /// equal names, but not equal bytes.
  private(set) var isByBytes = true

  // Byte mode: an open-addressing table of ids; each id's hash and where its name is (`ref(_:isBase:)`).
  private var slots: [Int32] = []
  private var hashes: [Int] = []
  private var refs: [Int] = []

  init(_ figures: [Figure]) {
    subjects = [Int32](repeating: -1, count: figures.count)
    bases = [Int32](repeating: -1, count: figures.count)
    slots = [Int32](repeating: -1, count: 64)
    hashes.reserveCapacity(figures.count)
    refs.reserveCapacity(figures.count)
    if !internByBytes(figures) { internByStrings(figures) }
  }

  /// Gives ids by bytes; false (with nothing usable) as soon as a name is not plainly NFC.
  private mutating func internByBytes(_ figures: [Figure]) -> Bool {
    // Names seen, by the address and length of their bytes: the figures of a sentence name one range of
    // the decoded text, so a name met again costs no hashing of its bytes. Every source keyed is held by
    // `figures` throughout, so no storage is freed and reused under a key. On the stack: a heap table cost
    // more than it saved in small files.
    withUnsafeTemporaryAllocation(of: (UInt, Int).self, capacity: Self.seenCount) { seenKeys in
      withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.seenCount) { seenIDs in
        seenIDs.initialize(repeating: -1)
        // Names lent from the figures in place, not copied out as Strings.
        return figures.withUnsafeBufferPointer { fp in
          internByBytes(fp, seenKeys: seenKeys, seenIDs: seenIDs)
        }
      }
    }
  }

  private mutating func internByBytes(
    _ fp: UnsafeBufferPointer<Figure>, seenKeys: UnsafeMutableBufferPointer<(UInt, Int)>, seenIDs: UnsafeMutableBufferPointer<Int32>
  ) -> Bool {
    // Neighbours often share a name (男60人, 占60%; the parts of one base): the last subject and base
    // with their ids are compared next, which skips hashing.
    guard let first = fp.baseAddress else { return true }
    var lastSubject = (ref: -1, id: Int32(-1))
    var lastBase = (ref: -1, id: Int32(-1))
    /// The id of the name `p` (at `ref`), from the names seen or `last` when it is the same; nil when the
    /// file needs String keys.
    func id(_ p: UnsafeBufferPointer<UInt8>, ref: Int, _ last: inout (ref: Int, id: Int32)) -> Int32? {
      let key = (UInt(bitPattern: p.baseAddress), p.count)
      let mixed = (UInt64(key.0) ^ (UInt64(key.1) &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD
      let slot = Int(truncatingIfNeeded: mixed >> 58)
      // seenKeys[slot] is initialized once seenIDs[slot] is set.
      if seenIDs[slot] >= 0 && seenKeys[slot] == key { return seenIDs[slot] }
      if last.id >= 0 && Self.withName(last.ref, in: first, { Self.equals($0, p) }) { return last.id }
      guard let id = byteID(p, ref: ref, in: first) else { return nil }
      last = (ref, id)
      seenKeys[slot] = key
      seenIDs[slot] = id
      return id
    }
    for k in fp.indices {
      let kind = fp[k].kind
      guard kind == .count || kind == .percent else { continue }
      if fp[k].hasSubject && (kind == .count || fp[k].hasBase) {
        guard let id = Figure.withSubject(of: first + k, { id($0, ref: Self.ref(k, isBase: false), &lastSubject) }) else { return false }
        subjects[k] = id
      }
      if fp[k].hasBase {
        guard let id = Figure.withBase(of: first + k, { id($0, ref: Self.ref(k, isBase: true), &lastBase) }) else { return false }
        bases[k] = id
      }
    }
    return true
  }

  /// Slots of the names seen by `internByBytes` (the top six bits of a hash pick one): 1 KB of keys, which
  /// the stack takes without the runtime check that sent 2 KB to the heap.
  private static let seenCount = 64

  /// Where a name is: figure `k`'s subject or base.
  private static func ref(_ k: Int, isBase: Bool) -> Int { 2 * k + (isBase ? 1 : 0) }

  /// `body` over the bytes of the name at `ref`, among the figures starting at `first`.
  @inline(__always)
  private static func withName<R>(
    _ ref: Int, in first: UnsafePointer<Figure>, _ body: (UnsafeBufferPointer<UInt8>) -> R
  ) -> R {
    let f = first + ref >> 1
    return ref & 1 == 0 ? Figure.withSubject(of: f, body) : Figure.withBase(of: f, body)
  }

  /// Whether two names are equal as `String`s are (canonical equivalence), by their bytes when both are
  /// plainly NFC (nearly always), else as Strings.
  static func sameName(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    if equals(a, b) { return true }
    if isPlainNFC(a) && isPlainNFC(b) { return false }
    return String(decoding: a, as: UTF8.self) == String(decoding: b, as: UTF8.self)
  }

  /// Gives ids by String equality (canonical equivalence).
  private mutating func internByStrings(_ figures: [Figure]) {
    isByBytes = false
    count = 0
    slots = []
    hashes = []
    refs = []
    var ids: [String: Int32] = [:]
    func id(_ name: String) -> Int32 {
      if let id = ids[name] { return id }
      let id = Int32(ids.count)
      ids[name] = id
      return id
    }
    for k in figures.indices {
      let kind = figures[k].kind
      guard kind == .count || kind == .percent else { continue }
      let needsSubject = kind == .count || figures[k].hasBase
      subjects[k] = !figures[k].hasSubject || !needsSubject ? -1 : id(figures[k].subject)
      bases[k] = figures[k].hasBase ? id(figures[k].base) : -1
    }
    count = ids.count
  }

  /// The id of the name `p` (at `ref`) by its bytes, added when new; nil when `p` is not plainly NFC, or
  /// when its probe runs long (names made to collide): String keys then bound the time.
  private mutating func byteID(_ p: UnsafeBufferPointer<UInt8>, ref: Int, in first: UnsafePointer<Figure>) -> Int32? {
    // A name found is byte for byte one given an id, which was plainly NFC: only new names are tested.
    let hash = Self.hash(p)
    let mask = slots.count - 1
    var slot = hash & mask
    var probes = 0
    while true {
      let id = slots[slot]
      if id < 0 { break }
      if hashes[Int(id)] == hash && Self.withName(refs[Int(id)], in: first, { Self.equals($0, p) }) { return id }
      slot = (slot + 1) & mask
      probes += 1
      if probes > Self.maximumProbes { return nil }
    }
    guard Self.isPlainNFC(p) else { return nil }
    let id = Int32(count)
    count += 1
    hashes.append(hash)
    refs.append(ref)
    slots[slot] = id
    if count * 2 > slots.count { grow() }
    return id
  }

  /// How far a lookup probes before the file falls back to String keys.
  private static let maximumProbes = 64

  /// A multiplicative hash of `p`, eight bytes at a time.
  @inline(__always)
  private static func hash(_ p: UnsafeBufferPointer<UInt8>) -> Int {
    let n = p.count
    let raw = UnsafeRawBufferPointer(p)
    var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
    var i = 0
    while i + 8 <= n {
      h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 29
      i += 8
    }
    var tail: UInt64 = 0
    if i < n && n >= 8 {
      // The last eight bytes, overlapping the words hashed: one load for the tail.
      tail = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    } else {
      var shift: UInt64 = 0
      while i < n {
        tail |= UInt64(p[i]) << shift
        shift += 8
        i += 1
      }
    }
    h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    h ^= h >> 32
    return Int(truncatingIfNeeded: h)
  }

  /// Whether `q` and `p` hold the same bytes, compared eight bytes at a time.
  private static func equals(_ q: UnsafeBufferPointer<UInt8>, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = q.count
    guard n == p.count else { return false }
    guard n > 0, let a = q.baseAddress, let b = p.baseAddress else { return true }
    if a == b { return true }
    let ra = UnsafeRawPointer(a)
    let rb = UnsafeRawPointer(b)
    var i = 0
    while i + 8 <= n {
      if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
        return false
      }
      i += 8
    }
    // The tail as the last eight bytes (overlapping those compared) when there are eight.
    if i < n && n >= 8 {
      return ra.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == rb.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }
    while i < n && q[i] == p[i] { i += 1 }
    return i == n
  }

  private mutating func grow() {
    var table = [Int32](repeating: -1, count: slots.count * 2)
    let mask = table.count - 1
    for id in 0..<count {
      var slot = hashes[id] & mask
      while table[slot] >= 0 { slot = (slot + 1) & mask }
      table[slot] = Int32(id)
    }
    slots = table
  }

  /// Whether every scalar of `p` is ASCII, U+00B7, U+00D7, general punctuation U+2010…U+206F, CJK
  /// punctuation U+3000…U+3029, U+4000…U+9FFF (CJK ideographs) or a full-width form U+FF01…U+FF5E: none
  /// of them has a canonical decomposition, combines with another, or is one's canonical image.
  static func isPlainNFC(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = p.count
    var i = 0
    while i < n {
      let b = p[i]
      if b < 0x80 {
        i += 1
        continue
      }
      if b >= 0xE4 && b <= 0xE9 {
        i += 3
        continue
      }
      guard i + 1 < n else { return false }
      let b1 = p[i + 1]
      if (b == 0xC2 && b1 == 0xB7) || (b == 0xC3 && b1 == 0x97) {
        i += 2
        continue
      }
      guard i + 2 < n else { return false }
      let b2 = p[i + 2]
      let plain =
        switch b {
        case 0xE2: (b1 == 0x80 && b2 >= 0x90) || (b1 == 0x81 && b2 <= 0xAF)
        case 0xE3: b1 == 0x80 && b2 <= 0xA9
        case 0xEF: (b1 == 0xBC && b2 >= 0x81) || (b1 == 0xBD && b2 <= 0x9E)
        default: false
        }
      guard plain else { return false }
      i += 3
    }
    return true
  }
}
