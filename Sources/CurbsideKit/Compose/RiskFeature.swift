/// Evaluates one high-risk feature statement against the patient: present, absent or unknown.
enum RiskFeature {
  static func status(of statement: Statement, patient: Patient) -> String {
    if !statement.when.isEmpty {
      switch Selection.outcome(statement, patient) {
      case .holds: return "present: " + facts(statement.when.map(\.key), patient)
      case .fails: return "absent: " + facts(statement.when.map(\.key), patient)
      case .unknown: return "unknown"
      }
    }
    let genetics = patient[.genetics]?.word ?? ""
    switch statement.feature ?? "" {
    case "age": return patient.age.map { "noted: age \(NumberRange.show($0))" } ?? "unknown"
    case "wbc": return patient.wbc.map { "noted: WBC \(NumberRange.show($0)) x10^9/L" } ?? "unknown"
    case "ph":
      return patient[.ph]?.word.map { $0 == "positive" ? "present: Ph-positive" : "absent: Ph-negative" } ?? "unknown"
    case "ph_like": return patient[.phLike] != nil ? "present: Ph-like" : "unknown"
    case "mrd":
      return patient[.mrd]?.word.map { $0 == "positive" ? "present: MRD-positive" : "absent: MRD-negative" } ?? "unknown"
    case "cd20":
      return patient[.cd20]?.word.map { $0 == "positive" ? "present: CD20-positive" : "absent: CD20-negative" } ?? "unknown"
    case "immunophenotype":
      return patient[.subtype]?.word.map { $0 == "t-cell" ? "present: T-cell" : "absent: \($0)" } ?? "unknown"
    case "cytogenetics":
      let found = ["KMT2A", "hypodiploidy", "triploidy", "complex"].filter { genetics.contains($0) }
      if !found.isEmpty { return "present: \(genetics)" }
      if patient[.ph]?.word == "positive" { return "present: t(9;22)" }
      return genetics.isEmpty ? "unknown" : "absent: \(genetics)"
    case "tp53": return genetics.contains("TP53") ? "present: TP53" : "unknown"
    case "ikzf1": return genetics.contains("IKZF1") ? "present: \(genetics)" : "unknown"
    case "time_to_cr":
      return patient[.timeToCR]?.number.map { "noted: CR after \(NumberRange.show($0)) weeks" } ?? "unknown"
    default: return "unknown"
    }
  }

  static func facts(_ keys: [FactKey], _ patient: Patient) -> String {
    keys.compactMap { key -> String? in
      switch patient.value(for: key) {
      case .number(let n)?: return "\(key == .wbc ? "WBC" : key.rawValue) \(NumberRange.show(n))"
      case .word(let w)?: return Condition(key: key, test: .oneOf([w])).label
      case nil: return nil
      }
    }.joined(separator: ", ")
  }
}
