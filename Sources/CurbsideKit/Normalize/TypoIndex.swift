import Foundation

/// Finds the vocabulary word nearest a misspelt token, by symmetric deletion lookup.
///
/// Every vocabulary word is stored under each string obtained by deleting up to two of its
/// letters; a query probes its own deletions and verifies candidates with the real distance.
/// Lookup cost depends on the token's length, not on the vocabulary's size.
///
/// The deletions are kept as 64-bit hashes in three flat arrays (sorted keys, offsets, word
/// numbers), so the index is cheap to build, to copy and to store in the start-up cache. A hash
/// collision can only add a candidate, which the distance check then rejects; every word within
/// the limit is found as before, so corrections are exactly those of a string-keyed index.
struct TypoIndex: Sendable {
  /// Tokens shorter than this are never corrected: short words collide too easily ("mds"/"mrd").
  static let minimumLength = 5
  /// From this length on, two edits are allowed; below it, one.
  static let twoEditLength = 8

  /// The arrays of an index.
  struct Tables: Sendable {
    /// The indexed words, sorted, as bytes (normalised ASCII).
    var words: [[UInt8]] = []
    /// Sorted, unique hashes of every deletion variant.
    var keys: [UInt64] = []
    /// `entries[starts[k]..<starts[k + 1]]` are the words under `keys[k]`.
    var starts: [UInt32] = [0]
    var entries: [UInt32] = []
    /// The longest indexed word: a longer token by more than the limit has no candidate.
    var longest = 0
  }

  /// The tables, built, or read when a word first needs correcting (see `init(deferred:)`).
  private let store: Store

  var words: [[UInt8]] { store.tables.words }
  var keys: [UInt64] { store.tables.keys }
  var starts: [UInt32] { store.tables.starts }
  var entries: [UInt32] { store.tables.entries }
  /// True once the tables are in memory.
  var isLoaded: Bool { store.isLoaded }

  init(words: [String]) {
    var tables = Tables()
    var pairs: [(UInt64, UInt32)] = []
    for word in words where word.utf8.count >= Self.minimumLength - 1 {
      let bytes = Array(word.utf8)
      let number = UInt32(tables.words.count)
      tables.words.append(bytes)
      tables.longest = max(tables.longest, bytes.count)
      for hash in Self.variantHashes(of: bytes, depth: Self.limit(for: bytes.count + 1)) {
        pairs.append((hash, number))
      }
    }
    pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    tables.keys.reserveCapacity(pairs.count)
    tables.entries.reserveCapacity(pairs.count)
    for (hash, number) in pairs {
      if tables.keys.last != hash {
        if !tables.keys.isEmpty { tables.starts.append(UInt32(tables.entries.count)) }
        tables.keys.append(hash)
      }
      tables.entries.append(number)
    }
    tables.starts.append(UInt32(tables.entries.count))
    if tables.keys.isEmpty { tables.starts = [0] }
    store = Store(tables)
  }

  /// Rebuilds an index from its stored arrays (the start-up cache); nil when they disagree.
  init?(words: [[UInt8]], keys: [UInt64], starts: [UInt32], entries: [UInt32]) {
    guard starts.count == keys.count + 1, starts.first == 0, starts.last == UInt32(entries.count),
      Self.isSorted(starts, strictly: false), Self.isSorted(keys, strictly: true),
      Self.allBelow(entries, UInt32(words.count))
    else { return nil }
    store = Store(
      Tables(
        words: words, keys: keys, starts: starts, entries: entries, longest: words.map(\.count).max() ?? 0))
  }

  /// An index made by `load` when a word first needs correcting: two questions in three do,
  /// but a start that answers none (the REPL's prompt, a typo-free question) skips reading
  /// half a megabyte.
  init(deferred load: @escaping @Sendable () -> TypoIndex) {
    store = Store { load().store.tables }
  }

  /// The tables behind a lock: a deferred index is loaded once, by whichever thread asks first.
  private final class Store: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: Tables?
    private var load: (@Sendable () -> Tables)?

    init(_ tables: Tables) { loaded = tables }
    init(_ load: @escaping @Sendable () -> Tables) { self.load = load }

    var tables: Tables {
      lock.lock()
      defer { lock.unlock() }
      if let loaded { return loaded }
      let made = load?() ?? Tables()
      loaded = made
      load = nil
      return made
    }

    var isLoaded: Bool {
      lock.lock()
      defer { lock.unlock() }
      return loaded != nil
    }
  }

  /// True when `values` never decrease (or always increase, when `strictly`).
  private static func isSorted<T: Comparable>(_ values: [T], strictly: Bool) -> Bool {
    values.withUnsafeBufferPointer { buffer in
      for index in buffer.indices.dropFirst() {
        if strictly ? buffer[index - 1] >= buffer[index] : buffer[index - 1] > buffer[index] { return false }
      }
      return true
    }
  }

  /// True when every value is below `bound`.
  private static func allBelow(_ values: [UInt32], _ bound: UInt32) -> Bool {
    values.withUnsafeBufferPointer { buffer in
      var largest: UInt32 = 0
      for value in buffer { largest = Swift.max(largest, value) }
      return buffer.isEmpty || largest < bound
    }
  }

  static func limit(for length: Int) -> Int { length >= twoEditLength ? 2 : 1 }

  /// The unique nearest word within the length-dependent limit, or nil.
  func correction(for token: String) -> String? {
    let bytes = Array(token.utf8)
    guard bytes.count >= Self.minimumLength else { return nil }
    let limit = Self.limit(for: bytes.count)
    let (words, keys, starts, entries, longest) = store.tables.all
    // No indexed word can be within the limit of a much longer token (and a pasted run of
    // letters must not cost a quadratic number of deletions).
    guard bytes.count <= longest + limit else { return nil }
    var candidates: [UInt32] = []
    for hash in Self.variantHashes(of: bytes, depth: limit) {
      guard let slot = Self.slot(of: hash, in: keys) else { continue }
      candidates.append(contentsOf: entries[Int(starts[slot])..<Int(starts[slot + 1])])
    }
    candidates.sort()
    var best: [UInt32] = []
    var bestDistance = Int.max
    var previous: UInt32?
    for number in candidates where number != previous {
      previous = number
      guard let d = EditDistance.distance(bytes, words[Int(number)], limit: limit) else { continue }
      if d < bestDistance {
        bestDistance = d
        best = [number]
      } else if d == bestDistance {
        best.append(number)
      }
    }
    return best.count == 1 ? String(decoding: words[Int(best[0])], as: UTF8.self) : nil
  }

  /// Binary search for `hash` among the keys.
  private static func slot(of hash: UInt64, in keys: [UInt64]) -> Int? {
    var low = 0
    var high = keys.count
    while low < high {
      let middle = (low + high) / 2
      if keys[middle] < hash { low = middle + 1 } else { high = middle }
    }
    return low < keys.count && keys[low] == hash ? low : nil
  }

  /// Hashes of the word itself and of every string made by deleting up to `depth` (at most 2)
  /// of its bytes, without duplicates.
  static func variantHashes(of bytes: [UInt8], depth: Int) -> [UInt64] {
    var hashes = [hash(bytes, skipping: -1, -1)]
    let count = bytes.count
    if depth >= 1, count > 1 {
      for i in 0..<count { hashes.append(hash(bytes, skipping: i, -1)) }
    }
    // Deleting twice needs a one-deletion variant longer than one byte, as before.
    if depth >= 2, count > 2 {
      for i in 0..<count {
        for j in (i + 1)..<count { hashes.append(hash(bytes, skipping: i, j)) }
      }
    }
    hashes.sort()
    var unique: [UInt64] = []
    unique.reserveCapacity(hashes.count)
    for value in hashes where unique.last != value { unique.append(value) }
    return unique
  }

  /// FNV-1a (64-bit) of `bytes` without the bytes at positions `a` and `b`, then the length.
  @inline(__always)
  static func hash(_ bytes: [UInt8], skipping a: Int, _ b: Int) -> UInt64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a offset basis
    var length: UInt64 = 0
    for index in bytes.indices where index != a && index != b {
      value = (value ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3  // FNV-1a prime
      length += 1
    }
    return (value ^ length) &* 0x0000_0100_0000_01B3
  }
}

extension TypoIndex.Tables {
  /// Every array at once, for a lookup that reads them all.
  var all: ([[UInt8]], [UInt64], [UInt32], [UInt32], Int) { (words, keys, starts, entries, longest) }
}

extension TypoIndex: CustomReflectable {
  /// The tables (loading them): two indexes reflect alike exactly when they hold the same
  /// words and keys, however they were made.
  var customMirror: Mirror { Mirror(reflecting: store.tables) }
}
