/// The stored fields of every type the start-up cache writes, checked against the types.
///
/// `CatalogCoding` and `KnowledgeCoding` write these fields and no others. If a field is added
/// to one of the types, the names read here by reflection no longer match `expected`, and the
/// cache turns itself off (loading from YAML as before) until the coders and this list are
/// updated: a test fails meanwhile, so the change is noticed, but no answer is ever wrong.
enum CacheSchema {
  /// The field names the coders know, type by type.
  static let expected = """
    IntentCatalog: lexicon intents
    Lexicon: rules vocabulary known completions foreign anchors comorbidities followUpCues whatIfCues asks population references typoIndex
    Rule: variant canonical
    ForeignTerm: tokens label
    TypoIndex: words keys starts entries longest
    IntentSpec: id summary terms requires negatives commands examples prefer file
    Term: tokens weight display
    Example: text line column
    Preference: when intent
    Condition: key test
    NumberRange: lower lowerInclusive upper upperInclusive
    KnowledgeBase: version reviewed title scope outOfScope disclaimer notLoaded privacy references referenceOrder topics distinctiveWords
    Reference: key short citation level line
    Statement: id intent kind text refs when whenAny status detail corrects feature file line
    Topic: intent title statements
    DrugCoverage: named dosed groupDoses
    ClassifierTables: words postings commands requires foreign foreignByFirst anchors
    Posting: intent tokens weight display negative key
    """

  /// True when the types still have exactly the fields the coders write.
  static var matches: Bool { current == expected }

  /// The field names of the types as they are now, in the form of `expected`.
  static var current: String {
    let condition = Condition(key: .age, test: .oneOf([]))
    let term = IntentSpec.Term(tokens: [], weight: 1, display: "")
    let example = IntentSpec.Example(text: "", line: 1, column: 1)
    let preference = IntentSpec.Preference(when: [], intent: .outOfScope)
    let spec = IntentSpec(
      id: .outOfScope, summary: "", terms: [], requires: [], negatives: [], commands: [],
      examples: [], prefer: [], file: "")
    let reference = Reference(key: "", short: "", citation: "", level: .primary, line: 1)
    let statement = Statement(
      id: "", intent: .outOfScope, kind: .evidence, text: "", refs: [], when: [], whenAny: [],
      status: .verified,
      detail: false, corrects: nil, feature: nil, file: "", line: 1)
    let base = KnowledgeBase(
      version: "", reviewed: "", title: "", scope: "", outOfScope: "", disclaimer: "",
      notLoaded: "", privacy: "", references: [:], referenceOrder: [], topics: [:])
    let samples: [(String, Any)] = [
      ("IntentCatalog", IntentCatalog(lexicon: Lexicon(), intents: [])),
      ("Lexicon", Lexicon()),
      ("Rule", Lexicon.Rule(variant: [], canonical: [])),
      ("ForeignTerm", Lexicon.ForeignTerm(tokens: [], label: "")),
      ("TypoIndex", TypoIndex.Tables()),
      ("IntentSpec", spec), ("Term", term), ("Example", example), ("Preference", preference),
      ("Condition", condition), ("NumberRange", NumberRange("0") as Any),
      ("KnowledgeBase", base), ("Reference", reference), ("Statement", statement.fields),
      ("Topic", Topic(intent: .outOfScope, title: "", statements: [])),
      ("DrugCoverage", DrugCoverage(named: [], dosed: [], groupDoses: [])),
      ("ClassifierTables", ClassifierTables(catalog: IntentCatalog(lexicon: Lexicon(), intents: []))),
      (
        "Posting",
        ClassifierTables.Posting(intent: 0, tokens: [], weight: 0, display: "", negative: false, key: 0)
      ),
    ]
    return samples.map { name, value in
      var mirror = Mirror(reflecting: value)
      if mirror.displayStyle == .optional, let wrapped = mirror.children.first {
        mirror = Mirror(reflecting: wrapped.value)
      }
      return ([name + ":"] + mirror.children.compactMap(\.label)).joined(separator: " ")
    }.joined(separator: "\n")
  }
}
