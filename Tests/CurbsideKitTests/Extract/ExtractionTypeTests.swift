import CurbsideTestSupport
import Testing

@testable import CurbsideKit

/// One test per fact type: the phrasings a physician or a case report uses, each read to the
/// same value, and the look-alikes that must not be read.
@Suite struct ExtractionTypeTests {
  typealias Value = CaseReportExtractionTests.Value

  func read(_ text: String) -> [PatientField: Value] { CaseReportExtractionTests.facts(text) }

  @Test(arguments: [
    ("72", 72.0), ("72-year-old", 72), ("72 yo", 72), ("72M", 72), ("aged 72", 72),
    ("a 4-month-old infant", 0.33), ("15-year-old boy", 15), ("72 y/o man", 72), ("72 y.o. woman", 72),
    ("72 years old", 72), ("age: 72", 72), ("at the age of 72 she was diagnosed", 72),
    ("a 72 year old", 72), ("an 18-month-old toddler", 1.5), ("a twenty-two-year-old man", 22),
    ("she is 68", 68), ("he's 70 now", 70), ("the patient was 16 at diagnosis", 16),
    ("45F, Ph+", 45), ("72 M with ALL", 72), ("female, 64, B-ALL", 64), ("a 72-yr-old", 72),
    ("Patient: 50 years, male", 50), ("a 4½-year-old boy", 4.5), ("not 72 but 68", 68),
  ])
  func readsAge(_ text: String, _ age: Double) {
    #expect(read(text)[.age] == .n(age), "\(text)")
  }

  @Test(arguments: [
    "in her 70s", "patients aged 60 or older", "children under 10 years of age", "up to age 39",
    "median age 45 years", "aged 1-9 years", "for age 60 and above", "adults >60 years of age",
    "he is 3 weeks post-transplant", "she is 45 kg", "maintenance for 2 years", "3-year OS 85%",
    "UKALL 14 induction", "1.5 m tall", "HD-MTX 5 g/m2", "patient 2 had a relapse",
    "his brother, a 30-year-old man, was the donor",
  ])
  func readsNoAgeFromBoundsDurationsOrDoses(_ text: String) {
    #expect(read(text)[.age] == nil, "\(text)")
  }

  @Test(arguments: [
    ("a 72-year-old woman", "female"), ("72M", "male"), ("45 yo F", "female"),
    ("a 6-year-old girl", "female"),
    ("a 15-year-old boy", "male"), ("she is 68", "female"), ("his WBC was 12k", "male"),
    ("a 60-year-old man with an HLA-matched female donor", "male"),
    ("a 50-year-old woman; her son is the donor", "female"), ("elderly gentleman", "male"),
  ])
  func readsSex(_ text: String, _ sex: String) {
    #expect(read(text)[.sex] == .w(sex), "\(text)")
  }

  @Test(arguments: [
    ("WBC 45k", 45.0), ("WBC 45,000/µL", 45), ("WBC 45,000 cells/mm3", 45), ("WBC 45 x10^9/L", 45),
    ("WBC 45 ×10⁹/L", 45), ("WBC 45 G/L", 45), ("WBC of 120,000", 120), ("leukocytes 3.2", 3.2),
    ("white count 8.6 × 10^4/µL", 86), ("WBC 67 × 10³/µL", 67), ("WBC 45.000/µL", 45), ("WBC 12,4 G/L", 12.4),
    ("WBC 125.000/µL", 125),
    ("TLC 12,000/cumm", 12), ("white blood cell (WBC) count of 86 × 10⁹/L", 86), ("WBC 4500", 4.5),
    ("hyperleukocytosis (WBC 450 x 10^9/l)", 450), ("45k WBC", 45), ("WBC 150K/uL", 150),
    ("leukocyte count was elevated at 23.4 x 10e9/L", 23.4), ("white cell count 7.8 x 10^9/l", 7.8),
  ])
  func readsWBCInAnyUnit(_ text: String, _ wbc: Double) {
    #expect(read(text)[.wbc] == .n(wbc), "\(text)")
  }

  @Test(arguments: [
    "WBC over 30 in B-ALL - high risk?", "CSF WBC 5/µL with blasts", "platelets 45 x 10^9/L",
    "80% blasts", "WBC >50 is high risk", "hemoglobin 8.2 g/dL, ANC 0.5 x 10^9/L",
    "white count normal",
  ])
  func readsNoWBCFromOtherCounts(_ text: String) {
    #expect(read(text)[.wbc] == nil, "\(text)")
  }

  @Test(arguments: [
    ("CD20 45%", "positive", 45.0), ("CD20 10%", "negative", 10),
    ("CD20 expression in 35% of blasts", "positive", 35),
    ("35% of blasts were CD20-positive", "positive", 35), ("CD20 (25%)", "positive", 25),
    ("CD20 dim (15%)", "negative", 15), ("CD20: 20%", "positive", 20),
    ("CD20 was expressed on 60% of blasts", "positive", 60),
  ])
  func readsCD20PercentWithTheTwentyPercentRule(_ text: String, _ status: String, _ percent: Double) {
    let facts = read(text)
    #expect(facts[.cd20] == .w(status), "\(text)")
    #expect(facts[.cd20Percent] == .n(percent), "\(text)")
  }

  @Test(arguments: [
    ("CD20+", "positive"), ("CD20-", "negative"), ("CD20-negative", "negative"),
    ("CD20 negative", "negative"),
    ("CD20 pos", "positive"), ("CD20 (+)", "positive"), ("CD19+, CD20−, CD34+", "negative"),
    ("negative for CD20", "negative"), ("blasts were negative for CD3, CD20 and MPO", "negative"),
    ("blasts expressed CD19, CD10 and CD20", "positive"), ("CD20 and CD22 were positive", "positive"),
    ("not CD20 positive", "negative"), ("CD20 was negative (<5%)", "negative"), ("CD20 dim", "positive"),
  ])
  func readsCD20Status(_ text: String, _ status: String) {
    #expect(read(text)[.cd20] == .w(status), "\(text)")
  }

  @Test(arguments: [
    "is rituximab indicated when CD20 is at least 20%?", "anti-CD20 antibody", "CD20-directed therapy",
    "80% blasts, CD19+", "rituximab for CD20 ≥20%?", "CD20 threshold of 20% meaning", "CD20 status unknown",
  ])
  func readsNoCD20FromThresholdsOrDrugs(_ text: String) {
    let facts = read(text)
    #expect(facts[.cd20] == nil && facts[.cd20Percent] == nil, "\(text)")
  }

  @Test(arguments: [
    ("Ph+", "positive"), ("Ph-positive", "positive"), ("Ph negative", "negative"), ("Ph-", "negative"),
    ("Philadelphia chromosome-positive", "positive"), ("BCR::ABL1 positive", "positive"),
    ("BCR-ABL negative", "negative"),
    ("BCR-ABL1 p190 detected", "positive"), ("t(9;22)(q34;q11) on karyotype", "positive"),
    ("t(9;22) not detected", "negative"),
    ("not Ph+", "negative"), ("negative for BCR-ABL1", "negative"), ("no t(9;22)", "negative"),
    ("BCR::ABL1 and KMT2A rearrangements were not detected", "negative"), ("non-Ph ALL", "negative"),
    ("RT-PCR for BCR-ABL1 was negative", "negative"), ("BCR::ABL1 ALL", "positive"),
    ("BCR-ABL1+", "positive"),
    ("karyotype 46,XY,t(9;22)(q34;q11.2)[20]", "positive"), ("Ph-neg B-ALL", "negative"),
  ])
  func readsPhiladelphiaStatus(_ text: String, _ status: String) {
    #expect(read(text)[.ph] == .w(status), "\(text)")
  }

  @Test func readsPhLikeApartFromPh() {
    let facts = read("BCR-ABL1 negative, Ph-like signature with CRLF2 rearrangement")
    #expect(facts[.ph] == .w("negative"))
    #expect(facts[.phLike] == .w("true"))
    #expect(facts[.subtype] == .w("ph-like"))
    #expect(read("BCR-ABL1-like ALL")[.phLike] == .w("true"))
    #expect(read("BCR-ABL1-like ALL")[.ph] == nil)
    #expect(read("not Ph-like")[.phLike] == nil)
    #expect(read("pH 7.2")[.ph] == nil)
  }

  @Test(arguments: [
    ("precursor B-ALL", "precursor-b"), ("pre-B ALL", "precursor-b"),
    ("B-lymphoblastic leukemia", "precursor-b"),
    ("BCP-ALL", "precursor-b"), ("a 30-year-old with B-cell acute lymphoblastic leukemia", "precursor-b"),
    ("Burkitt leukemia", "burkitt"), ("mature B-ALL", "burkitt"), ("FAB L3 morphology", "burkitt"),
    ("surface immunoglobulin positive blasts", "burkitt"), ("sIgM+ blasts", "burkitt"),
    ("t(8;14)", "burkitt"),
    ("MYC rearrangement by FISH", "burkitt"), ("T-ALL", "t-cell"),
    ("T-cell lymphoblastic leukemia", "t-cell"),
    ("ETP-ALL", "t-cell"), ("CD19+, CD10+, TdT+, CD34+", "precursor-b"),
  ])
  func readsSubtype(_ text: String, _ subtype: String) {
    #expect(read(text)[.subtype] == .w(subtype), "\(text)")
  }

  @Test(arguments: [
    "not Burkitt", "no MYC rearrangement", "CAR T-cell therapy", "Burkitt was excluded",
    "what is the treatment of B-ALL?", "cCD3+, CD7+, TdT+", "mature B-cell ALL vs precursor B-ALL",
    "Burkitt or not?",
  ])
  func readsNoSubtypeFromDenialsOrTheDomainName(_ text: String) {
    #expect(read(text)[.subtype] == nil, "\(text)")
  }
}
