import Yams

/// Reads one `Intents/<id>.yaml` file into an `IntentSpec`.
enum IntentLoader {
  static let keys = [
    "id", "summary", "terms", "requires", "negatives", "commands", "examples", "prefer",
  ]

  static func load(_ document: YAMLDocument, normalizer: Normalizer, bag: inout DiagnosticBag)
    -> IntentSpec?
  {
    guard let map = YAMLMap(document.root, in: document, what: "an intent", bag: &bag) else {
      return nil
    }
    map.checkKeys(allowed: keys, bag: &bag)
    guard let rawID = map.string("id", bag: &bag) else { return nil }
    let id = IntentID(rawID)
    if !IntentID.all.contains(id) {
      var message = "unknown intent id '\(rawID)'"
      if let guess = EditDistance.suggestion(for: rawID, among: IntentID.all.map(\.rawValue)) {
        message += "; did you mean '\(guess)'?"
      }
      bag.add(document.diagnostic(at: map["id"], message))
    }
    func terms(_ key: String) -> [IntentSpec.Term] {
      map.weights(key, bag: &bag).compactMap { text, weight, node in
        let tokens = normalizer.terms(text)
        guard !tokens.isEmpty else {
          bag.add(document.diagnostic(at: node, "term '\(text)' has no words"))
          return nil
        }
        if weight <= 0 || weight > 10 {
          bag.add(document.diagnostic(at: node, "weight of '\(text)' must be in (0, 10]"))
        }
        return IntentSpec.Term(tokens: tokens, weight: weight, display: text)
      }
    }
    let requires = map.sequence("requires", bag: &bag).map { group in
      YAMLMap.strings(in: group, key: "requires", document: document, bag: &bag)
        .map { normalizer.terms($0.0).joined(separator: " ") }
    }
    let commands = map.strings("commands", bag: &bag).map {
      normalizer.terms($0.0).joined(separator: " ")
    }
    let examples = map.strings("examples", bag: &bag).map { text, node in
      IntentSpec.Example(text: text, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }
    var spec = IntentSpec(
      id: id, summary: map.string("summary", bag: &bag) ?? rawID, terms: terms("terms"),
      requires: requires, negatives: terms("negatives"), commands: commands, examples: examples,
      file: document.displayPath)
    spec.prefer = map.sequence("prefer", bag: &bag).compactMap { preference(document, $0, &bag) }
    return spec
  }

  /// One `prefer` rule: `{when: {age: ">=65"}, intent: induction.older}`.
  static func preference(_ document: YAMLDocument, _ node: Node, _ bag: inout DiagnosticBag)
    -> IntentSpec.Preference?
  {
    guard let rule = YAMLMap(node, in: document, what: "a prefer rule", bag: &bag) else { return nil }
    rule.checkKeys(allowed: ["when", "intent"], bag: &bag)
    guard let target = rule.string("intent", bag: &bag) else { return nil }
    if !IntentID(target).isClinical {
      bag.add(document.diagnostic(at: rule["intent"], "'\(target)' is not a clinical intent id"))
    }
    let when = TopicLoader.conditions(rule["when"], document: document, bag: &bag)
    if when.isEmpty { bag.add(document.diagnostic(at: node, "a prefer rule needs a 'when'")) }
    return IntentSpec.Preference(when: when, intent: IntentID(target))
  }
}

/// Reads `Intents/lexicon.yaml`.
enum LexiconLoader {
  static func load(_ document: YAMLDocument, bag: inout DiagnosticBag) -> Lexicon {
    var lexicon = Lexicon()
    guard let map = YAMLMap(document.root, in: document, what: "the lexicon", bag: &bag) else {
      return lexicon
    }
    map.checkKeys(
      allowed: [
        "synonyms", "completions", "known", "scope", "follow_up", "what_if", "refer_back", "population",
        "asks",
      ],
      bag: &bag)
    let plain = Normalizer(lexicon: Lexicon())
    if let node = map["synonyms"],
      let synonyms = YAMLMap(node, in: document, what: "'synonyms'", bag: &bag)
    {
      for entry in synonyms.entries {
        let canonical = plain.terms(entry.key)
        lexicon.vocabulary.formUnion(canonical)
        for (variant, variantNode) in YAMLMap.strings(
          in: entry.value, key: entry.key, document: document, bag: &bag)
        {
          let tokens = plain.terms(variant)
          if tokens.isEmpty {
            bag.add(document.diagnostic(at: variantNode, "synonym '\(variant)' has no words"))
          }
          if tokens.count == 1 { lexicon.vocabulary.insert(tokens[0]) }
          lexicon.addRule(variant: tokens, canonical: canonical)
        }
      }
    }
    lexicon.completions = map.strings("completions", bag: &bag).map(\.0).sorted()
    lexicon.known = Set(map.strings("known", bag: &bag).flatMap { plain.terms($0.0) })
    let full = Normalizer(lexicon: lexicon)
    if let node = map["scope"], let scope = YAMLMap(node, in: document, what: "'scope'", bag: &bag) {
      scope.checkKeys(allowed: ["foreign", "anchors", "comorbidities"], bag: &bag)
      lexicon.comorbidities = scope.strings("comorbidities", bag: &bag).map { full.terms($0.0) }
      if let foreignNode = scope["foreign"],
        let foreign = YAMLMap(foreignNode, in: document, what: "'foreign'", bag: &bag)
      {
        lexicon.foreign = foreign.entries.map {
          Lexicon.ForeignTerm(tokens: full.terms($0.key), label: $0.value.string ?? $0.key)
        }
      }
      lexicon.anchors = scope.strings("anchors", bag: &bag).map { full.terms($0.0) }
    }
    lexicon.followUpCues = Set(map.strings("follow_up", bag: &bag).flatMap { full.terms($0.0) })
    lexicon.whatIfCues = map.strings("what_if", bag: &bag).map { full.terms($0.0) }
    lexicon.asks = Set(map.strings("asks", bag: &bag).flatMap { plain.terms($0.0) })
    lexicon.population = Set(map.strings("population", bag: &bag).map { $0.0.lowercased() })
    lexicon.references = Set(map.strings("refer_back", bag: &bag).flatMap { full.terms($0.0) })
    return lexicon
  }
}
