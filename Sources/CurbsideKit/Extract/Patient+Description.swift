extension Patient {
  /// One compact line: `72 y, female, WBC 45 x10^9/L, CD20+ (45%), Ph-, ECOG 2`.
  public var summary: String {
    PatientField.allCases.compactMap { field in facts[field].map { describe($0) } }
      .compactMap { $0 }.joined(separator: ", ")
  }

  /// A fact as shown to the physician, or nil for facts folded into another (CD20 percent).
  func describe(_ fact: PatientFact) -> String? {
    let number = fact.number.map(NumberRange.show) ?? ""
    let word = fact.word ?? ""
    switch fact.field {
    case .age: return ageText(fact.number ?? 0)
    case .sex, .fitness, .comorbidity, .genetics: return word
    case .wbc: return "WBC \(number) x10^9/L"
    case .cd20: return "CD20" + Self.sign(word) + percentSuffix()
    case .cd20Percent: return facts[.cd20] == nil ? "CD20 \(number)%" : nil
    case .ph: return "Ph" + Self.sign(word)
    case .phLike: return "Ph-like"
    case .subtype: return word == "ph-like" && facts[.phLike] != nil ? nil : Self.subtypeName(word)
    case .cns: return "CNS" + Self.sign(word)
    case .mrd: return "MRD" + Self.sign(word) + mrdSuffix()
    case .mrdLevel: return facts[.mrd] == nil ? "MRD " + Self.level(fact.number ?? 0) : nil
    case .mrdTimepoint: return nil
    case .ecog: return "ECOG \(number)"
    case .timeToCR: return "CR after \(number) weeks"
    case .phase: return word.replacingOccurrences(of: "-", with: " ")
    }
  }

  private func ageText(_ years: Double) -> String {
    years < 1 ? Self.ageValue(years) : NumberRange.show(years) + " y"
  }

  /// An age as answers quote it: "72", or "7 months" under a year.
  static func ageValue(_ years: Double) -> String {
    years < 1 ? NumberRange.show((years * 12).rounded()) + " months" : NumberRange.show(years)
  }

  private func percentSuffix() -> String {
    guard let percent = facts[.cd20Percent]?.number else { return "" }
    return " (" + NumberRange.show(percent) + "%)"
  }

  private func mrdSuffix() -> String {
    var suffix = ""
    if let level = facts[.mrdLevel]?.number { suffix += " (" + Self.level(level) + ")" }
    if let when = facts[.mrdTimepoint]?.word { suffix += " " + when }
    return suffix
  }

  static func sign(_ word: String?) -> String { word == "positive" ? "+" : "-" }

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
