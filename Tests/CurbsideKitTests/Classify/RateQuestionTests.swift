import CurbsideTestSupport
import Testing

@testable import CurbsideKit

@Suite struct RateQuestionTests {
  let engine = Fixtures.engine

  func asksRate(_ line: String) -> Bool {
    let tokens = engine.classifier.normalizer.normalize(line).tokens.map(\.text)
    return RateQuestion.asksRate(tokens, drugs: engine.drugs)
  }

  @Test func howCommonACoveredDrugsToxicityIsAsksARate() {
    #expect(asksRate("inotuzumab can cause liver problems, how common is that?"))
    #expect(asksRate("what rate of CRS was seen with Blincyto?"))
  }

  @Test func managingTheToxicityOrNamingNoCoveredDrugIsNoRate() {
    #expect(!asksRate("how common is CRS with blinatumomab and how do we manage it?"))
    #expect(!asksRate("how common is ALL in children?"))
  }

  @Test func theRateOfACoveredDrugsToxicityIsAnsweredByTheDrug() {
    var session = engine.session()
    let response = session.respond(
      to: "my dad may get inotuzumab. I read it can cause liver problems, how common is that?")
    #expect(response.intent == IntentID("drug.inotuzumab"))
  }
}
