import CurbsideTestSupport
import Foundation
import Testing

@testable import CurbsideKit

/// Floors on the labelled sets in Tests/Evaluation: a change that makes the classifier worse fails.
@Suite struct EvaluationFloorTests {
  func evaluate(_ name: String, minimum: Int = 300) throws -> Evaluation {
    let url = Fixtures.root.appendingPathComponent("Tests/Evaluation/\(name)")
    let text = try String(contentsOf: url, encoding: .utf8)
    let rows = try Evaluation.parse(text, path: name)
    try #require(rows.count >= minimum, "\(name) has only \(rows.count) labelled inputs")
    return Evaluation.run(rows, engine: Fixtures.engine)
  }

  /// The development set: tuned on, so its floors sit high.
  @Test func developmentSetStaysAccurate() throws {
    let evaluation = try evaluate("questions.tsv")
    #expect(evaluation.outOfScope.count >= 100)
    #expect(evaluation.accuracy >= 0.97, "\(evaluation.report)")
    #expect(evaluation.abstention >= 0.97, "\(evaluation.report)")
    #expect(evaluation.wrongAnswers <= 0.02, "\(evaluation.report)")
  }

  /// The held-out set, written blind: its floors are the product targets.
  @Test func heldOutSetMeetsTheTargets() throws {
    let evaluation = try evaluate("heldout.tsv")
    #expect(evaluation.accuracy >= 0.90, "\(evaluation.report)")
    #expect(evaluation.abstention >= 0.90, "\(evaluation.report)")
    #expect(evaluation.wrongAnswers <= 0.05, "\(evaluation.report)")
  }

  /// The second blind set: the product targets too.
  @Test func secondBlindSetMeetsTheTargets() throws {
    let evaluation = try evaluate("blind2.tsv", minimum: 200)
    #expect(evaluation.accuracy >= 0.90, "\(evaluation.report)")
    #expect(evaluation.abstention >= 0.90, "\(evaluation.report)")
    #expect(evaluation.wrongAnswers <= 0.05, "\(evaluation.report)")
  }

  /// The third to ninth blind sets (260, 200, 220, 240, 260, 240 and 200 lines): the product
  /// targets. blind9 met them when first measured, before anything was changed for it.
  @Test(arguments: [
    "blind3.tsv", "blind4.tsv", "blind5.tsv", "blind6.tsv", "blind7.tsv", "blind8.tsv", "blind9.tsv",
  ])
  func laterBlindSetsMeetTheTargets(_ name: String) throws {
    let evaluation = try evaluate(name, minimum: 200)
    #expect(evaluation.accuracy >= 0.90, "\(evaluation.report)")
    #expect(evaluation.abstention >= 0.90, "\(evaluation.report)")
    #expect(evaluation.wrongAnswers <= 0.05, "\(evaluation.report)")
  }

  /// Consultations written blind (a case, then follow-ups, what-ifs and corrections): turns are
  /// scored in their thread; the product target is 85% of turns on the right intent.
  @Test func consultationsKeepTheirTurnsOnTheRightIntent() throws {
    let evaluation = try evaluate("consultations-blind.tsv", minimum: 150)
    #expect(Set(evaluation.cases.map(\.expected)).count >= 20)
    #expect(evaluation.overall >= 0.90, "\(evaluation.report)")
    #expect(evaluation.wrongAnswers <= 0.05, "\(evaluation.report)")
  }

  /// Case descriptions written blind in the style of published case reports: 95% of the
  /// stated facts read right and 95% of the values read right (nothing invented).
  @Test(arguments: ["cases-blind.jsonl", "cases-blind2.jsonl"])
  func caseDescriptionsAreReadFactByFact(_ name: String) throws {
    let url = Fixtures.root.appendingPathComponent("Tests/Evaluation/\(name)")
    let rows = try FactEvaluation.parse(String(contentsOf: url, encoding: .utf8), path: name)
    try #require(rows.count >= 30)
    let evaluation = FactEvaluation.run(rows, engine: Fixtures.engine)
    #expect(evaluation.stated >= 150)
    #expect(evaluation.recall >= 0.95, "\(evaluation.report)\n\(evaluation.misses)")
    #expect(evaluation.precision >= 0.95, "\(evaluation.report)\n\(evaluation.misses)")
  }

  @Test func everyIntentOfTheTaxonomyIsInTheDevelopmentSet() throws {
    let evaluation = try evaluate("questions.tsv")
    let labelled = Set(evaluation.cases.map(\.expected))
    #expect(labelled == Set(IntentID.all))
  }
}
