/// Which drugs the knowledge can answer about, read from its statements: the targeted drugs it
/// names, and the drugs it gives a dose for.
///
/// A question about a kinase inhibitor or an antibody that no statement names ("ruxolitinib
/// for CRLF2+ ALL?"), or asking the dose of a drug no statement doses ("dasatinib 140 vs
/// 100 mg?"), cannot be answered from the knowledge, however close its topic: Curbside abstains
/// instead of answering the topic. So does asking a drug's dose for a group or a genotype that no
/// statement dosing that drug names ("pegaspargase dose in children", "mercaptopurine dose for
/// TPMT poor metabolisers"). Built from the knowledge, so adding a dose there answers it.
public struct DrugCoverage: Sendable {
  /// Drugs whose names say what they are, by their INN stems: kinase inhibitors (-inib) and
  /// monoclonal antibodies (-mab). Older cytotoxics have no shared stem: the knowledge names and
  /// doses them, and only a dose for a group its statements never name is a gap (`groupGap`).
  static let stems = ["inib", "mab"]
  /// Tokens that make a line ask for a dose; "mg" only in a question ("140 vs 100 mg?").
  static let doseCues: Set<String> = ["dose", "dosing", "dosage", "dosed"]
  /// Units that make a number a dose in a statement ("600 mg", "15 ug m2", "1000 iu m2").
  static let doseUnits: Set<String> = ["mg", "g", "ug", "mcg", "iu"]

  /// Groups and genotypes a dose may be asked for, as normalised words, and the group each
  /// stands for: a patient's age band is that age group ("agechild" asks for children).
  static let qualifiers: [String: String] = [
    "pediatric": "pediatric", "agechild": "pediatric", "infant": "infant", "neonate": "infant",
    "older": "older", "ageolder": "older", "aya": "aya", "ageaya": "aya", "tpmt": "tpmt",
    "nudt15": "nudt15", "metaboliser": "metaboliser", "metabolizer": "metaboliser",
    "obese": "obese", "renal": "renal", "hepatic": "hepatic", "pregnant": "pregnant",
  ]

  /// Stem-named drugs that some statement names.
  private(set) var named: Set<String> = []
  /// Drugs that some statement carrying a dose names, or whose own topic carries a dose.
  private(set) var dosed: Set<String> = []
  /// "drug group" pairs: each drug or regimen and group (`qualifiers`, or `anyGroup`) that one
  /// dose-bearing statement or its topic names together ("pegaspargase pediatric").
  private(set) var groupDoses: Set<String> = []

  /// The coverage as stored (the start-up cache): reading the statements again costs 3 ms.
  init(named: Set<String>, dosed: Set<String>, groupDoses: Set<String>) {
    self.named = named
    self.dosed = dosed
    self.groupDoses = groupDoses
  }

  public init(knowledge: KnowledgeBase, normalizer: Normalizer) {
    let completions = Set(normalizer.lexicon.completions.flatMap { normalizer.terms($0) })
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
      // The topic names the group of a statement it does not repeat ("induction.pediatric").
      let words = tokens + statement.intent.rawValue.split(separator: ".").map(String.init)
      let groups = Set(words.compactMap { Self.qualifiers[$0] }).union([Self.anyGroup])
      for word in Set(words) where drugs.contains(word) || completions.contains(word) {
        for group in groups { groupDoses.insert(word + " " + group) }
      }
    }
  }

  /// What `text` asks about a drug that the knowledge cannot answer; nil when it can.
  public func gap(in text: NormalizedText) -> String? {
    let tokens = text.tokens.map(\.text)
    let drugs = tokens.filter(Self.isDrug)
    if drugs.isEmpty { return groupGap(tokens) }
    if let unknown = drugs.first(where: { !isNamed($0) }) {
      return "\(unknown), a drug the guideline knowledge does not cover"
    }
    let asksDose =
      tokens.contains(where: Self.doseCues.contains)
      || (tokens.contains("mg") && text.folded.contains("?"))
    guard asksDose else { return nil }
    if let undosed = drugs.first(where: { !dosed.contains($0) }) {
      return "the dose of \(undosed), which the guideline knowledge does not give"
    }
    return groupGap(tokens)
  }

  /// "pegaspargase dose in children", "mercaptopurine dose for TPMT poor metabolisers": a dose
  /// asked for a group or genotype that no dose-bearing statement of that drug names. Only the
  /// drugs and regimens (lexicon completions) some dose-bearing statement names are judged.
  func groupGap(_ tokens: [String]) -> String? {
    // In the order the line names them (a set's order changes from run to run, and the
    // answer must not).
    var groups: [String] = []
    for group in tokens.compactMap({ Self.qualifiers[$0] }) where !groups.contains(group) {
      groups.append(group)
    }
    guard !groups.isEmpty, Self.asksForADose(tokens) else { return nil }
    for drug in tokens where dosedWithGroups(drug) {
      if let group = groups.first(where: { !groupDoses.contains(drug + " " + $0) }) {
        return "the dose of \(drug) for \(group) patients, which the guideline knowledge does not give"
      }
    }
    return nil
  }

  /// True when a dose cue asks for a dose: not "high-dose methotrexate", "low-dose blocks" or
  /// "the 4-dose schedule", where it names a regimen's intensity or count.
  static func asksForADose(_ tokens: [String]) -> Bool {
    tokens.indices.contains { index in
      guard doseCues.contains(tokens[index]) else { return false }
      guard index > 0 else { return true }
      let before = tokens[index - 1]
      return !intensities.contains(before) && !before.allSatisfy(\.isNumber)
    }
  }
  static let intensities: Set<String> = ["high", "low", "intermediate", "standard", "full", "escalating"]

  /// True when some dose-bearing statement names `drug`.
  private func dosedWithGroups(_ drug: String) -> Bool { groupDoses.contains(drug + " " + Self.anyGroup) }

  /// The group of every dose-bearing statement: "drug any" says some statement doses the drug.
  static let anyGroup = "any"

  /// True when a statement names `drug`, or a drug within two edits of it: a misspelling the
  /// typo correction left alone ("rituxumab") is still the drug the knowledge names.
  func isNamed(_ drug: String) -> Bool {
    named.contains(drug)
      || named.contains { EditDistance.distance(Array($0.utf8), Array(drug.utf8), limit: 2) != nil }
  }

  /// A drug named by one of the `stems`: long enough that the stem is a suffix, not the word.
  static func isDrug(_ word: String) -> Bool {
    // Tokens are folded ASCII: bytes count as letters, and counting them needs no grapheme breaking.
    word.utf8.count > 6 && stems.contains { word.hasSuffix($0) }
  }

  /// True when a number is followed by a dose unit.
  static func carriesDose(_ tokens: [String]) -> Bool {
    zip(tokens, tokens.dropFirst()).contains { number, unit in
      number.allSatisfy(\.isNumber) && doseUnits.contains(unit)
    }
  }
}
