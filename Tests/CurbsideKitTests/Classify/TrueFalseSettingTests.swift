import CurbsideTestSupport
import Testing

@testable import CurbsideKit

@Suite struct TrueFalseSettingTests {
  let engine = Fixtures.engine

  @Test func findsTheOpeningInClauseOfATrueFalseStem() {
    let text = engine.classifier.normalizer.normalize(
      "True or false: in UKALL XII/E2993, autologous transplant gave better survival.")
    let setting = text.trueFalseSetting
    #expect(setting.map { text.tokens[$0].map(\.text) } == ["in", "ukall", "e2993"])
  }

  @Test func aStemWithoutASettingHasNone() {
    let text = engine.classifier.normalizer.normalize("True or false: blinatumomab is given weekly.")
    #expect(text.trueFalseSetting == nil)
  }

  @Test func theClaimDecidesTheTopicNotTheStudy() {
    let result = engine.classifier.classify(
      "True or false: in UKALL XII/E2993, autologous transplant beat chemotherapy.")
    #expect(result.intent == IntentID("transplant"), "\(result.reasonText)")
  }
}
