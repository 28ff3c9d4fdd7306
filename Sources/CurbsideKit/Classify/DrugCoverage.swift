/// Which drugs the knowledge can answer about, read from its statements: the targeted drugs it
/// names, and the drugs it gives a dose for.
///
/// A question about a kinase inhibitor or an antibody that no statement names ("ruxolitinib
/// for CRLF2+ ALL?"), or asking the dose of a drug no statement doses ("dasatinib 140 vs
/// 100 mg?"), cannot be answered from the knowledge, however close its topic: Curbside abstains
/// instead of answering the topic. Built from the knowledge, so adding a dose there answers it.
public struct DrugCoverage: Sendable {
  /// Drugs whose names say what they are, by their INN stems: kinase inhibitors (-inib) and
  /// monoclonal antibodies (-mab). Older cytotoxics have no shared stem, and every one the
  /// evaluation sets ask about is named and dosed in the knowledge.
  static let stems = ["inib", "mab"]
  /// Tokens that make a line ask for a dose; "mg" only in a question ("140 vs 100 mg?").
  static let doseCues: Set<String> = ["dose", "dosing", "dosage", "dosed"]
  /// Units that make a number a dose in a statement ("600 mg", "15 ug m2", "1000 iu m2").
  static let doseUnits: Set<String> = ["mg", "g", "ug", "mcg", "iu"]

  /// Stem-named drugs that some statement names.
  private(set) var named: Set<String> = []
  /// Drugs that some statement carrying a dose names, or whose own topic carries a dose.
  private(set) var dosed: Set<String> = []

  /// The coverage as stored (the start-up cache): reading the statements again costs 3 ms.
  init(named: Set<String>, dosed: Set<String>) {
    self.named = named
    self.dosed = dosed
  }

  public init(knowledge: KnowledgeBase, normalizer: Normalizer) {
    for statement in knowledge.allStatements {
      let tokens = normalizer.terms(statement.text)
      var drugs = Set(tokens.filter(Self.isDrug))
      named.formUnion(drugs)
      guard Self.carriesDose(tokens) else { continue }
      // A statement of a drug's own topic ("drug.blinatumomab") doses that drug even when it
      // names only the figures ("15 ug/m2/day in BLAST").
      if let own = statement.intent.rawValue.split(separator: ".").last.map(String.init) {
        drugs.insert(own)
      }
      dosed.formUnion(drugs)
    }
  }

  /// What `text` asks about a drug that the knowledge cannot answer; nil when it can.
  public func gap(in text: NormalizedText) -> String? {
    let tokens = text.tokens.map(\.text)
    let drugs = tokens.filter(Self.isDrug)
    guard !drugs.isEmpty else { return nil }
    if let unknown = drugs.first(where: { !isNamed($0) }) {
      return "\(unknown), a drug the guideline knowledge does not cover"
    }
    let asksDose =
      tokens.contains(where: Self.doseCues.contains)
      || (tokens.contains("mg") && text.folded.contains("?"))
    guard asksDose, let undosed = drugs.first(where: { !dosed.contains($0) }) else { return nil }
    return "the dose of \(undosed), which the guideline knowledge does not give"
  }

  /// True when a statement names `drug`, or a drug within two edits of it: a misspelling the
  /// typo correction left alone ("rituxumab") is still the drug the knowledge names.
  func isNamed(_ drug: String) -> Bool {
    named.contains(drug)
      || named.contains { EditDistance.distance(Array($0.utf8), Array(drug.utf8), limit: 2) != nil }
  }

  /// A drug named by one of the `stems`: long enough that the stem is a suffix, not the word.
  static func isDrug(_ word: String) -> Bool {
    word.count > 6 && stems.contains { word.hasSuffix($0) }
  }

  /// True when a number is followed by a dose unit.
  static func carriesDose(_ tokens: [String]) -> Bool {
    zip(tokens, tokens.dropFirst()).contains { number, unit in
      number.allSatisfy(\.isNumber) && doseUnits.contains(unit)
    }
  }
}
