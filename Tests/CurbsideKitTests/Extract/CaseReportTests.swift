import CurbsideTestSupport
import Testing

@testable import CurbsideKit

/// Case-report style descriptions with every fact they state: each must be read exactly, and no
/// other field may be read (nothing invented from blasts, doses, durations or outcomes).
@Suite struct CaseReportExtractionTests {
  /// An expected value: a number or a word.
  enum Value: Equatable, CustomStringConvertible {
    case n(Double)
    case w(String)
    var description: String {
      switch self {
      case .n(let number): return "\(number)"
      case .w(let word): return word
      }
    }
  }

  struct Case: CustomStringConvertible, Sendable {
    var text: String
    var facts: [(PatientField, Value)]
    var description: String { String(text.prefix(60)) }
    init(_ text: String, _ facts: [(PatientField, Value)]) {
      self.text = text
      self.facts = facts
    }
  }

  static let cases: [Case] = [
    Case(
      "A 34-year-old man presented with fatigue; WBC 86 × 10⁹/L with 80% blasts; flow cytometry showed CD19+, CD10+, CD20 35%, TdT+; karyotype t(9;22); BCR-ABL1 p190 detected; no CNS involvement.",
      [
        (.age, .n(34)), (.sex, .w("male")), (.wbc, .n(86)), (.cd20, .w("positive")), (.cd20Percent, .n(35)),
        (.ph, .w("positive")), (.subtype, .w("precursor-b")), (.cns, .w("negative")),
      ]),
    Case(
      "A 6-year-old girl was admitted with fever and bone pain. Her white blood cell count was 12,400/µL. Bone marrow showed 92% lymphoblasts positive for CD19, CD10, CD22 and TdT, negative for CD20. ETV6-RUNX1 was detected by FISH. CSF was negative for blasts (CNS1).",
      [
        (.age, .n(6)), (.sex, .w("female")), (.wbc, .n(12.4)), (.cd20, .w("negative")),
        (.cns, .w("negative")),
        (.subtype, .w("precursor-b")),
      ]),
    Case(
      "A 72-year-old woman with hypertension and type 2 diabetes was diagnosed with Philadelphia chromosome-positive B-cell acute lymphoblastic leukemia. WBC was 4.2 × 10⁹/L. ECOG performance status 2. She was considered unfit for intensive chemotherapy.",
      [
        (.age, .n(72)), (.sex, .w("female")), (.comorbidity, .w("hypertension, diabetes")),
        (.ph, .w("positive")),
        (.subtype, .w("precursor-b")), (.wbc, .n(4.2)), (.ecog, .n(2)), (.fitness, .w("unfit")),
      ]),
    Case(
      "A 15-year-old boy presented with a mediastinal mass and hyperleukocytosis (WBC 450,000/mm³). Immunophenotyping was consistent with T-ALL (cCD3+, CD7+, CD1a+). Lumbar puncture revealed blasts in the CSF (CNS3).",
      [(.age, .n(15)), (.sex, .w("male")), (.wbc, .n(450)), (.subtype, .w("t-cell")), (.cns, .w("positive"))]),
    Case(
      "A 45-year-old man with newly diagnosed Ph-negative B-ALL: WBC 23 × 10^9/L, CD20 positive in 60% of blasts, KMT2A rearrangement not detected, IKZF1 deletion present. MRD after induction was 0.05% by flow cytometry.",
      [
        (.age, .n(45)), (.sex, .w("male")), (.phase, .w("post-induction")), (.ph, .w("negative")),
        (.subtype, .w("precursor-b")), (.wbc, .n(23)), (.cd20, .w("positive")), (.cd20Percent, .n(60)),
        (.genetics, .w("IKZF1 deletion")), (.mrd, .w("positive")), (.mrdLevel, .n(0.0005)),
        (.mrdTimepoint, .w("after induction")),
      ]),
    Case(
      "Case: 58F, relapsed Ph+ ALL 14 months after allogeneic transplant; BCR::ABL1 T315I mutation; CD19 positive; no CNS disease; ECOG 1.",
      [
        (.age, .n(58)), (.sex, .w("female")), (.phase, .w("relapsed")), (.ph, .w("positive")),
        (.cns, .w("negative")), (.ecog, .n(1)),
      ]),
    Case(
      "A 28-year-old man with HIV presented with an abdominal mass and WBC 15.2 × 10⁹/L. Bone marrow showed L3 morphology; blasts were CD19+, CD20+, CD10+, TdT-negative, with surface IgM lambda light chain restriction. FISH identified t(8;14) MYC rearrangement. CSF was negative.",
      [
        (.age, .n(28)), (.sex, .w("male")), (.comorbidity, .w("HIV")), (.wbc, .n(15.2)),
        (.cd20, .w("positive")),
        (.subtype, .w("burkitt")), (.cns, .w("negative")),
      ]),
    Case(
      "A 24-year-old man with B-ALL, WBC 105 × 10^9/L. BCR-ABL1 negative by RT-PCR; a Ph-like gene expression signature with CRLF2 rearrangement and JAK2 mutation was identified. End-of-induction MRD was 1.2%.",
      [
        (.age, .n(24)), (.sex, .w("male")), (.wbc, .n(105)), (.subtype, .w("ph-like")), (.phLike, .w("true")),
        (.ph, .w("negative")), (.mrd, .w("positive")), (.mrdLevel, .n(0.012)),
        (.mrdTimepoint, .w("end of induction")), (.phase, .w("post-induction")),
      ]),
    Case(
      "An 8-year-old boy with standard-risk precursor B-ALL (WBC 8,000/µL, CNS1, hyperdiploid karyotype) had day 29 MRD of 0.02% by flow cytometry.",
      [
        (.age, .n(8)), (.sex, .w("male")), (.subtype, .w("precursor-b")), (.wbc, .n(8)),
        (.cns, .w("negative")),
        (.mrd, .w("positive")), (.mrdLevel, .n(0.0002)), (.mrdTimepoint, .w("day 29")),
      ]),
    Case(
      "A 41-year-old woman in first complete remission after hyper-CVAD developed MRD positivity at 10⁻³ after consolidation, then frank bone marrow relapse; CD19 and CD22 were positive, CD20 was negative.",
      [
        (.age, .n(41)), (.sex, .w("female")), (.phase, .w("relapsed")), (.mrd, .w("positive")),
        (.mrdLevel, .n(0.001)), (.mrdTimepoint, .w("after consolidation")), (.cd20, .w("negative")),
      ]),
    Case(
      "An 81-year-old frail woman with dementia and chronic kidney disease presented with pancytopenia; leukocytes 2.1 G/L. B-lymphoblastic leukemia, CD20 10%, Ph negative, TP53 mutated, complex karyotype.",
      [
        (.age, .n(81)), (.sex, .w("female")), (.fitness, .w("unfit")),
        (.comorbidity, .w("dementia, chronic kidney disease")), (.wbc, .n(2.1)),
        (.subtype, .w("precursor-b")),
        (.cd20, .w("negative")), (.cd20Percent, .n(10)), (.ph, .w("negative")),
        (.genetics, .w("TP53, complex karyotype")),
      ]),
    Case(
      "A 52-year-old man, ECOG 0, medically fit, with B-ALL harboring low hypodiploidy (32 chromosomes) and a TP53 mutation; WBC 3.5 × 10⁹/L; Ph negative; CD20 negative; CNS negative.",
      [
        (.age, .n(52)), (.sex, .w("male")), (.ecog, .n(0)), (.fitness, .w("fit")),
        (.subtype, .w("precursor-b")),
        (.genetics, .w("low hypodiploidy, TP53")), (.wbc, .n(3.5)), (.ph, .w("negative")),
        (.cd20, .w("negative")),
        (.cns, .w("negative")),
      ]),
    Case(
      "A 10-year-old girl with near-haploid ALL (karyotype 26,XX,+21), white count 4,500 cells/mm3, no CNS involvement.",
      [
        (.age, .n(10)), (.sex, .w("female")), (.genetics, .w("near-haploid hypodiploidy")), (.wbc, .n(4.5)),
        (.cns, .w("negative")),
      ]),
    Case(
      "A 3-month-old male infant presented with hepatosplenomegaly and a WBC of 320 × 10^9/L. Flow cytometry showed a pro-B immunophenotype (CD19+, CD10-negative). Cytogenetics revealed t(4;11)(q21;q23) with KMT2A::AFF1 fusion. CNS2 status.",
      [
        (.age, .n(0.25)), (.sex, .w("male")), (.wbc, .n(320)), (.subtype, .w("precursor-b")),
        (.genetics, .w("KMT2A-rearranged")), (.cns, .w("positive")),
      ]),
    Case(
      "A 63-year-old man with Ph-positive ALL achieved complete remission after 4 weeks of dasatinib and prednisone; BCR::ABL1 transcripts remained detectable, MRD 0.1% at day 85.",
      [
        (.age, .n(63)), (.sex, .w("male")), (.ph, .w("positive")), (.phase, .w("cr1")), (.timeToCR, .n(4)),
        (.mrd, .w("positive")), (.mrdLevel, .n(0.001)), (.mrdTimepoint, .w("day 85")),
      ]),
    Case(
      "A 19-year-old woman with pre-B ALL; CD20-negative; WBC 31,000/µL; t(9;22) not detected; MRD negative (<0.01%) at end of induction; she remains in CR1.",
      [
        (.age, .n(19)), (.sex, .w("female")), (.subtype, .w("precursor-b")), (.cd20, .w("negative")),
        (.wbc, .n(31)),
        (.ph, .w("negative")), (.mrd, .w("negative")), (.mrdLevel, .n(0.0001)),
        (.mrdTimepoint, .w("end of induction")), (.phase, .w("cr1")),
      ]),
    Case(
      "Patient is 67, sorry, 76 not 67; WBC 18 x10^9/L, correction: WBC 8 x10^9/L. Ph-negative.",
      [(.age, .n(76)), (.wbc, .n(8)), (.ph, .w("negative"))]),
    Case(
      "A 12-year-old boy with B-ALL developed an isolated CNS relapse 18 months after diagnosis; CSF cytospin showed blasts; marrow MRD was undetectable.",
      [
        (.age, .n(12)), (.sex, .w("male")), (.subtype, .w("precursor-b")), (.phase, .w("relapsed")),
        (.cns, .w("positive")), (.mrd, .w("negative")),
      ]),
    Case(
      "68-year-old man with Ph-negative B-ALL and heart failure (EF 35%), CD20 25%: should rituximab be added, given a 3-year OS of 40% in older adults?",
      [
        (.age, .n(68)), (.sex, .w("male")), (.ph, .w("negative")), (.subtype, .w("precursor-b")),
        (.comorbidity, .w("heart failure")), (.cd20, .w("positive")), (.cd20Percent, .n(25)),
      ]),
    Case(
      "In maintenance for 2 years, is vincristine 1.5 mg/m2 on day 8 still given when MRD is at least 0.01%?",
      []),
    Case(
      "Adult B-ALL, 47 y/o F, leukocytes 3.2, ECOG PS 1, fit for intensive therapy, CD20 dim (15%), BCR-ABL negative, IKZF1plus.",
      [
        (.age, .n(47)), (.sex, .w("female")), (.wbc, .n(3.2)), (.ecog, .n(1)), (.fitness, .w("fit")),
        (.cd20, .w("negative")), (.cd20Percent, .n(15)), (.ph, .w("negative")), (.subtype, .w("precursor-b")),
        (.genetics, .w("IKZF1plus")),
      ]),
    Case(
      "A 55-year-old gentleman with COPD: white cell count 7.8 x 10^9/l, Philadelphia chromosome negative, T-lymphoblastic leukemia/lymphoma, no CNS disease, ECOG 3.",
      [
        (.age, .n(55)), (.sex, .w("male")), (.comorbidity, .w("COPD")), (.wbc, .n(7.8)),
        (.ph, .w("negative")),
        (.subtype, .w("t-cell")), (.cns, .w("negative")), (.ecog, .n(3)),
      ]),
    Case(
      "A 13-year-old girl, WBC 67 × 10³/µL, BCR::ABL1-positive B-ALL, CNS1, with IKZF1 deletion; day 33 MRD 2 × 10⁻⁴.",
      [
        (.age, .n(13)), (.sex, .w("female")), (.wbc, .n(67)), (.ph, .w("positive")),
        (.subtype, .w("precursor-b")),
        (.cns, .w("negative")), (.genetics, .w("IKZF1 deletion")), (.mrd, .w("positive")),
        (.mrdLevel, .n(0.0002)),
        (.mrdTimepoint, .w("day 33")),
      ]),
    Case(
      "A 37-year-old woman in CR1 after induction with MRD-negative status by NGS (<10⁻⁶) at the end of consolidation; Ph-negative, KMT2A-rearranged, CD20 negative.",
      [
        (.age, .n(37)), (.sex, .w("female")), (.phase, .w("cr1")), (.mrd, .w("negative")),
        (.mrdLevel, .n(0.000001)),
        (.mrdTimepoint, .w("end of consolidation")), (.ph, .w("negative")),
        (.genetics, .w("KMT2A-rearranged")),
        (.cd20, .w("negative")),
      ]),
    Case(
      "A 9-year-old boy presented with a jaw mass and 25% marrow blasts with FAB L3 morphology; blasts were surface immunoglobulin positive (kappa), CD20 positive, TdT negative; MYC rearranged; LDH 3,400 U/L.",
      [(.age, .n(9)), (.sex, .w("male")), (.subtype, .w("burkitt")), (.cd20, .w("positive"))]),
    Case(
      "A 70 yo man, ECOG 2, with ischemic heart disease and atrial fibrillation, newly diagnosed Ph-negative B-ALL, WBC 2.3, CD20 30%, CNS negative.",
      [
        (.age, .n(70)), (.sex, .w("male")), (.ecog, .n(2)),
        (.comorbidity, .w("coronary artery disease, atrial fibrillation")),
        (.phase, .w("newly-diagnosed")), (.ph, .w("negative")), (.subtype, .w("precursor-b")),
        (.wbc, .n(2.3)),
        (.cd20, .w("positive")), (.cd20Percent, .n(30)), (.cns, .w("negative")),
      ]),
    Case(
      "A 30-year-old man with primary refractory B-ALL after hyper-CVAD plus ponatinib; BCR-ABL1 positive; CD22 expressed on 90% of blasts; MRD 5% by flow.",
      [
        (.age, .n(30)), (.sex, .w("male")), (.phase, .w("relapsed")), (.subtype, .w("precursor-b")),
        (.ph, .w("positive")), (.mrd, .w("positive")), (.mrdLevel, .n(0.05)),
      ]),
    Case(
      "Ph-negative B-ALL in a 26-year-old woman; CR was achieved after 6 weeks; MRD-positive (10^-3) post-induction; IKZF1 wild-type; no TP53 mutation.",
      [
        (.age, .n(26)), (.sex, .w("female")), (.ph, .w("negative")), (.subtype, .w("precursor-b")),
        (.timeToCR, .n(6)),
        (.phase, .w("cr1")), (.mrd, .w("positive")), (.mrdLevel, .n(0.001)),
        (.mrdTimepoint, .w("after induction")),
      ]),
    Case(
      "A 17-year-old adolescent boy with de novo T-cell ALL, WBC 210 x 10^9/L and CNS3 disease; MRD after induction 0.5%.",
      [
        (.age, .n(17)), (.sex, .w("male")), (.phase, .w("post-induction")), (.subtype, .w("t-cell")),
        (.wbc, .n(210)),
        (.cns, .w("positive")), (.mrd, .w("positive")), (.mrdLevel, .n(0.005)),
        (.mrdTimepoint, .w("after induction")),
      ]),
    Case(
      "A 4-year-old girl with Down syndrome and B-ALL; WBC 5.6 × 10⁹/L; CRLF2 rearranged; CNS 1; day 29 MRD <0.01%.",
      [
        (.age, .n(4)), (.sex, .w("female")), (.comorbidity, .w("Down syndrome")),
        (.subtype, .w("precursor-b")),
        (.wbc, .n(5.6)), (.cns, .w("negative")), (.mrd, .w("negative")), (.mrdLevel, .n(0.0001)),
        (.mrdTimepoint, .w("day 29")),
      ]),
  ]

  /// The facts read from a line as the session reads them: folded, then extracted.
  static func facts(_ text: String) -> [PatientField: Value] {
    let folded = Fixtures.engine.classifier.normalizer.normalize(text).folded
    var read: [PatientField: Value] = [:]
    for fact in FactExtractor().extract(folded, turn: 1) {
      switch fact.value {
      case .number(let number): read[fact.field] = .n(number)
      case .word(let word): read[fact.field] = .w(word)
      }
    }
    return read
  }

  @Test(arguments: cases)
  func readsEveryStatedFactAndNothingElse(_ report: Case) {
    let read = Self.facts(report.text)
    for (field, value) in report.facts {
      #expect(read[field] == value, "\(field.rawValue) in: \(report.text)")
    }
    let expected = Set(report.facts.map(\.0))
    for (field, value) in read where !expected.contains(field) {
      Issue.record("invented \(field.rawValue) = \(value) in: \(report.text)")
    }
  }

  @Test func thereAreEnoughCases() {
    #expect(Self.cases.count >= 25)
  }
}
