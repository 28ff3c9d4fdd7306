/// Writes and reads an `IntentCatalog` (lexicon, typo index, intents) for the start-up cache.
///
/// Every stored field is listed here and in `CacheSchema`; a field added elsewhere without
/// being added here turns the cache off (see `CacheSchema.matches`) rather than lose it.
enum CatalogCoding {
  static func encode(_ catalog: IntentCatalog, into w: inout BinaryWriter) {
    encode(catalog.lexicon, into: &w)
    w.list(catalog.intents) { w, spec in encode(spec, into: &w) }
  }

  static func decode(_ r: inout BinaryReader) throws(BinaryReader.Corrupt) -> IntentCatalog {
    let lexicon = try decodeLexicon(&r)
    let intents = try r.list { r throws(BinaryReader.Corrupt) in try decodeSpec(&r) }
    return IntentCatalog(lexicon: lexicon, intents: intents)
  }

  static func encode(_ lexicon: Lexicon, into w: inout BinaryWriter) {
    let firstTokens = lexicon.rules.keys.sorted()
    w.list(firstTokens) { w, first in
      w.string(first)
      w.list(lexicon.rules[first] ?? []) { w, rule in
        w.strings(rule.variant)
        w.strings(rule.canonical)
      }
    }
    w.stringSet(lexicon.vocabulary)
    w.stringSet(lexicon.known)
    w.strings(lexicon.completions)
    w.list(lexicon.foreign) { w, term in
      w.strings(term.tokens)
      w.string(term.label)
    }
    w.list(lexicon.anchors) { w, anchor in w.strings(anchor) }
    w.list(lexicon.comorbidities) { w, phrase in w.strings(phrase) }
    w.stringSet(lexicon.followUpCues)
    w.list(lexicon.whatIfCues) { w, cue in w.strings(cue) }
    w.stringSet(lexicon.asks)
    w.stringSet(lexicon.population)
    w.stringSet(lexicon.references)
    // The typo index as one counted run with its own fingerprint, so that it can be read
    // from the file when first needed (see `decodeTypoIndex`).
    let index = lexicon.typoIndex
    var section = BinaryWriter()
    section.byteStrings(index.words)
    section.uint64s(index.keys)
    section.uint32s(index.starts)
    section.uint32s(index.entries)
    var digest = ContentHash()
    section.bytes.withUnsafeBytes { digest.add($0) }
    w.uint64(digest.value.0)
    w.uint64(digest.value.1)
    w.rawBytes(section.bytes)
  }

  /// The typo index of a cache: decoded now when the bytes are in memory only, otherwise read
  /// again from the file when a word first needs correcting. A file that changed meanwhile
  /// (its section no longer has the stored fingerprint) is not trusted: the index is built from
  /// the vocabulary instead, as loading from YAML builds it.
  static func decodeTypoIndex(_ r: inout BinaryReader, vocabulary: Set<String>, known: Set<String>)
    throws(BinaryReader.Corrupt) -> TypoIndex
  {
    let digest = (try r.uint64(), try r.uint64())
    guard let path = r.path else {
      let section = try r.rawBytes()
      guard let index = typoIndex(section, digest: digest) else { throw BinaryReader.Corrupt() }
      return index
    }
    let range = try r.skipBytes()
    return TypoIndex(deferred: {
      PosixFile.bytes(of: path, in: range).flatMap { bytes in
        bytes.withUnsafeBytes { typoIndex($0, digest: digest) }
      } ?? TypoIndex(words: vocabulary.subtracting(known).sorted())
    })
  }

  /// The index stored in `section`, or nil when it is not what was written.
  static func typoIndex(_ section: UnsafeRawBufferPointer, digest: (UInt64, UInt64)) -> TypoIndex? {
    var hash = ContentHash()
    hash.add(section)
    guard hash.value == digest else { return nil }
    var r = BinaryReader(section)
    do throws(BinaryReader.Corrupt) {
      let index = TypoIndex(
        words: try r.byteStrings(), keys: try r.uint64s(), starts: try r.uint32s(), entries: try r.uint32s())
      return r.isAtEnd ? index : nil
    } catch {
      return nil
    }
  }

  static func decodeLexicon(_ r: inout BinaryReader) throws(BinaryReader.Corrupt) -> Lexicon {
    var lexicon = Lexicon()
    let groups = try r.list { r throws(BinaryReader.Corrupt) in
      let first = try r.string()
      let rules = try r.list { r throws(BinaryReader.Corrupt) in
        Lexicon.Rule(variant: try r.strings(), canonical: try r.strings())
      }
      return (first, rules)
    }
    lexicon.rules.reserveCapacity(groups.count)
    for (first, rules) in groups { lexicon.rules[first] = rules }
    lexicon.vocabulary = try r.stringSet()
    lexicon.known = try r.stringSet()
    lexicon.completions = try r.strings()
    lexicon.foreign = try r.list { r throws(BinaryReader.Corrupt) in
      Lexicon.ForeignTerm(tokens: try r.strings(), label: try r.string())
    }
    lexicon.anchors = try r.list { r throws(BinaryReader.Corrupt) in try r.strings() }
    lexicon.comorbidities = try r.list { r throws(BinaryReader.Corrupt) in try r.strings() }
    lexicon.followUpCues = try r.stringSet()
    lexicon.whatIfCues = try r.list { r throws(BinaryReader.Corrupt) in try r.strings() }
    lexicon.asks = try r.stringSet()
    lexicon.population = try r.stringSet()
    lexicon.references = try r.stringSet()
    lexicon.typoIndex = try decodeTypoIndex(&r, vocabulary: lexicon.vocabulary, known: lexicon.known)
    return lexicon
  }

  static func encode(_ spec: IntentSpec, into w: inout BinaryWriter) {
    w.string(spec.id.rawValue)
    w.string(spec.summary)
    w.list(spec.terms) { w, term in encode(term, into: &w) }
    w.list(spec.requires) { w, group in w.strings(group) }
    w.list(spec.negatives) { w, term in encode(term, into: &w) }
    w.strings(spec.commands)
    w.list(spec.examples) { w, example in
      w.string(example.text)
      w.int(example.line)
      w.int(example.column)
    }
    w.list(spec.prefer) { w, preference in
      w.list(preference.when) { w, condition in KnowledgeCoding.encode(condition, into: &w) }
      w.string(preference.intent.rawValue)
    }
    w.string(spec.file)
  }

  static func decodeSpec(_ r: inout BinaryReader) throws(BinaryReader.Corrupt) -> IntentSpec {
    let id = IntentID(try r.string())
    let summary = try r.string()
    let terms = try r.list { r throws(BinaryReader.Corrupt) in try decodeTerm(&r) }
    let requires = try r.list { r throws(BinaryReader.Corrupt) in try r.strings() }
    let negatives = try r.list { r throws(BinaryReader.Corrupt) in try decodeTerm(&r) }
    let commands = try r.strings()
    let examples = try r.list { r throws(BinaryReader.Corrupt) in
      IntentSpec.Example(text: try r.string(), line: try r.int(), column: try r.int())
    }
    let prefer = try r.list { r throws(BinaryReader.Corrupt) in
      let when = try r.list { r throws(BinaryReader.Corrupt) in try KnowledgeCoding.decodeCondition(&r) }
      return IntentSpec.Preference(when: when, intent: IntentID(try r.string()))
    }
    return IntentSpec(
      id: id, summary: summary, terms: terms, requires: requires, negatives: negatives,
      commands: commands, examples: examples, prefer: prefer, file: try r.string())
  }

  static func encode(_ term: IntentSpec.Term, into w: inout BinaryWriter) {
    w.strings(term.tokens)
    w.double(term.weight)
    w.string(term.display)
  }

  static func decodeTerm(_ r: inout BinaryReader) throws(BinaryReader.Corrupt) -> IntentSpec.Term {
    IntentSpec.Term(tokens: try r.strings(), weight: try r.double(), display: try r.string())
  }
}
