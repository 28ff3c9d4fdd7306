/// The `explain` report: how one line was read and why it got its intent.
public struct Explanation: Sendable {
  public var response: Response
  public var thresholds: Thresholds

  public init(response: Response, thresholds: Thresholds) {
    self.response = response
    self.thresholds = thresholds
  }

  public var text: String {
    let c = response.classification
    let f = Classification.format
    var lines = ["input: \(InputSanitizer.clean(response.input))", "normalised: \(c.normalized.text)"]
    let corrected = c.normalized.tokens.filter { $0.original != nil }
    if !corrected.isEmpty {
      lines.append("rewritten: " + corrected.map { "\($0.original!) -> \($0.text)" }.joined(separator: ", "))
    }
    lines.append("")
    lines.append("candidates:")
    if c.ranking.isEmpty { lines.append("  (none: no intent's terms matched)") }
    for (rank, candidate) in c.ranking.prefix(5).enumerated() {
      let fired = candidate.fired.map { ($0.negative ? "-" : "+") + "\(f($0.weight)) \"\($0.term)\"" }
      lines.append("  \(rank + 1). \(candidate.intent)  score \(f(candidate.score))")
      lines.append("     fired: " + fired.joined(separator: ", "))
    }
    lines.append("")
    lines.append("runner-up: \(c.runnerUp.map { "\($0.intent) (\(f($0.score)))" } ?? "none")")
    lines.append("margin: \(f(c.margin))  confidence: \(f(c.confidence))")
    lines.append(
      "thresholds: score >= \(f(thresholds.minimumScore)), confidence >= \(f(thresholds.minimumConfidence)), margin >= \(f(thresholds.minimumMargin)) (\(f(thresholds.minimumMarginOverOutOfScope)) over out_of_scope)"
    )
    lines.append("classifier: \(c.abstained ? "abstain" : c.intent.rawValue), because \(c.reasonText)")
    let facts = response.patient.isEmpty ? "none" : response.patient.summary
    lines.append("patient facts: \(facts)")
    lines.append("decision: \(response.intent)\(response.abstained ? " (abstained)" : "")")
    return lines.joined(separator: "\n") + "\n"
  }
}
