import CurbsideTestSupport
import Foundation
import Testing

@testable import CurbsideKit

extension Measure {
  /// The start-up cache: the same engine as the YAML, private files, rebuilt when stale or
  /// damaged, and never needed for correctness.
  @Suite struct CacheTests {
    /// A scratch copy of the project's data and a cache folder for it.
    func setUp() throws -> (intents: URL, knowledge: URL, cache: EngineCache) {
      let folder = Fixtures.scratch("cache-" + UUID().uuidString)
      let intents = folder.appendingPathComponent("Intents")
      let knowledge = folder.appendingPathComponent("Knowledge")
      try FileManager.default.copyItem(at: Fixtures.intents, to: intents)
      try FileManager.default.copyItem(at: Fixtures.knowledge, to: knowledge)
      return (intents, knowledge, EngineCache(folder: folder.appendingPathComponent("cache/curbside").path))
    }

    @Test func theCoderKnowsEveryFieldOfTheStoredTypes() {
      // A failure here means a field was added to a stored type: add it to CatalogCoding or
      // KnowledgeCoding and to CacheSchema.expected (until then the cache is not written).
      #expect(CacheSchema.current == CacheSchema.expected)
    }

    @Test func aCachedEngineIsTheEngineLoadedFromYAML() throws {
      let (intents, knowledge, cache) = try setUp()
      let (first, firstOutcome) = try cache.load(intents: intents, knowledge: knowledge)
      let (second, secondOutcome) = try cache.load(intents: intents, knowledge: knowledge)
      #expect(firstOutcome == .rebuilt)
      #expect(secondOutcome == .hit)
      #expect(CanonicalDump.text(second.catalog) == CanonicalDump.text(first.catalog))
      #expect(CanonicalDump.text(second.knowledge) == CanonicalDump.text(first.knowledge))
      #expect(CanonicalDump.text(second.drugs) == CanonicalDump.text(first.drugs))
      #expect(CanonicalDump.text(second.classifier.tables) == CanonicalDump.text(first.classifier.tables))
      #expect(
        CanonicalDump.text(first.classifier.tables)
          == CanonicalDump.text(ClassifierTables(catalog: first.catalog)))
      #expect(!second.drugs.named.isEmpty && !second.drugs.dosed.isEmpty && !second.drugs.groupDoses.isEmpty)
    }

    @Test func answersFromTheCacheAreByteForByteThoseFromYAML() throws {
      let (intents, knowledge, cache) = try setUp()
      _ = try cache.load(intents: intents, knowledge: knowledge)
      let (cached, outcome) = try cache.load(intents: intents, knowledge: knowledge)
      #expect(outcome == .hit)
      let plain = try Engine.load(intents: intents, knowledge: knowledge)
      let text = try String(
        contentsOf: Fixtures.root.appendingPathComponent("Tests/Evaluation/questions.tsv"), encoding: .utf8)
      let questions =
        Benchmark.questions(in: text) + ["speling mistaks in blinatumomub dosing", "why", "more"]
      for format in [OutputFormat.text, .markdown, .json] {
        var a = BatchRunner(
          engine: plain,
          renderer: Renderer(format: format, options: RenderOptions(), references: plain.knowledge.references)
        )
        var b = BatchRunner(
          engine: cached,
          renderer: Renderer(
            format: format, options: RenderOptions(), references: cached.knowledge.references))
        for question in questions {
          let expected = a.answer(question)
          let got = b.answer(question)
          #expect(got == expected, "\(format): \(question)")
          if got != expected { return }
        }
      }
    }

    @Test func theCacheFileIsPrivate() throws {
      let (intents, knowledge, cache) = try setUp()
      _ = try cache.load(intents: intents, knowledge: knowledge)
      let path = cache.file(intents: intents, knowledge: knowledge)
      let file = try FileManager.default.attributesOfItem(atPath: path)
      let folder = try FileManager.default.attributesOfItem(atPath: cache.folder)
      #expect((file[.posixPermissions] as? Int) == 0o600)
      #expect((folder[.posixPermissions] as? Int) == 0o700)
      let leftovers = try FileManager.default.contentsOfDirectory(atPath: cache.folder).filter {
        $0.hasSuffix(".tmp")
      }
      #expect(leftovers.isEmpty)
    }

    @Test func aChangedDataFileRebuildsTheCache() throws {
      let (intents, knowledge, cache) = try setUp()
      _ = try cache.load(intents: intents, knowledge: knowledge)
      let file = knowledge.appendingPathComponent("knowledge.yaml")
      var text = try String(contentsOf: file, encoding: .utf8)
      text = text.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.hasPrefix("title:") ? "title: Changed title" : String($0)
      }.joined(separator: "\n")
      try text.write(to: file, atomically: true, encoding: .utf8)
      let (engine, outcome) = try cache.load(intents: intents, knowledge: knowledge)
      #expect(outcome == .rebuilt)
      #expect(engine.knowledge.title == "Changed title")
      #expect(try cache.load(intents: intents, knowledge: knowledge).outcome == .hit)
    }

    @Test func aDamagedCacheIsRebuiltSilently() throws {
      let (intents, knowledge, cache) = try setUp()
      let (original, _) = try cache.load(intents: intents, knowledge: knowledge)
      let path = cache.file(intents: intents, knowledge: knowledge)
      let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      var generator = SeededGenerator(seed: 7)
      let damages: [Data] = [
        Data(), Data("garbage".utf8), bytes.prefix(bytes.count / 2),
        Data(
          bytes.map { $0 }.enumerated().map { $0.offset == bytes.count - 10 ? $0.element ^ 0xFF : $0.element }
        ),
        Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }),
      ]
      for damaged in damages {
        try damaged.write(to: URL(fileURLWithPath: path))
        let (engine, outcome) = try cache.load(intents: intents, knowledge: knowledge)
        #expect(outcome == .rebuilt)
        #expect(CanonicalDump.text(engine.knowledge) == CanonicalDump.text(original.knowledge))
        #expect(try cache.load(intents: intents, knowledge: knowledge).outcome == .hit)
      }
    }

    @Test func brokenDataIsNeverCachedAndFailsAsWithoutTheCache() throws {
      let (intents, knowledge, cache) = try setUp()
      try "id: mrd\nterms: [unclosed\n".write(
        to: intents.appendingPathComponent("mrd.yaml"), atomically: true, encoding: .utf8)
      var withCache: [Diagnostic] = []
      var without: [Diagnostic] = []
      do { _ = try cache.load(intents: intents, knowledge: knowledge) } catch {
        withCache = error.diagnostics
      }
      do { _ = try Engine.load(intents: intents, knowledge: knowledge) } catch { without = error.diagnostics }
      #expect(!withCache.isEmpty)
      #expect(withCache == without)
      #expect(!FileManager.default.fileExists(atPath: cache.file(intents: intents, knowledge: knowledge)))
    }

    @Test func anUnwritableCacheFolderIsNotAnError() throws {
      let (intents, knowledge, _) = try setUp()
      let cache = EngineCache(folder: "/proc/curbside-cannot-write-here")
      let (engine, outcome) = try cache.load(intents: intents, knowledge: knowledge)
      #expect(outcome == .rebuilt)
      #expect(!engine.catalog.intents.isEmpty)
    }

    /// The metadata stamp stored in a cache file, (0, 0) when none is.
    static func storedStamp(_ path: String) throws -> (UInt64, UInt64) {
      let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      let start = EngineCache.magic.count + 4 + 16
      func word(_ at: Int) -> UInt64 {
        bytes[(start + at)..<(start + at + 8)].reversed().reduce(0) { $0 << 8 | UInt64($1) }
      }
      return (word(0), word(8))
    }

    /// Files left alone long enough are vouched for by their metadata: a later start uses the
    /// cache without reading them, and any change of size, time or inode is noticed.
    @Test func settledFilesAreCheckedByTheirMetadata() throws {
      let (intents, knowledge, standard) = try setUp()
      let cache = EngineCache(folder: standard.folder, settledAfter: -60)
      let path = cache.file(intents: intents, knowledge: knowledge)
      #expect(try cache.load(intents: intents, knowledge: knowledge).outcome == .rebuilt)
      let stamp = try #require(EngineCache.stamp(intents: intents, knowledge: knowledge, settledAfter: -60))
      #expect(try Self.storedStamp(path) == stamp.hash.value)
      #expect(try cache.load(intents: intents, knowledge: knowledge).outcome == .hit)
      // The same contents under a new time: still a hit, and the new stamp is stored.
      let topic = knowledge.appendingPathComponent("topics/mrd.yaml")
      try FileManager.default.setAttributes(
        [.modificationDate: Date(timeIntervalSince1970: 1e9)], ofItemAtPath: topic.path)
      #expect(try cache.load(intents: intents, knowledge: knowledge).outcome == .hit)
      let touched = try #require(EngineCache.stamp(intents: intents, knowledge: knowledge, settledAfter: -60))
      #expect(touched.hash != stamp.hash)
      #expect(try Self.storedStamp(path) == touched.hash.value)
      // New contents: rebuilt, whatever the stamp said.
      try (String(contentsOf: topic, encoding: .utf8) + "\n# edited\n").write(
        to: topic, atomically: false, encoding: .utf8)
      #expect(try cache.load(intents: intents, knowledge: knowledge).outcome == .rebuilt)
    }

    /// Files written moments ago are not vouched for: an edit that keeps the size and lands in
    /// the same tick of the file clock is still seen, because their contents are hashed.
    @Test func freshFilesAreCheckedByTheirContents() throws {
      let (intents, knowledge, cache) = try setUp()
      let path = cache.file(intents: intents, knowledge: knowledge)
      #expect(try cache.load(intents: intents, knowledge: knowledge).outcome == .rebuilt)
      #expect(try Self.storedStamp(path) == (0, 0))
      let topic = knowledge.appendingPathComponent("topics/mrd.yaml")
      var text = try String(contentsOf: topic, encoding: .utf8)
      text += "# a\n"
      try text.write(to: topic, atomically: false, encoding: .utf8)
      #expect(try cache.load(intents: intents, knowledge: knowledge).outcome == .rebuilt)
      text.removeLast(2)
      text += "b\n"
      try text.write(to: topic, atomically: false, encoding: .utf8)
      #expect(try cache.load(intents: intents, knowledge: knowledge).outcome == .rebuilt)
    }

    /// Misspellings the typo index corrects, and the tokens an engine makes of them.
    static let misspelt = "blinatumumab dexamethazone inotuzomab ponatinb rituximob leukaemia"
    static func tokens(_ engine: Engine) -> [String] {
      engine.catalog.normalizer.normalize(misspelt).tokens.map(\.text)
    }

    @Test func aCacheHitReadsTheTypoIndexOnlyWhenAWordNeedsCorrecting() throws {
      let (intents, knowledge, cache) = try setUp()
      let fromYAML = try Engine.load(intents: intents, knowledge: knowledge)
      _ = try cache.load(intents: intents, knowledge: knowledge)
      let (engine, outcome) = try cache.load(intents: intents, knowledge: knowledge)
      #expect(outcome == .hit)
      let index = engine.catalog.lexicon.typoIndex
      #expect(!index.isLoaded)
      _ = engine.catalog.normalizer.normalize("hyper-CVAD doses for a 45 year old")
      #expect(!index.isLoaded)
      #expect(Self.tokens(engine) == Self.tokens(fromYAML))
      #expect(Self.tokens(fromYAML).contains("blinatumomab"))
      #expect(index.isLoaded)
      #expect(index.keys == fromYAML.catalog.lexicon.typoIndex.keys)
    }

    /// A cache file replaced or removed after the start (another build, a cleaned cache) cannot
    /// give a wrong typo index: its section no longer matches, and the index is built anew.
    @Test func aTypoIndexWhoseFileChangedIsBuiltFromTheVocabulary() throws {
      let (intents, knowledge, cache) = try setUp()
      let fromYAML = try Engine.load(intents: intents, knowledge: knowledge)
      _ = try cache.load(intents: intents, knowledge: knowledge)
      let path = cache.file(intents: intents, knowledge: knowledge)
      let original = try Data(contentsOf: URL(fileURLWithPath: path))
      let damaged = Data(original.map { $0 ^ 0x5A })
      for replacement in [damaged, original.prefix(original.count - 100), nil] {
        try original.write(to: URL(fileURLWithPath: path))
        let (engine, outcome) = try cache.load(intents: intents, knowledge: knowledge)
        #expect(outcome == .hit)
        if let replacement {
          try replacement.write(to: URL(fileURLWithPath: path))
        } else {
          try FileManager.default.removeItem(atPath: path)
        }
        #expect(Self.tokens(engine) == Self.tokens(fromYAML))
        #expect(engine.catalog.lexicon.typoIndex.keys == fromYAML.catalog.lexicon.typoIndex.keys)
      }
    }

    /// The fingerprint that keys and checks the cache sees every bit of every lane, the tail
    /// and the length: no single-bit flip and no truncation of a buffer leaves it unchanged.
    @Test func theFingerprintChangesWithAnyBitOrLength() {
      var generator = SeededGenerator(seed: 11)
      let bytes = (0..<1_003).map { _ in UInt8.random(in: 0...255, using: &generator) }
      func hash(_ bytes: [UInt8]) -> (UInt64, UInt64) {
        var hash = ContentHash()
        bytes.withUnsafeBytes { hash.add($0) }
        return hash.value
      }
      let original = hash(bytes)
      var unchanged: [Int] = []
      for bit in 0..<(bytes.count * 8) {
        var flipped = bytes
        flipped[bit / 8] ^= 1 << UInt8(bit % 8)
        if hash(flipped) == original { unchanged.append(bit) }
      }
      #expect(unchanged.isEmpty, "bits that did not change the fingerprint: \(unchanged.prefix(10))")
      let prefixes = Set((0...64).map { hash(Array(bytes.prefix(bytes.count - $0))).0 })
      #expect(prefixes.count == 65)
      #expect(hash(bytes) == original)
    }

    @Test func theEnvironmentChoosesOrDisablesTheCache() {
      #expect(EngineCache.standard(environment: ["HOME": "/home/a"])?.folder == "/home/a/.cache/curbside")
      #expect(
        EngineCache.standard(environment: ["HOME": "/home/a", "XDG_CACHE_HOME": "/x"])?.folder
          == "/x/curbside")
      #expect(EngineCache.standard(environment: ["HOME": "/home/a", "CURBSIDE_NO_CACHE": "1"]) == nil)
      #expect(EngineCache.standard(environment: ["HOME": "/home/a", "CURBSIDE_NO_CACHE": "0"]) != nil)
      #expect(EngineCache.standard(environment: [:]) == nil)
    }
  }
}
