import CurbsideTestSupport
import Testing

@testable import CurbsideKit

@Suite struct ClassifierTests {
  let classifier = Fixtures.engine.classifier

  @Test(arguments: [
    ("hyperCVAD CR rate?", "regimen.hypercvad"),
    ("Rituximab in B-lineage adult ALL", "therapy.rituximab"),
    ("Blincyto for MRD positive disease", "drug.blinatumomab"),
    ("IT MTX vs triple intrathecal", "cns.prophylaxis"),
    ("dexamethasone or prednisone in induction", "steroid.choice"),
    ("Ph+ ALL: which TKI?", "ph.positive"),
  ])
  func classifiesTypicalQuestions(_ question: String, _ expected: String) {
    let result = classifier.classify(question)
    #expect(result.intent == IntentID(expected), "\(question): \(result.reasonText)")
    #expect(!result.abstained)
  }

  @Test(arguments: [
    "imatinib dose in CML", "MRD in CLL", "rituximab in follicular lymphoma",
    "first-line treatment of diabetes", "maintenance after ASCT in myeloma",
  ])
  func abstainsOnNearMissesOutsideBALL(_ question: String) {
    let result = classifier.classify(question)
    #expect(result.abstained, "\(question) was taken by \(result.intent)")
    #expect(result.intent == .outOfScope)
  }

  @Test func explainsAbstentionWithAReason() {
    let result = classifier.classify("imatinib dose in CML")
    guard case .foreign(let label) = result.reason else {
      Issue.record("expected a foreign-disease abstention, got \(result.reason)")
      return
    }
    #expect(!label.isEmpty)
    #expect(result.reasonText.contains("outside B-ALL"))
  }

  @Test func emptyLineAbstainsAsEmpty() {
    let result = classifier.classify("   ")
    #expect(result.abstained)
    #expect(result.reason == .empty)
  }

  @Test func rankingIsDeterministicAndSorted() {
    let a = classifier.classify("blinatumomab MRD consolidation")
    let b = classifier.classify("blinatumomab MRD consolidation")
    #expect(a.ranking.map(\.intent) == b.ranking.map(\.intent))
    let scores = a.ranking.map(\.score)
    #expect(scores == scores.sorted(by: >))
  }

  @Test func confidenceAndMarginStayInRange() {
    for question in ["blina", "what is MRD", "hello", "asdf qwerty"] {
      let result = classifier.classify(question)
      #expect((0...1).contains(result.confidence))
      #expect((0...1).contains(result.margin))
    }
  }

  @Test func noRandomInputYieldsAnIdOutsideTheTaxonomy() {
    var generator = SeededGenerator(seed: 7)
    let words = [
      "blina", "mrd", "cml", "dose", "hyper", "cvad", "child", "ph", "+", "?", "🙂", "\u{0}", "年", "of", "the",
    ]
    for _ in 0..<300 {
      let line = (0..<Int.random(in: 0...8, using: &generator))
        .map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
      #expect(IntentID.all.contains(classifier.classify(line).intent))
    }
  }
}
