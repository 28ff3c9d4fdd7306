/// Evaluates one high-risk feature statement against the patient: present, absent or unknown.
enum RiskFeature {
  /// The statement's `when` says whom it concerns; only a condition on the feature's own fact
  /// (a WBC threshold on the WBC feature) decides present or absent.
  static func status(of statement: Statement, patient: Patient) -> String {
    if let key = factKey[statement.feature ?? ""] {
      let own = statement.when.filter { $0.key == key }
      if !own.isEmpty {
        switch Selection.outcome(of: own, patient) {
        // An age condition says whom the statement concerns (adults); age itself is graded
        // continuously, so it is noted, not called present.
        case .holds where key == .age: return noted(patient[.age], "age ", "")
        case .holds: return "present: " + facts([key], patient)
        case .fails: return "absent: " + facts([key], patient)
        case .unknown: return "unknown"
        }
      }
    }
    let genetics = patient[.genetics]?.word ?? ""
    switch statement.feature ?? "" {
    case "age": return noted(patient[.age], "age ", "")
    case "wbc": return noted(patient[.wbc], "WBC ", " x10^9/L")
    case "time_to_cr": return noted(patient[.timeToCR], "CR after ", " weeks")
    case "ph": return polar(patient[.ph], "Ph-positive", "Ph-negative")
    case "mrd": return polar(patient[.mrd], "MRD-positive", "MRD-negative")
    case "cd20": return polar(patient[.cd20], "CD20-positive", "CD20-negative")
    case "ph_like": return patient[.phLike] != nil ? "present: Ph-like" : "unknown"
    case "immunophenotype":
      guard let subtype = patient[.subtype]?.word else { return "unknown" }
      return subtype == "t-cell" ? "present: T-cell" : "absent: " + subtype
    case "cytogenetics":
      let found = ["KMT2A", "hypodiploidy", "triploidy", "complex"].filter { genetics.contains($0) }
      if !found.isEmpty { return "present: " + genetics }
      if patient[.ph]?.word == "positive" { return "present: t(9;22)" }
      return genetics.isEmpty ? "unknown" : "absent: " + genetics
    case "tp53": return genetics.contains("TP53") ? "present: TP53" : "unknown"
    case "obesity":
      let comorbidity = patient[.comorbidity]?.word ?? ""
      return comorbidity.contains("obes") || comorbidity.contains("bmi")
        ? "present: " + comorbidity : "unknown"
    case "ikzf1": return genetics.contains("IKZF1") ? "present: " + genetics : "unknown"
    default: return "unknown"
    }
  }

  /// "noted: age 72" for a numeric fact the feature grades continuously.
  static func noted(_ fact: PatientFact?, _ prefix: String, _ suffix: String) -> String {
    guard let value = fact?.number else { return "unknown" }
    let shown = prefix == "age " ? Patient.ageValue(value) : NumberRange.show(value)
    return "noted: " + prefix + shown + suffix
  }

  /// "present: Ph-positive" or "absent: Ph-negative" for a positive/negative fact.
  static func polar(_ fact: PatientFact?, _ yes: String, _ no: String) -> String {
    guard let word = fact?.word else { return "unknown" }
    return word == "positive" ? "present: " + yes : "absent: " + no
  }

  /// Features that are one patient fact a condition can test.
  static let factKey: [String: FactKey] = [
    "age": .age, "wbc": .wbc, "mrd": .mrd, "ph": .ph, "cd20": .cd20, "ph_like": .phLike,
  ]

  static func facts(_ keys: [FactKey], _ patient: Patient) -> String {
    keys.compactMap { key -> String? in
      switch patient.value(for: key) {
      case .number(let n)? where key == .age: return "age " + Patient.ageValue(n)
      case .number(let n)?: return "\(key == .wbc ? "WBC" : key.rawValue) \(NumberRange.show(n))"
      case .word(let w)?: return Condition(key: key, test: .oneOf([w])).label
      case nil: return nil
      }
    }.joined(separator: ", ")
  }
}
