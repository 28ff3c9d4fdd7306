import CurbsideTestSupport
import Testing

@testable import CurbsideKit

@Suite struct SessionTests {
  func session() -> Session { Fixtures.engine.session() }

  @Test func factsOnlyLineSetsThePatientAndEchoesIt() {
    var s = session()
    let response = s.respond(to: "72-year-old woman, WBC 45k, CD20 45%, Ph negative, ECOG 2")
    #expect(response.intent == .contextSet)
    #expect(response.answer.echo == "Patient: 72 y, female, WBC 45 x10^9/L, CD20+ (45%), Ph-, ECOG 2")
  }

  @Test func factsAndAQuestionDoBoth() {
    var s = session()
    let response = s.respond(to: "68 y/o man, WBC 45k: what induction?")
    #expect(response.patient.age == 68)
    #expect(response.intent.isClinical)
    #expect(!response.abstained)
  }

  @Test func olderAdultAskingForInductionGetsTheOlderAdultTopic() {
    var s = session()
    let response = s.respond(to: "72-year-old, CD20 positive, what induction?")
    #expect(response.intent == "induction.older")
  }

  @Test func clinicalAnswersCiteReferencesAndEndWithTheDisclaimer() {
    var s = session()
    let response = s.respond(to: "MRD methods and time points")
    #expect(response.intent == "mrd")
    #expect(response.answer.statementItems.count >= 2)
    #expect(!response.references.isEmpty)
    #expect(response.answer.disclaimer == Fixtures.engine.knowledge.disclaimer)
  }

  @Test func whyNamesTheFactsAndStatementsOfTheLastAnswer() {
    var s = session()
    _ = s.respond(to: "45 year old, MRD positive after induction")
    _ = s.respond(to: "what about MRD?")
    let why = s.respond(to: "why")
    #expect(why.intent == .why)
    let text = TextRenderer(options: RenderOptions(), references: [:]).render(why.answer)
    #expect(text.contains("MRD+"))
    #expect(text.contains("mrd."))
  }

  @Test func moreShowsHeldBackStatementsThenSaysSo() {
    var s = session()
    let first = s.respond(to: "hyper-CVAD")
    let more = s.respond(to: "more")
    #expect(more.intent == .more)
    let firstIDs = Set(first.answer.statementItems.compactMap(\.statementID))
    let moreIDs = Set(more.answer.statementItems.compactMap(\.statementID))
    #expect(!moreIDs.isEmpty)
    #expect(firstIDs.isDisjoint(with: moreIDs))
    #expect(s.respond(to: "more").answer.statementItems.isEmpty)
  }

  @Test func sourcesListsFullCitationsOfTheLastAnswer() {
    var s = session()
    let answer = s.respond(to: "blinatumomab")
    let sources = s.respond(to: "sources")
    #expect(sources.intent == .sources)
    #expect(sources.answer.sections.first?.items.count == answer.references.count)
  }

  @Test func whatIfChangesOneFactForThisQuestionOnly() {
    var s = session()
    _ = s.respond(to: "45-year-old man, Ph negative")
    _ = s.respond(to: "what induction?")
    let whatIf = s.respond(to: "and if he were 70?")
    #expect(whatIf.answer.title.contains("what if"))
    #expect(whatIf.patient.age == 45)
  }

  @Test func newPatientClearsEverything() {
    var s = session()
    _ = s.respond(to: "72-year-old woman, Ph positive")
    let reset = s.respond(to: "new patient")
    #expect(reset.intent == .contextReset)
    #expect(reset.patient.isEmpty)
  }

  @Test func aTCellPatientIsRecordedAndEveryClinicalQuestionAbstains() {
    var s = session()
    let description = s.respond(to: "A 22-year-old man has T-lymphoblastic leukemia with no CNS involvement.")
    #expect(description.abstained)
    #expect(description.patient[.subtype]?.word == "t-cell")
    #expect(description.patient.age == 22)
    let question = s.respond(to: "what induction?")
    #expect(question.intent == .outOfScope)
    #expect(question.answer.statementItems.isEmpty)
    // A correction to B-ALL answers again.
    #expect(s.respond(to: "sorry, precursor B-ALL, what induction?").intent == "aya")
  }

  @Test func aCaseReportNamingAnOutsideTopicInPassingIsAPatientUpdate() {
    var s = session()
    let response = s.respond(
      to: "A 3-year-old girl presented with a WBC of 3,400/μL and 42% blasts on the peripheral smear. "
        + "The marrow confirmed B-cell precursor ALL.")
    #expect(response.intent == .contextSet)
    #expect(response.patient.age == 3)
    #expect(response.patient.wbc == 3.4)
    // Asking about the outside topic abstains, and the facts of the line are still this patient's.
    var asking = session()
    let question = asking.respond(
      to: "45-year-old man with B-ALL, WBC 20k: how is the peripheral smear read?")
    #expect(question.intent == .outOfScope)
    #expect(question.patient.age == 45)
  }

  @Test func aQuestionNamingADetailShowsIt() throws {
    // The PAX5alt statement is a detail of risk.high, held back for `more` unless asked for.
    var plain = session()
    let general = plain.respond(to: "high-risk features in ALL")
    #expect(!general.answer.statementItems.contains { $0.statementID == "risk.high.pax5alt-unverified" })
    var s = session()
    let asked = s.respond(to: "is PAX5alt a high-risk feature?")
    let item = try #require(
      asked.answer.statementItems.first { $0.statementID == "risk.high.pax5alt-unverified" })
    #expect(item.labels.contains("UNVERIFIED"))
    // A general word ("dose") is no name: it brings no detail forward.
    var dosing = session()
    _ = dosing.respond(to: "48-year-old man, Ph-negative B-ALL, fit")
    let first = dosing.respond(to: "what about hyper-CVAD?")
    let dose = dosing.respond(to: "what dose?")
    #expect(dose.intent == first.intent)
    #expect(dose.answer.statementItems.map(\.statementID) == first.answer.statementItems.map(\.statementID))
  }

  @Test func outOfScopeAbstainsAndSaysWhatIsCovered() {
    var s = session()
    let response = s.respond(to: "imatinib dose in CML")
    #expect(response.abstained)
    #expect(response.answer.statementItems.isEmpty)
    #expect(response.references.isEmpty)
  }
}
