import CurbsideTestSupport
import Foundation
import Testing

@testable import CurbsideKit

/// Facts across a session: nothing read from numbers that are not facts, corrections, spans
/// that cover the whole phrase, facts and a question on one line, and the cost of a plain question.
@Suite struct ExtractionSessionTests {
  func session() -> Session { Fixtures.engine.session() }

  @Test(arguments: [
    "maintenance for 2 years", "3-year OS 85%", "HD-MTX 5 g/m2 with leucovorin rescue",
    "vincristine on day 8",
    "blinatumomab 28 µg/day for 4 weeks", "is rituximab added when CD20 is at least 20%?",
    "prednisone 60 mg/m2 for 28 days", "5-year EFS 90% after 2.5 years of therapy",
    "cytarabine 3 g/m2 q12h x 4 doses",
    "Karnofsky 70%", "UKALL 14 and CALGB 10403", "80% blasts in the marrow", "dasatinib 140 mg daily",
    "intrathecal methotrexate 12 mg", "what is hyper-CVAD?", "blinatumomab dose", "why",
  ])
  func numbersThatAreNotFactsAreNotRead(_ line: String) {
    let folded = Fixtures.engine.classifier.normalizer.normalize(line).folded
    let facts = FactExtractor().extract(folded, turn: 1)
    #expect(facts.isEmpty, "\(line): \(facts.map { "\($0.field.rawValue)=\($0.source)" })")
  }

  @Test func theLatestMentionOfAFieldWins() {
    var s = session()
    _ = s.respond(to: "72-year-old woman, WBC 45k")
    #expect(s.respond(to: "actually she is 68").patient.age == 68)
    #expect(s.respond(to: "sorry, 58 not 68").patient.age == 58)
    #expect(s.respond(to: "correction: WBC 12k").patient.wbc == 12)
    #expect(s.patient[.sex]?.word == "female")
    let line = FactExtractor().extract("wbc 30k, no wait, wbc 3k", turn: 1)
    #expect(line.first { $0.field == .wbc }?.number == 3)
  }

  @Test func aNewStatusDropsTheOldPercentageAndLevel() {
    var s = session()
    _ = s.respond(to: "CD20 45%, MRD 0.1% after induction")
    #expect(s.patient[.cd20Percent]?.number == 45)
    _ = s.respond(to: "CD20 negative on repeat flow, MRD negative")
    #expect(s.patient[.cd20]?.word == "negative")
    #expect(s.patient[.cd20Percent] == nil)
    #expect(s.patient[.mrdLevel] == nil)
    #expect(s.patient[.mrdTimepoint] == nil)
  }

  @Test(arguments: [
    ("72-year-old woman", PatientField.age, "72-year-old"), ("WBC 45,000/uL today", .wbc, "wbc 45,000/ul"),
    ("MRD 0.01% after induction", .mrd, "mrd 0.01% after induction"),
    ("no CNS involvement", .cns, "no cns involvement"),
    ("CD20-negative", .cd20, "cd20-negative"), ("BCR-ABL1 p190 detected", .ph, "bcr-abl1 p190 detected"),
    ("ECOG performance status of 2", .ecog, "ecog performance status of 2"),
    ("sorry, 58 not 68", .age, "sorry, 58 not 68"),
  ])
  func spansCoverTheWholePhrase(_ line: String, _ field: PatientField, _ source: String) {
    let folded = Fixtures.engine.classifier.normalizer.normalize(line).folded
    let fact = FactExtractor().extract(folded, turn: 4).first { $0.field == field }
    #expect(fact?.source == source, "\(line)")
    #expect(fact?.turn == 4)
    if let fact {
      let units = Array(folded.utf16)[fact.span]
      #expect(String(decoding: units, as: UTF16.self) == fact.source)
    }
  }

  @Test func aLineOfFactsOnlySetsThePatient() {
    var s = session()
    let response = s.respond(
      to: "34M, WBC 86 × 10⁹/L, CD20 35%, BCR-ABL1 positive, no CNS involvement, MRD 0.01% after induction")
    #expect(response.intent == .contextSet)
    #expect(response.patient.age == 34)
    #expect(response.patient[.mrdTimepoint]?.word == "after induction")
  }

  @Test func aLineCanStateFactsAndAskAQuestion() {
    var s = session()
    let response = s.respond(to: "58F, Ph-negative, CD20 negative: what treatment do you recommend?")
    #expect(response.intent != .contextSet)
    #expect(response.patient.age == 58)
    #expect(response.patient[.ph]?.word == "negative")
  }

  /// Questions without facts yield none (their cost is measured by `make bench`, not here).
  @Test func aQuestionWithoutFactsYieldsNone() {
    let questions = [
      "what is hyper-CVAD?", "blinatumomab dose in adults", "how long is maintenance for B-ALL?",
      "what are the side effects of inotuzumab", "is dexamethasone better than prednisone",
      "intrathecal methotrexate schedule", "how do you monitor residual disease?", "pitfalls to avoid",
    ]
    let normalizer = Fixtures.engine.classifier.normalizer
    let extractor = FactExtractor()
    for question in questions {
      #expect(extractor.extract(normalizer.normalize(question).folded, turn: 1).isEmpty, "\(question)")
    }
  }
}
