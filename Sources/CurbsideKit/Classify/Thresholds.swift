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
  /// When the runner-up is `out_of_scope`, the question names something outside the knowledge
  /// ("blina CRS: tocilizumab dose?", "antiemetics for hyper-CVAD"): the winner must lead by
  /// this larger margin. Measured over 0, 0.3, 0.4, 0.5 and 0.6 on every set: 0.4 raised
  /// abstention on blind5 (first measured before it) from 81.1% to 85.6% and on blind4 from
  /// 94.4% to 97.2%, cut wrong answers from 8.6% to 6.8% and 3.5% to 2.5%, and cost one
  /// in-scope answer each on the development set and blind3; 0.5 gained nothing more, and
  /// 0.6 cost blind4 1.5 points of in-scope accuracy.
  public var minimumMarginOverOutOfScope: Double = 0.4
  /// A term inside a board-review stem's lettered options ("(a) testing BCR::ABL1 (b) giving
  /// Burkitt-type therapy ...") counts this share of its weight: the options name the topics
  /// the question is choosing between, the stem names what it asks. Measured on the 30 lines
  /// with lettered options across every set: 0.5 against 1 gained one in-scope answer (an
  /// error named in the stem), lost one whose topic only the options name, and turned one wrong
  /// answer into an abstention; no set's figures moved otherwise.
  public var optionWeight: Double = 0.5
  /// Added to the denominator of the confidence, so a small score alone cannot be certain.
  public var smoothing: Double = 1.0

  public init() {}

  public static let standard = Thresholds()
}
