import CurbsideTestSupport
import Testing

@testable import CurbsideKit

/// CNS, MRD, genetics, fitness, time to CR and phase: each phrasing read to its value, and the
/// topic mentions ("CNS prophylaxis", "MRD threshold") read as nothing.
@Suite struct ExtractionDiseaseTests {
  typealias Value = CaseReportExtractionTests.Value

  func read(_ text: String) -> [PatientField: Value] { CaseReportExtractionTests.facts(text) }

  @Test(arguments: [
    ("CNS1", "negative"), ("CNS 2", "positive"), ("CNS-3", "positive"), ("CNS status: CNS3", "positive"),
    ("CNS involvement", "positive"), ("no CNS disease", "negative"), ("without CNS involvement", "negative"),
    ("CSF negative", "negative"), ("CSF was negative for blasts", "negative"), ("CNS negative", "negative"),
    ("no evidence of CNS disease", "negative"), ("blasts in the CSF", "positive"),
    ("CSF cytospin showed blasts", "positive"),
    ("CNS positive", "positive"), ("with leptomeningeal involvement", "positive"), ("CSF clear", "negative"),
    ("developed an isolated CNS relapse", "positive"), ("CSF shows 8 WBC/µL with blasts", "positive"),
    ("no mediastinal mass, hepatosplenomegaly or CNS involvement", "negative"),
  ])
  func readsCNSStatus(_ text: String, _ status: String) {
    #expect(read(text)[.cns] == .w(status), "\(text)")
  }

  @Test(arguments: [
    "CNS prophylaxis for B-ALL", "CNS-directed therapy", "what is the risk of CNS relapse?",
    "Prevention of CNS relapse: systemic vs intrathecal therapy", "how is CNS involvement treated?",
  ])
  func readsNoCNSStatusFromTopics(_ text: String) {
    #expect(read(text)[.cns] == nil, "\(text)")
  }

  @Test(arguments: [
    ("MRD 0.01%", "positive", 0.0001), ("MRD 10^-3", "positive", 0.001), ("MRD 10⁻⁴", "positive", 0.0001),
    ("MRD 1e-4", "positive", 0.0001), ("MRD <0.01%", "negative", 0.0001),
    ("MRD 1 x 10^-5", "negative", 0.00001),
    ("MRD-negative (<10⁻⁴)", "negative", 0.0001), ("MRD of 2.5 × 10⁻³", "positive", 0.0025),
    ("minimal residual disease (MRD) of 0.05%", "positive", 0.0005), ("MRD below 0.01%", "negative", 0.0001),
    ("MRD 10e-4", "positive", 0.0001), ("MRD was 1.2%", "positive", 0.012),
  ])
  func readsMRDLevels(_ text: String, _ status: String, _ level: Double) {
    let facts = read(text)
    #expect(facts[.mrd] == .w(status), "\(text)")
    #expect(facts[.mrdLevel] == .n(level), "\(text)")
  }

  @Test(arguments: [
    ("MRD positive after induction", "positive", "after induction"),
    ("MRD-negative at day 29", "negative", "day 29"),
    ("end-of-induction MRD was negative", "negative", "end of induction"),
    ("MRD at the end of consolidation was undetectable", "negative", "end of consolidation"),
    ("day 15 MRD 5%", "positive", "day 15"), ("post-induction MRD positivity", "positive", "after induction"),
    ("MRD negative before transplant", "negative", "before transplant"), ("d29 MRD+", "positive", "day 29"),
    ("no detectable MRD after 2 cycles", "negative", "after 2 cycles"),
  ])
  func readsMRDStatusWithItsTimePoint(_ text: String, _ status: String, _ when: String) {
    let facts = read(text)
    #expect(facts[.mrd] == .w(status), "\(text)")
    #expect(facts[.mrdTimepoint] == .w(when), "\(text)")
  }

  @Test func readsTheLastOfSeveralMRDReadings() {
    let facts = read("The MRD level was 2 x 10^-2 at the end of induction and 10^-4 after consolidation.")
    #expect(facts[.mrdLevel] == .n(0.0001))
    #expect(facts[.mrdTimepoint] == .w("after consolidation"))
    let two = read("day 8 peripheral blood MRD 0.8% and end-of-induction MRD <0.01%")
    #expect(two[.mrd] == .w("negative"))
    #expect(two[.mrdTimepoint] == .w("end of induction"))
    let below = read("MRD measured by 8-color flow was 0.002% at day 29 (below the 0.01% threshold).")
    #expect(below[.mrdLevel] == .n(0.00002))
    #expect(below[.mrd] == .w("negative"))
  }

  @Test(arguments: [
    "MRD 10^-4 threshold meaning", "MRD pending", "MRD-guided therapy in B-ALL",
    "MRD in childhood ALL at day 29",
    "is blinatumomab given when MRD is at least 0.01%?", "MRD results not yet available",
  ])
  func readsNoMRDFromTopicsOrThresholds(_ text: String) {
    let facts = read(text)
    #expect(facts[.mrd] == nil && facts[.mrdLevel] == nil && facts[.mrdTimepoint] == nil, "\(text)")
  }

  @Test(arguments: [
    ("KMT2A-rearranged", "KMT2A-rearranged"), ("MLL rearrangement", "KMT2A-rearranged"),
    ("t(4;11)(q21;q23)", "KMT2A-rearranged"),
    ("KMT2A::AFF1 fusion", "KMT2A-rearranged"), ("low hypodiploid karyotype", "low hypodiploidy"),
    ("near-haploid", "near-haploid hypodiploidy"), ("karyotype 35,XY,-3,-7", "low hypodiploidy"),
    ("complex karyotype", "complex karyotype"), ("TP53 mutation", "TP53"), ("IKZF1plus", "IKZF1plus"),
    ("IKZF1 deletion", "IKZF1 deletion"), ("TP53 mutated, IKZF1 deleted", "TP53, IKZF1 deletion"),
    ("del(17p)", "TP53"),
  ])
  func readsGenetics(_ text: String, _ genetics: String) {
    #expect(read(text)[.genetics] == .w(genetics), "\(text)")
  }

  @Test(arguments: [
    "no KMT2A rearrangement", "TP53 wild-type", "negative for BCR::ABL1 and KMT2A", "IKZF1 intact",
    "KMT2A rearrangement was not detected", "TP53 mutation in adult ALL, impact?", "what about t(4;11)?",
    "karyotype 46,XX",
  ])
  func readsNoGeneticsFromDenialsOrTopics(_ text: String) {
    #expect(read(text)[.genetics] == nil, "\(text)")
  }

  @Test(arguments: [
    ("ECOG 2", 2.0), ("ECOG PS 1", 1), ("PS 3", 3), ("performance status (ECOG) 0", 0), ("WHO PS 2", 2),
    ("ECOG performance status of 4", 4),
  ])
  func readsECOG(_ text: String, _ ecog: Double) {
    #expect(read(text)[.ecog] == .n(ecog), "\(text)")
  }

  @Test(arguments: ["ECOG E1910 results", "ECOG 0-1 patients", "Karnofsky 70%", "ECOG 5"])
  func readsNoECOGFromTrialsOrRanges(_ text: String) {
    #expect(read(text)[.ecog] == nil, "\(text)")
  }

  @Test(arguments: [
    ("fit", "fit"), ("frail", "unfit"), ("unfit", "unfit"),
    ("medically fit for intensive chemotherapy", "fit"),
    ("not fit for intensive chemo", "unfit"), ("not a candidate for intensive chemotherapy", "unfit"),
    ("significant frailty", "unfit"),
  ])
  func readsFitness(_ text: String, _ fitness: String) {
    #expect(read(text)[.fitness] == .w(fitness), "\(text)")
  }

  @Test func readsNoFitnessFromAQuestionAboutIt() {
    #expect(read("is she fit for hyper-CVAD?")[.fitness] == nil)
    #expect(read("induction options for fit adults")[.fitness] == nil)
  }

  @Test(arguments: [
    ("heart failure", "heart failure"), ("type 2 diabetes and hypertension", "diabetes, hypertension"),
    ("COPD", "COPD"), ("CKD stage 3", "chronic kidney disease"), ("cirrhosis", "cirrhosis"),
    ("prior MI", "myocardial infarction"), ("Down syndrome", "Down syndrome"),
    ("no history of diabetes; hypertension", "hypertension"),
  ])
  func readsNamedComorbidities(_ text: String, _ names: String) {
    #expect(read(text)[.comorbidity] == .w(names), "\(text)")
  }

  @Test(arguments: [
    ("CR after 4 weeks", 4.0), ("achieved complete remission after 6 weeks", 6), ("time to CR of 5 weeks", 5),
    ("8 weeks to CR", 8), ("CR at week 5", 5), ("achieved CR on day 28", 4),
  ])
  func readsTimeToCR(_ text: String, _ weeks: Double) {
    #expect(read(text)[.timeToCR] == .n(weeks), "\(text)")
  }

  @Test(arguments: [
    ("newly diagnosed", "newly-diagnosed"), ("after induction", "post-induction"), ("in CR1", "cr1"),
    ("relapsed", "relapsed"), ("in first complete remission", "cr1"), ("primary refractory", "relapsed"),
    ("de novo B-ALL", "newly-diagnosed"), ("end of induction", "post-induction"),
    ("newly diagnosed in 2020, relapsed in 2023", "relapsed"), ("in CR1 after induction", "cr1"),
    ("she had a late marrow relapse", "relapsed"),
  ])
  func readsPhase(_ text: String, _ phase: String) {
    #expect(read(text)[.phase] == .w(phase), "\(text)")
  }

  @Test(arguments: [
    "risk of relapse", "relapse-free survival at 5 years", "in CR2 after salvage", "no relapse",
  ])
  func readsNoPhaseFromOutcomes(_ text: String) {
    #expect(read(text)[.phase] == nil, "\(text)")
  }
}
