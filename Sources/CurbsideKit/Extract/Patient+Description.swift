extension Patient {
  /// One compact line: `72 y, female, WBC 45 x10^9/L, CD20+ (45%), Ph-, ECOG 2`.
  public var summary: String {
    PatientField.allCases.compactMap { field in facts[field].map { describe($0) } }
      .compactMap { $0 }.joined(separator: ", ")
  }

  /// A fact as shown to the physician, or nil for facts folded into another (CD20 percent).
  func describe(_ fact: PatientFact) -> String? {
    let sign = { (word: String?) in word == "positive" ? "+" : "-" }
    switch fact.field {
    case .age:
      guard let years = fact.number else { return nil }
      if years < 1 { return "\(NumberRange.show((years * 12).rounded())) months" }
      return "\(NumberRange.show(years)) y"
    case .sex: return fact.word
    case .wbc: return fact.number.map { "WBC \(NumberRange.show($0)) x10^9/L" }
    case .cd20:
      let percent = facts[.cd20Percent]?.number.map { " (\(NumberRange.show($0))%)" } ?? ""
      return "CD20\(sign(fact.word))\(percent)"
    case .cd20Percent: return facts[.cd20] == nil ? fact.number.map { "CD20 \(NumberRange.show($0))%" } : nil
    case .ph: return "Ph\(sign(fact.word))"
    case .phLike: return "Ph-like"
    case .subtype: return fact.word == "ph-like" && facts[.phLike] != nil ? nil : fact.word.map(Self.subtypeName)
    case .cns: return "CNS\(sign(fact.word))"
    case .mrd:
      let level = facts[.mrdLevel]?.number.map { " (\(Self.level($0)))" } ?? ""
      let when = facts[.mrdTimepoint]?.word.map { " \($0)" } ?? ""
      return "MRD\(sign(fact.word))\(level)\(when)"
    case .mrdLevel: return facts[.mrd] == nil ? fact.number.map { "MRD \(Self.level($0))" } : nil
    case .mrdTimepoint: return nil
    case .fitness: return fact.word
    case .ecog: return fact.number.map { "ECOG \(NumberRange.show($0))" }
    case .comorbidity: return fact.word
    case .genetics: return fact.word
    case .timeToCR: return fact.number.map { "CR after \(NumberRange.show($0)) weeks" }
    case .phase: return fact.word.map { $0.replacingOccurrences(of: "-", with: " ") }
    }
  }

  static func subtypeName(_ word: String) -> String {
    switch word {
    case "precursor-b": return "precursor B-ALL"
    case "burkitt": return "Burkitt (mature B)"
    case "t-cell": return "T-ALL"
    case "ph-like": return "Ph-like"
    default: return word
    }
  }

  /// An MRD fraction as a physician writes it: 0.0001 → "10^-4", 0.002 → "0.2%".
  static func level(_ fraction: Double) -> String {
    var exponent = 0
    var value = fraction
    while value < 1, value > 0, exponent < 9 {
      value *= 10
      exponent += 1
    }
    if abs(value - 1) < 1e-9 { return "10^-\(exponent)" }
    let percent = fraction * 100
    let rounded = (percent * 10000).rounded() / 10000
    return "\(NumberRange.show(rounded))%"
  }
}
