import CurbsideTestSupport
import Testing

@testable import CurbsideKit

@Suite struct DrugCoverageTests {
  let engine = Fixtures.engine

  func gap(_ line: String) -> String? {
    engine.drugs.gap(in: engine.classifier.normalizer.normalize(line))
  }

  @Test func aTargetedDrugNoStatementNamesIsAGap() {
    #expect(gap("ruxolitinib for Ph-like ALL?")?.contains("ruxolitinib") == true)
  }

  @Test func theDoseOfADrugNoStatementDosesIsAGap() {
    #expect(gap("dasatinib 140 vs 100 mg in Ph+ ALL?")?.contains("dose of dasatinib") == true)
    #expect(gap("what dasatinib dose?") != nil)
  }

  @Test func drugsTheKnowledgeNamesAndDosesAreNoGap() {
    #expect(gap("dasatinib or ponatinib with hyper-CVAD?") == nil)
    #expect(gap("blinatumomab dose in adults") == nil)
    #expect(gap("rituximab dose with hyper-CVAD") == nil)
    #expect(gap("rituxumab in CD20-positive ALL") == nil)
  }

  @Test func aQuestionAboutAnUncoveredDoseAbstains() {
    var session = engine.session()
    let response = session.respond(to: "dasatinib 140 vs 100 mg in Ph+ ALL induction?")
    #expect(response.abstained)
    #expect(response.intent == .outOfScope)
  }

  @Test func aDoseForAGroupNoDoseStatementOfTheDrugNamesIsAGap() {
    #expect(gap("mercaptopurine dose for TPMT poor metabolisers?")?.contains("tpmt") == true)
  }

  @Test func aRegimensIntensityIsNoDoseQuestion() {
    #expect(gap("high-dose methotrexate in children?") == nil)
  }
}
