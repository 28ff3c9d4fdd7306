/// Which statements of a topic an answer shows, holds back or excludes, and why.
public struct Selection: Sendable {
  public var intent: IntentID
  public var title: String
  public var shown: [Statement] = []
  /// Statements that apply but were held back for `more`.
  public var heldBack: [Statement] = []
  /// Statements ruled out by a known fact, with the condition that failed.
  public var excluded: [(Statement, Condition)] = []
  /// "age 72 (≥ 60)", "Ph-negative": the facts that chose statements.
  public var reasons: [String] = []
  /// Condition keys whose facts are unknown, with the label of each condition that depends on them.
  public var unknown: [(FactKey, [String])] = []
  /// The patient the selection was made for.
  public var patient: Patient

  /// The outcome of all of a statement's conditions together.
  static func outcome(_ statement: Statement, _ patient: Patient) -> Condition.Outcome {
    let all = outcome(of: statement.when, patient)
    guard all != .fails, !statement.whenAny.isEmpty else { return all }
    let alternatives = statement.whenAny.map { outcome(of: $0, patient) }
    if alternatives.contains(.holds) { return all }
    if alternatives.allSatisfy({ $0 == .fails }) { return .fails }
    return .unknown
  }

  /// All conditions together: fails if one fails, unknown if one is unknown, else holds.
  static func outcome(of conditions: [Condition], _ patient: Patient) -> Condition.Outcome {
    var result = Condition.Outcome.holds
    for condition in conditions {
      switch condition.evaluate(patient) {
      case .fails: return .fails
      case .unknown: result = .unknown
      case .holds: break
      }
    }
    return result
  }

  /// "age ≥ 60 or unfit": the alternatives of a statement as a label.
  static func alternativesLabel(_ statement: Statement) -> String {
    statement.whenAny.map { $0.map(\.label).joined(separator: ", ") }.joined(separator: " or ")
  }
}
