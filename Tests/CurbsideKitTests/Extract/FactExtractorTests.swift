import CurbsideTestSupport
import Testing

@testable import CurbsideKit

@Suite struct FactExtractorTests {
  /// The patient after one line in a fresh session.
  func patient(_ line: String) -> Patient {
    var session = Fixtures.engine.session()
    return session.respond(to: line).patient
  }

  @Test(arguments: [
    ("72-year-old woman", 72.0), ("72 yo", 72), ("72 y/o man", 72), ("72M with ALL", 72),
    ("aged 72", 72), ("a 15-year-old boy", 15), ("a 4-month-old infant", 0.33),
    // relatives' ages and the age at an earlier event are not the patient's
    ("a 9-year-old girl with precursor B-ALL whose 38-year-old mother had lymphoma", 9),
    ("an 85-year-old widow; her 60-year-old son asks", 85),
    ("a 24-year-old man, treated for ALL at age 5, relapsed", 24),
  ])
  func readsAge(_ line: String, _ age: Double) {
    #expect(patient(line).age == age, "\(line)")
  }

  @Test(arguments: [
    ("WBC 45k", 45.0), ("WBC 45,000/µL", 45), ("WBC 45,000 cells/mm3", 45), ("WBC 45 x10^9/L", 45),
    ("WBC 45 ×10⁹/L", 45), ("WBC 45 G/L", 45), ("white count of 120", 120),
    ("his initial WBC had been 310,000/mm³", 310), ("WBC was initially reported as 150, corrected to 15", 15),
  ])
  func readsWBCInAnyUnit(_ line: String, _ wbc: Double) {
    #expect(patient(line).wbc == wbc, "\(line)")
  }

  @Test(arguments: [
    ("Cytogenetics identified the Philadelphia chromosome", "positive"),
    ("FISH did not show the Philadelphia chromosome", "negative"),
    ("the BCR::ABL1 assay was negative", "negative"),
  ])
  func readsPhFromFindingVerbsAndAssays(_ line: String, _ status: String) {
    #expect(patient(line)[.ph]?.word == status, "\(line)")
  }

  @Test(arguments: [
    "A 17-year-old girl: the blasts were CD19+, CD22+ and CD10+",
    "An 11-month-old boy with CD19-positive, CD10-negative B-lineage lymphoblasts",
    "A 27-year-old man with B-ALL (BCR-ABL1 negative)",
  ])
  func readsPrecursorBFromAnImmunophenotypeOrBesideANegativeGene(_ line: String) {
    #expect(patient(line)[.subtype]?.word == "precursor-b", "\(line)")
  }

  @Test func readsCD20WithPercentAndTheTwentyPercentRule() {
    #expect(patient("CD20 45%")[.cd20]?.word == "positive")
    #expect(patient("CD20 45%")[.cd20Percent]?.number == 45)
    #expect(patient("CD20 10%")[.cd20]?.word == "negative")
    #expect(patient("CD20-negative")[.cd20]?.word == "negative")
    #expect(patient("CD20+")[.cd20]?.word == "positive")
  }

  @Test func readsPhiladelphiaStatusAndNegation() {
    #expect(patient("Ph+ ALL")[.ph]?.word == "positive")
    #expect(patient("BCR::ABL1 positive")[.ph]?.word == "positive")
    #expect(patient("t(9;22) detected")[.ph]?.word == "positive")
    #expect(patient("Ph negative")[.ph]?.word == "negative")
    #expect(patient("not Ph+")[.ph]?.word == "negative")
    #expect(patient("Ph-like ALL")[.ph] == nil)
    #expect(patient("Ph-like ALL")[.phLike] != nil)
  }

  @Test func readsMRDStatusAndLevels() {
    let a = patient("MRD 0.01% after induction")
    #expect(a[.mrd]?.word == "positive")
    #expect(a[.mrdLevel]?.number == 0.0001)
    #expect(patient("MRD 10^-3")[.mrdLevel]?.number == 0.001)
    #expect(patient("MRD 1e-4")[.mrdLevel]?.number == 0.0001)
    #expect(patient("MRD negative")[.mrd]?.word == "negative")
    #expect(patient("MRD-positive")[.mrd]?.word == "positive")
  }

  @Test func readsSubtypeFitnessAndGenetics() {
    #expect(patient("Burkitt leukemia")[.subtype]?.word == "burkitt")
    #expect(patient("ECOG 2")[.ecog]?.number == 2)
    #expect(patient("frail")[.fitness]?.word == "unfit")
    #expect(patient("KMT2A rearranged")[.genetics]?.word?.contains("KMT2A") == true)
    #expect(patient("no CNS disease")[.cns]?.word == "negative")
  }

  @Test func everyFactKeepsItsSpanAndTurn() {
    let facts = FactExtractor().extract("72 yo woman, wbc 45k", turn: 3)
    #expect(!facts.isEmpty)
    for fact in facts {
      #expect(fact.turn == 3)
      #expect(!fact.source.isEmpty)
      #expect(fact.span.lowerBound < fact.span.upperBound)
    }
  }

  @Test func correctionsReplaceEarlierFacts() {
    var session = Fixtures.engine.session()
    _ = session.respond(to: "72-year-old woman")
    let response = session.respond(to: "actually she is 68")
    #expect(response.patient.age == 68)
  }

  @Test func questionsWithoutFactsInventNone() {
    for line in ["what is hyper-CVAD?", "blinatumomab dose", "maintenance for 2 years?", "why"] {
      #expect(patient(line).age == nil, "\(line)")
    }
  }
}
