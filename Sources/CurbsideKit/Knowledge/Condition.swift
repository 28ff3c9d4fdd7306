/// A patient fact a statement's `when` clause can test.
public enum FactKey: String, Sendable, CaseIterable {
  case age, wbc, nciRisk = "nci_risk", ph, phLike = "ph_like", cd20, mrd, fitness, subtype, cns,
    phase

  /// The words each key accepts, or nil for numeric keys.
  var allowedWords: [String]? {
    switch self {
    case .age, .wbc: return nil
    case .nciRisk: return ["standard", "high"]
    case .ph, .cd20, .mrd, .cns: return ["positive", "negative"]
    case .phLike: return ["true", "false"]
    case .fitness: return ["fit", "unfit"]
    case .subtype: return ["precursor-b", "burkitt", "t-cell", "ph-like"]
    case .phase: return ["newly-diagnosed", "post-induction", "cr1", "relapsed"]
    }
  }
}

/// A numeric range with inclusive or exclusive ends, written `">=65"`, `"<18"` or `"18-60"`.
public struct NumberRange: Sendable, Hashable, CustomStringConvertible {
  public var lower: Double?
  public var lowerInclusive = true
  public var upper: Double?
  public var upperInclusive = true

  public init?(_ text: String) {
    let t = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "≥", with: ">=")
      .replacingOccurrences(of: "≤", with: "<=")
    for (prefix, isLower, inclusive) in [
      (">=", true, true), ("<=", false, true), (">", true, false), ("<", false, false),
    ] where t.hasPrefix(prefix) {
      guard let value = Double(t.dropFirst(prefix.count)) else { return nil }
      if isLower {
        lower = value; lowerInclusive = inclusive
      } else {
        upper = value; upperInclusive = inclusive
      }
      return
    }
    let parts = t.split(separator: "-", omittingEmptySubsequences: false)
    if parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]), a <= b {
      lower = a
      upper = b
      return
    }
    if let exact = Double(t) {
      lower = exact
      upper = exact
      return
    }
    return nil
  }

  public func contains(_ value: Double) -> Bool {
    if let lower, lowerInclusive ? value < lower : value <= lower { return false }
    if let upper, upperInclusive ? value > upper : value >= upper { return false }
    return true
  }

  public var description: String {
    switch (lower, upper) {
    case (let l?, let u?) where l == u: return Self.show(l)
    case (let l?, let u?): return "\(Self.show(l))-\(Self.show(u))"
    case (let l?, nil): return (lowerInclusive ? "≥ " : "> ") + Self.show(l)
    case (nil, let u?): return (upperInclusive ? "≤ " : "< ") + Self.show(u)
    default: return "any"
    }
  }

  static func show(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}

/// One test of a `when` clause.
public struct Condition: Sendable, Hashable {
  public enum Test: Sendable, Hashable {
    case range(NumberRange)
    case oneOf([String])
  }

  /// The result of testing a condition against a patient.
  public enum Outcome: Sendable { case holds, fails, unknown }

  public var key: FactKey
  public var test: Test

  /// Tests the patient's fact; a fact the patient lacks is `unknown`, never `fails`.
  public func evaluate(_ patient: Patient) -> Outcome {
    switch (test, patient.value(for: key)) {
    case (.oneOf(let words), nil) where key == .phase && !words.contains("relapsed"):
      // Curbside's scope is first-line treatment: unless a relapse is stated, the patient is
      // taken to be on first-line therapy, so frontline-only statements need no caveat.
      return .holds
    case (_, nil): return .unknown
    case (.range(let range), .number(let value)?): return range.contains(value) ? .holds : .fails
    case (.oneOf(let words), .word(let word)?): return words.contains(word) ? .holds : .fails
    default: return .fails
    }
  }

  /// A short phrase for the patient group, e.g. "age ≥ 65", "Ph-positive".
  public var label: String {
    switch test {
    case .range(let range):
      let unit = key == .wbc ? " x10^9/L" : ""
      let name = key == .wbc ? "WBC" : key.rawValue
      if range.lower != nil, range.upper != nil, range.lower != range.upper {
        return "\(name) \(range)\(unit)"
      }
      return "\(name) \(range)\(unit)"
    case .oneOf(let words):
      let value = words.joined(separator: " or ")
      switch key {
      case .ph: return "Ph-\(value)"
      case .cd20: return "CD20-\(value)"
      case .mrd: return "MRD-\(value)"
      case .cns: return "CNS-\(value)"
      case .nciRisk where value == "infant": return "under 1 year (no NCI risk group)"
      case .nciRisk where value == "adult": return "adult (no NCI risk group)"
      case .nciRisk: return "NCI \(value) risk"
      case .phLike: return "Ph-like"
      case .subtype:
        return words.map { $0 == "burkitt" ? "Burkitt" : $0 == "precursor-b" ? "precursor B" : $0 }
          .joined(separator: " or ")
      case .fitness, .phase, .age, .wbc: return value
      }
    }
  }
}
