import Foundation

/// Reads patient facts from free text: age, sex, WBC, CD20, Ph, subtype, CNS, MRD, fitness,
/// genetics, time to CR and phase, each with the span and turn it came from.
///
/// Numeric facts are read only next to the word that names them ("WBC", "CD20", "MRD", "ECOG",
/// "-year-old"), so doses, durations and outcome figures are never read as facts. Readers run
/// strongest first and claim the words they read; weaker readings (a bare "58 not 68", "45F")
/// skip claimed words. When a field is stated twice, the later mention wins ("72, no, actually
/// 68"), except where a rank decides (a named "man" over a pronoun, "relapsed" over "at
/// diagnosis", Burkitt over a bare TdT).
public struct FactExtractor: Sendable {
  public init() {}

  /// The facts stated in `folded` (the folded text of a normalised line) at turn `turn`.
  /// Spans are UTF-16 offsets into `folded`.
  public func extract(_ folded: String, turn: Int) -> [PatientFact] {
    let line = Line(folded.lowercased())
    var findings = FactFindings(line)
    if line.hasDigit {
      readWBC(&findings)
      readECOG(&findings)
      readTimeToCR(&findings)
    }
    readCD20(&findings)
    readMRD(&findings)
    readPh(&findings)
    readCNS(&findings)
    readAge(&findings)
    readSex(&findings)
    readSubtype(&findings)
    readGenetics(&findings)
    readFitness(&findings)
    readComorbidities(&findings)
    readPhase(&findings)
    return Self.resolve(findings, turn: turn)
  }

  /// Fields read together with another: kept only from the mention that gave the winner.
  static let dependents: [PatientField: PatientField] = [
    .cd20Percent: .cd20, .mrdLevel: .mrd, .mrdTimepoint: .mrd,
  ]

  /// One fact per field: the highest rank, then the latest mention.
  static func resolve(_ findings: FactFindings, turn: Int) -> [PatientFact] {
    let candidates = findings.candidates
    var best: [PatientField: FactCandidate] = [:]
    for candidate in candidates where dependents[candidate.field] == nil {
      if let current = best[candidate.field], !wins(candidate, over: current) { continue }
      best[candidate.field] = candidate
    }
    for candidate in candidates {
      guard let primary = dependents[candidate.field] else { continue }
      if let winner = best[primary], winner.mention != candidate.mention { continue }
      if let current = best[candidate.field], !wins(candidate, over: current) { continue }
      best[candidate.field] = candidate
    }
    return best.values.sorted { $0.field < $1.field }.map {
      PatientFact(field: $0.field, value: $0.value, span: $0.span, turn: turn, source: $0.source)
    }
  }

  static func wins(_ a: FactCandidate, over b: FactCandidate) -> Bool {
    if a.rank != b.rank { return a.rank > b.rank }
    return a.span.lowerBound >= b.span.lowerBound
  }
}
