import CurbsideTestSupport
import Testing

@testable import CurbsideKit

@Suite struct LetteredOptionsTests {
  let normalizer = Fixtures.engine.classifier.normalizer

  @Test func findsWhereTheOptionsStart() {
    let text = normalizer.normalize("Which is an error? (a) testing MRD (b) giving CNS prophylaxis")
    let start = text.optionsStart
    #expect(start.map { text.tokens[$0].text } == "a")
  }

  @Test func aLineWithoutLetteredOptionsHasNone() {
    #expect(normalizer.normalize("is a 4-drug induction (with asparaginase) better?").optionsStart == nil)
  }

  @Test func optionTermsWeighLessThanStemTerms() {
    let classifier = Fixtures.engine.classifier
    let result = classifier.classify(
      "Which of the following is a recognised error in initial management? (a) assessing MRD"
        + " after induction (b) giving CNS prophylaxis")
    #expect(result.intent == IntentID("pitfalls"), "\(result.reasonText)")
  }
}
