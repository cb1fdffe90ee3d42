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

  // Byte mode: an open-addressing table of ids; each id's hash and name.
  private var slots: [Int32] = []
  private var hashes: [Int] = []
  private var names: [String] = []

  init(_ figures: [Figure]) {
    subjects = [Int32](repeating: -1, count: figures.count)
    bases = [Int32](repeating: -1, count: figures.count)
    slots = [Int32](repeating: -1, count: 64)
    hashes.reserveCapacity(figures.count)
    names.reserveCapacity(figures.count)
    if !internByBytes(figures) { internByStrings(figures) }
  }

  /// Gives ids by bytes; false (with nothing usable) as soon as a name is not plainly NFC.
  private mutating func internByBytes(_ figures: [Figure]) -> Bool {
    // Names seen, by the two words of their String value: equal words mean the same short name (stored
    // inline) or the same storage, so a name met again costs no hashing of its bytes. Every name keyed is
    // held by `figures` throughout, so no storage is freed and reused under a key. On the stack: a heap
    // table cost more than it saved in small files.
    withUnsafeTemporaryAllocation(of: (UInt64, UInt64).self, capacity: Self.seenCount) { seenWords in
      withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.seenCount) { seenIDs in
        seenIDs.initialize(repeating: -1)
        return internByBytes(figures, seenWords: seenWords, seenIDs: seenIDs)
      }
    }
  }

  private mutating func internByBytes(
    _ figures: [Figure], seenWords: UnsafeMutableBufferPointer<(UInt64, UInt64)>, seenIDs: UnsafeMutableBufferPointer<Int32>
  ) -> Bool {
    // Neighbours often share a name (男60人, 占60%; the parts of one base): the last subject and base
    // with their ids are compared next, which skips hashing.
    var lastSubject = (name: "", id: Int32(-1))
    var lastBase = (name: "", id: Int32(-1))
    /// The id of `name`, from the names seen or `last` when it is the same; nil when the file needs
    /// String keys.
    func id(_ name: String, _ last: inout (name: String, id: Int32)) -> Int32? {
      let words = Self.words(of: name)
      var slot = -1
      if let words {
        slot = Int(truncatingIfNeeded: ((words.0 ^ (words.1 &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD) >> 58)
        // seenWords[slot] is initialized once seenIDs[slot] is set.
        if seenIDs[slot] >= 0 && seenWords[slot] == words { return seenIDs[slot] }
      }
      if last.id >= 0 && Self.equals(last.name, name) { return last.id }
      guard let id = byteID(name) else { return nil }
      last = (name, id)
      if let words, slot >= 0 {
        seenWords[slot] = words
        seenIDs[slot] = id
      }
      return id
    }
    // Names passed from the figures in place, not held in locals (which retained and released each).
    return figures.withUnsafeBufferPointer { fp -> Bool in
      for k in fp.indices {
        let kind = fp[k].kind
        guard kind == .count || kind == .percent else { continue }
        if !fp[k].subject.isEmpty && (kind == .count || !fp[k].base.isEmpty) {
          guard let id = id(fp[k].subject, &lastSubject) else { return false }
          subjects[k] = id
        }
        if !fp[k].base.isEmpty {
          guard let id = id(fp[k].base, &lastBase) else { return false }
          bases[k] = id
        }
      }
      return true
    }
  }

  /// Slots of the names seen by `internByBytes` (the top six bits of a hash pick one): 1 KB of words, which
  /// the stack takes without the runtime check that sent 2 KB to the heap.
  private static let seenCount = 64

  /// The two words a String value is made of (16 bytes on 64-bit platforms); nil elsewhere, where
  /// names are not looked up by them.
  @inline(__always)
  private static func words(of name: String) -> (UInt64, UInt64)? {
    #if _pointerBitWidth(_64)
      return unsafeBitCast(name, to: (UInt64, UInt64).self)
    #else
      return nil
    #endif
  }

  /// Whether two names have the same bytes.
  private static func equals(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    // Bytes lent in place (`withUTF8` on a copy retained and released it); a String without contiguous
    // UTF-8 is compared by its view.
    return b.utf8.withContiguousStorageIfAvailable { equals(a, $0) } ?? a.utf8.elementsEqual(b.utf8)
  }

  /// Gives ids by String equality (canonical equivalence).
  private mutating func internByStrings(_ figures: [Figure]) {
    isByBytes = false
    count = 0
    slots = []
    hashes = []
    names = []
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
      let needsSubject = kind == .count || !figures[k].base.isEmpty
      subjects[k] = figures[k].subject.isEmpty || !needsSubject ? -1 : id(figures[k].subject)
      bases[k] = figures[k].base.isEmpty ? -1 : id(figures[k].base)
    }
    count = ids.count
  }

  /// The id of `name` by its bytes, added when new; nil when `name` is not plainly NFC, or when its probe
  /// runs long (names made to collide): String keys then bound the time.
  private mutating func byteID(_ name: String) -> Int32? {
    // A name without contiguous UTF-8 (none on this platform) takes String keys.
    let id = name.utf8.withContiguousStorageIfAvailable { p -> Int32? in
      guard Self.isPlainNFC(p) else { return nil }
      let hash = Self.hash(p)
      let mask = slots.count - 1
      var slot = hash & mask
      var probes = 0
      while true {
        let id = slots[slot]
        if id < 0 { break }
        if hashes[Int(id)] == hash && Self.equals(names[Int(id)], p) { return id }
        slot = (slot + 1) & mask
        probes += 1
        if probes > Self.maximumProbes { return nil }
      }
      let id = Int32(count)
      count += 1
      hashes.append(hash)
      names.append(name)
      slots[slot] = id
      if count * 2 > slots.count { grow() }
      return id
    }
    return id ?? nil
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
    var shift: UInt64 = 0
    while i < n {
      tail |= UInt64(p[i]) << shift
      shift += 8
      i += 1
    }
    h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    h ^= h >> 32
    return Int(truncatingIfNeeded: h)
  }

  /// Whether `name`'s bytes are `p`, compared eight bytes at a time.
  private static func equals(_ name: String, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
    name.utf8.withContiguousStorageIfAvailable { q -> Bool in
      let n = q.count
      guard n == p.count else { return false }
      let a = UnsafeRawBufferPointer(q)
      let b = UnsafeRawBufferPointer(p)
      var i = 0
      while i + 8 <= n {
        if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
          return false
        }
        i += 8
      }
      while i < n && q[i] == p[i] { i += 1 }
      return i == n
    } ?? name.utf8.elementsEqual(p)
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
