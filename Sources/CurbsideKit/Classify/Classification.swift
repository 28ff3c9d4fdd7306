/// The outcome of classifying one line: the decision, its reason, and the ranked evidence.
public struct Classification: Sendable {
  /// A term that fired for a candidate.
  public struct Fired: Sendable, Hashable {
    public var term: String
    public var weight: Double
    public var negative: Bool
  }

  /// One intent's score and what made it.
  public struct Candidate: Sendable {
    public var intent: IntentID
    public var score: Double
    public var fired: [Fired]
    /// False when the intent's `requires` groups were not met (its score is then 0).
    public var requirementsMet: Bool
  }

  /// Why the decision came out as it did.
  public enum Reason: Sendable, Equatable {
    case command
    case matched
    case foreign(String)
    /// The line asks about a drug, or a drug's dose, that the knowledge does not give.
    case uncovered(String)
    case outOfScopeTopic
    case noMatch
    case weak(score: Double)
    case unsure(runnerUp: IntentID)
    case empty
  }

  public var intent: IntentID
  public var confidence: Double
  public var abstained: Bool
  public var reason: Reason
  /// Candidates with a positive score, best first; ties broken by id.
  public var ranking: [Candidate]
  public var normalized: NormalizedText

  public var best: Candidate? { ranking.first }
  public var runnerUp: Candidate? { ranking.count > 1 ? ranking[1] : nil }
  /// The winner's lead over the runner-up, as a fraction of the winner's score.
  public var margin: Double {
    guard let best, best.score > 0 else { return 0 }
    return (best.score - (runnerUp?.score ?? 0)) / best.score
  }

  /// The same evidence, decided as an abstention for `reason`.
  public func abstaining(_ reason: Reason) -> Classification {
    var copy = self
    copy.intent = .outOfScope
    copy.abstained = true
    copy.reason = reason
    copy.confidence = 0
    return copy
  }

  /// True when the line is about something outside the knowledge, not merely unclear.
  public var isOffTopic: Bool {
    switch reason {
    case .foreign, .outOfScopeTopic, .uncovered: return true
    default: return false
    }
  }

  /// A sentence saying why, for `explain` and abstentions.
  public var reasonText: String {
    switch reason {
    case .command: return "the whole line is a command of \(intent)"
    case .matched:
      return "best score \(Self.format(best?.score ?? 0)) with confidence "
        + "\(Self.format(confidence)) and margin \(Self.format(margin))"
    case .foreign(let label): return "it names \(label), which is outside B-ALL"
    case .outOfScopeTopic: return "its topic is outside the guideline knowledge"
    case .uncovered(let gap): return "it asks about \(gap)"
    case .noMatch: return "no intent's terms matched"
    case .weak(let score):
      return "the best score \(Self.format(score)) is below the minimum evidence"
    case .unsure(let runnerUp):
      return "\(best?.intent.rawValue ?? "?") and \(runnerUp) are too close to choose"
    case .empty: return "the line is empty"
    }
  }

  static func format(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}
