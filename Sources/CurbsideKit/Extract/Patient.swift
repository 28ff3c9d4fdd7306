/// A patient fact's value: a number (years, x10^9/L, a fraction) or a word.
public enum FactValue: Sendable, Hashable {
  case number(Double)
  case word(String)
}

/// The facts Curbside keeps about the patient.
public enum PatientField: String, Sendable, CaseIterable, Comparable {
  case age, sex, wbc, cd20, cd20Percent = "cd20_percent", ph, phLike = "ph_like", subtype, cns,
    mrd, mrdLevel = "mrd_level", mrdTimepoint = "mrd_timepoint", fitness, ecog, comorbidity,
    genetics, timeToCR = "time_to_cr", phase

  public static func < (a: PatientField, b: PatientField) -> Bool {
    allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
  }
}

/// One extracted fact, with where and when it was said.
public struct PatientFact: Sendable, Hashable {
  public var field: PatientField
  public var value: FactValue
  /// UTF-16 offsets of the words it was read from, in the folded text of the line of `turn`.
  public var span: Range<Int>
  /// The turn (1-based line of the session) it came from.
  public var turn: Int
  /// The words it was read from.
  public var source: String

  public init(field: PatientField, value: FactValue, span: Range<Int>, turn: Int, source: String) {
    self.field = field
    self.value = value
    self.span = span
    self.turn = turn
    self.source = source
  }

  public var number: Double? {
    if case .number(let n) = value { return n }
    return nil
  }

  public var word: String? {
    if case .word(let w) = value { return w }
    return nil
  }
}

/// The current patient: the latest fact for each field.
public struct Patient: Sendable, Hashable {
  public private(set) var facts: [PatientField: PatientFact] = [:]

  public init() {}

  public var isEmpty: Bool { facts.isEmpty }
  public subscript(field: PatientField) -> PatientFact? { facts[field] }

  /// Sets a fact, replacing any earlier value of the same field. A new CD20 or MRD status from
  /// a later turn drops the percentage, level and time point read with the old one.
  public mutating func set(_ fact: PatientFact) {
    for (dependent, primary) in FactExtractor.dependents where primary == fact.field {
      if let old = facts[dependent], old.turn < fact.turn { facts[dependent] = nil }
    }
    facts[fact.field] = fact
  }

  public var age: Double? { facts[.age]?.number }
  public var wbc: Double? { facts[.wbc]?.number }

  /// The value a knowledge condition tests; derived keys are computed here.
  public func value(for key: FactKey) -> FactValue? {
    switch key {
    case .age: return facts[.age]?.value
    case .wbc: return facts[.wbc]?.value
    case .nciRisk: return nciRisk.map(FactValue.word)
    case .ph: return facts[.ph]?.value
    case .phLike: return facts[.phLike].map { _ in .word("true") }
    case .cd20: return facts[.cd20]?.value
    case .mrd: return facts[.mrd]?.value
    case .fitness: return facts[.fitness]?.value
    case .subtype: return facts[.subtype]?.value
    case .cns: return facts[.cns]?.value
    case .phase: return facts[.phase]?.value
    }
  }

  /// The NCI risk group of a child: standard is age 1 to under 10 and WBC under 50 x10^9/L;
  /// high is age 10 or more, or WBC 50 or more. Adults get "adult" and infants (under 1 year,
  /// outside both groups) "infant", so pediatric groups fail for them.
  /// The cut-offs are the knowledge's own (statement induction.pediatric.nci-risk-groups, PDQ).
  public var nciRisk: String? {
    guard let age else { return nil }
    if age >= 18 { return "adult" }
    if age < 1 { return "infant" }
    if age >= 10 { return "high" }
    if let wbc, wbc >= 50 { return "high" }
    guard let wbc else { return nil }
    return wbc < 50 ? "standard" : "high"
  }
}
