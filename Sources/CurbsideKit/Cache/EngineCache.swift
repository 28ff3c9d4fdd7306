import Foundation

/// The start-up cache: the loaded intents and knowledge, stored compactly so that a one-shot
/// `curbside ask` skips YAML parsing, term normalisation and the typo index build.
///
/// YAML stays the authoring format and the only source of truth. The cache file is keyed by a
/// content hash of every data file, their names and folders, the program build and the cache
/// format; it is private (0600 in a 0700 folder), written atomically, and silently rebuilt when
/// stale, damaged or unreadable. Data with errors is never cached, so diagnostics are always
/// those of the YAML. `CURBSIDE_NO_CACHE=1` turns it off.
public struct EngineCache: Sendable {
  /// What a load did, for tests and `bench`.
  public enum Outcome: Sendable, Equatable {
    /// Read from a valid cache file.
    case hit
    /// Loaded from YAML and (if the folder was writable) stored for next time.
    case rebuilt
    /// Loaded from YAML without storing it (a type gained a field the cache does not know, or
    /// the data could not be hashed).
    case bypassed
  }

  /// Bumped whenever the stored layout changes.
  static let formatVersion: UInt32 = 11
  static let magic = Array("CURBSIDE".utf8)

  /// The folder holding cache files.
  public let folder: String
  /// `settledSeconds`, except in tests.
  let settledAfter: Int

  public init(folder: String) { self.init(folder: folder, settledAfter: Self.settledSeconds) }

  init(folder: String, settledAfter: Int) {
    self.folder = folder
    self.settledAfter = settledAfter
  }

  /// `$XDG_CACHE_HOME/curbside`, else `~/.cache/curbside`; nil when `CURBSIDE_NO_CACHE` is set
  /// to anything but `0` or empty, or when there is no home.
  public static func standard(environment: [String: String]) -> EngineCache? {
    if let off = environment["CURBSIDE_NO_CACHE"], !off.isEmpty, off != "0" { return nil }
    if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
      return EngineCache(folder: base + "/curbside")
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return EngineCache(folder: home + "/.cache/curbside")
  }

  /// How long a data file must have been left alone before its metadata vouch for its content:
  /// a file written again within the same tick of the file-system clock could keep its time
  /// and size (git guards its index against the same race).
  static let settledSeconds = 2

  /// Loads the engine through the cache; throws exactly what `Engine.load` throws.
  ///
  /// The cache is checked first by the data files' metadata (one `stat` a file), against a
  /// stamp stored when they had been left alone for `settledSeconds`; only when that differs
  /// are their contents hashed. Reading and hashing every file was a twentieth of a start.
  public func load(intents: URL, knowledge: URL) throws(DataError) -> (engine: Engine, outcome: Outcome) {
    let path = file(intents: intents, knowledge: knowledge)
    let stamp = Self.stamp(intents: intents, knowledge: knowledge, settledAfter: settledAfter)
    if let stamp, stamp.settled,
      let found = PosixFile.withMapping(
        path, followLinks: false, { Self.decode($0, check: .stamp(stamp.hash), path: path) }),
      let engine = found
    {
      return (engine, .hit)
    }
    guard let key = Self.key(intents: intents, knowledge: knowledge) else {
      return (try Engine.load(intents: intents, knowledge: knowledge), .bypassed)
    }
    if let found = PosixFile.withMapping(
      path, followLinks: false, { Self.decode($0, check: .key(key), path: path) }),
      let engine = found
    {
      // The same contents under new metadata (touched, checked out again): store the new stamp
      // so that the next start need not hash them again.
      if let stamp, stamp.settled {
        _ = PosixFile.writeAtomically(Self.encode(engine, key: key, stamp: stamp), to: path)
      }
      return (engine, .hit)
    }
    let engine = try Engine.load(intents: intents, knowledge: knowledge)
    // The schema is checked only here, when writing: a file is read back only by the very
    // build that wrote it (the key holds the program's identity), which passed this check.
    // A file edited while it was being loaded must not be stored under the older key.
    guard CacheSchema.matches, Self.key(intents: intents, knowledge: knowledge) == key else {
      return (engine, .bypassed)
    }
    if PosixFile.makeFolder(folder) {
      _ = PosixFile.writeAtomically(Self.encode(engine, key: key, stamp: stamp), to: path)
    }
    return (engine, .rebuilt)
  }

  /// One file per pair of data folders, so the folder never grows past the projects in use.
  func file(intents: URL, knowledge: URL) -> String {
    var hash = ContentHash()
    hash.add(intents.path)
    hash.add(knowledge.path)
    return "\(folder)/engine-\(hash.hex.prefix(16)).bin"
  }

  /// The hash of everything the loaded engine depends on; nil when a data file cannot be read
  /// (the YAML loader then reports it).
  static func key(intents: URL, knowledge: URL) -> ContentHash? {
    var hash = ContentHash()
    hash.add(UInt64(formatVersion))
    guard let program = PosixFile.identity("/proc/self/exe") ?? PosixFile.identity(CommandLine.arguments[0])
    else { return nil }
    for part in program { hash.add(part) }
    let folders = [intents.path, knowledge.path, knowledge.appendingPathComponent("topics").path]
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 8)
    defer { buffer.deallocate() }
    for folder in folders {
      hash.add(folder)
      guard let names = PosixFile.names(in: folder) else {
        hash.add("(no folder)")
        continue
      }
      for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
        hash.add(name)
        var file = ContentHash()
        guard PosixFile.chunks(of: "\(folder)/\(name)", buffer: buffer, { file.add($0) }) else {
          return nil
        }
        hash.add(file.value.0)
        hash.add(file.value.1)
      }
    }
    return hash
  }

  /// The data files' metadata, hashed: every file's device, inode, size, modification and
  /// change times (the change time cannot be set back by hand), each folder's, and the program's.
  /// `settled` when nothing was modified or changed in the last `settledSeconds`.
  struct Stamp {
    var hash: ContentHash
    var settled: Bool
  }

  static func stamp(intents: URL, knowledge: URL, settledAfter: Int = settledSeconds) -> Stamp? {
    var hash = ContentHash()
    hash.add(UInt64(formatVersion))
    guard let program = PosixFile.identity("/proc/self/exe") ?? PosixFile.identity(CommandLine.arguments[0])
    else { return nil }
    for part in program { hash.add(part) }
    var newest = 0
    func add(_ path: String) -> Bool {
      guard let metadata = PosixFile.metadata(path) else { return false }
      for part in metadata.words { hash.add(part) }
      newest = max(newest, metadata.newestSecond)
      return true
    }
    for folder in [intents.path, knowledge.path, knowledge.appendingPathComponent("topics").path] {
      hash.add(folder)
      guard add(folder), let names = PosixFile.names(in: folder) else {
        hash.add("(no folder)")
        continue
      }
      for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
        hash.add(name)
        guard add("\(folder)/\(name)") else { return nil }
      }
    }
    return Stamp(hash: hash, settled: newest + settledAfter < PosixFile.nowSeconds())
  }

  /// The cache file's bytes: magic, format, key, metadata stamp (zero when the files had not
  /// settled), payload checksum, payload.
  static func encode(_ engine: Engine, key: ContentHash, stamp: Stamp? = nil) -> [UInt8] {
    var payload = BinaryWriter()
    CatalogCoding.encode(engine.catalog, into: &payload)
    KnowledgeCoding.encode(engine.knowledge, into: &payload)
    payload.strings(engine.drugs.named.sorted())
    payload.strings(engine.drugs.dosed.sorted())
    payload.strings(engine.drugs.groupDoses.sorted())
    ClassifierCoding.encode(engine.classifier.tables, into: &payload)
    var checksum = ContentHash()
    payload.bytes.withUnsafeBytes { checksum.add($0) }
    var file = BinaryWriter()
    file.uint32(formatVersion)
    let vouched = stamp.flatMap { $0.settled ? $0.hash.value : nil } ?? (0, 0)
    for word in [key.value.0, key.value.1, vouched.0, vouched.1, checksum.value.0, checksum.value.1] {
      file.uint64(word)
    }
    return magic + file.bytes + payload.bytes
  }

  /// What a cache file must match to be used: the contents' key, or the metadata stamp.
  enum Check {
    case key(ContentHash)
    case stamp(ContentHash)
  }

  /// The engine stored in `bytes`, or nil when they are not a sound cache for `check`.
  /// `path` is the file the bytes are mapped from, if any (parts may be read from it later).
  static func decode(_ bytes: UnsafeRawBufferPointer, key: ContentHash, path: String? = nil) -> Engine? {
    decode(bytes, check: .key(key), path: path)
  }

  static func decode(_ bytes: UnsafeRawBufferPointer, check: Check, path: String?) -> Engine? {
    guard bytes.count > magic.count, bytes.prefix(magic.count).elementsEqual(magic) else { return nil }
    var reader = BinaryReader(bytes, offset: magic.count, path: path)
    do throws(BinaryReader.Corrupt) {
      guard try reader.uint32() == formatVersion else { return nil }
      let key = (try reader.uint64(), try reader.uint64())
      let stamp = (try reader.uint64(), try reader.uint64())
      switch check {
      case .key(let expected): guard key == expected.value else { return nil }
      case .stamp(let expected): guard stamp != (0, 0), stamp == expected.value else { return nil }
      }
      let sum = (try reader.uint64(), try reader.uint64())
      var checksum = ContentHash()
      checksum.add(UnsafeRawBufferPointer(rebasing: bytes[reader.offset...]))
      guard checksum.value == sum else { return nil }
      let catalog = try CatalogCoding.decode(&reader)
      let knowledge = try KnowledgeCoding.decode(&reader)
      let drugs = DrugCoverage(
        named: try reader.stringSet(), dosed: try reader.stringSet(), groupDoses: try reader.stringSet())
      let tables = try ClassifierCoding.decode(&reader, intentCount: catalog.intents.count)
      guard reader.isAtEnd else { return nil }
      return Engine(catalog: catalog, knowledge: knowledge, drugs: drugs, tables: tables)
    } catch {
      return nil
    }
  }
}
