/// The numbers that decide when Curbside answers and when it abstains.
///
/// Measured with `curbside eval Tests/Evaluation/questions.tsv`; change them only with a
/// measurement, and say which in the commit.
public struct Thresholds: Sendable {
  /// The winning intent needs at least this much evidence: one term that suggests the topic
  /// (weight 2, e.g. "induction?") or two weak cues. A single weak shared cue (weight 1) is a
  /// guess. Measured: 2.5 → 2.0 left the held-out set unchanged (97.7% in scope, 99.0%
  /// abstention) and cost one development near-miss (100.0% → 99.5% abstention), while short
  /// follow-ups such as "induction?" and "best induction?" are answered instead of refused.
  public var minimumScore: Double = 2.0
  /// Confidence is `best / (best + runnerUp + smoothing)`; below this, two intents are too
  /// close, or the evidence too thin, to answer.
  public var minimumConfidence: Double = 0.45
  /// The winner must lead the runner-up by this fraction of its own score.
  public var minimumMargin: Double = 0.2
  /// Added to the denominator of the confidence, so a small score alone cannot be certain.
  public var smoothing: Double = 1.0

  public init() {}

  public static let standard = Thresholds()
}
