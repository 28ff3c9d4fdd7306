import CurbsideTestSupport
import Testing

@testable import CurbsideKit

@Suite struct RouterTests {
  func session(_ lines: [String]) -> (Session, [Response]) {
    var s = Fixtures.engine.session()
    let responses = lines.map { s.respond(to: $0) }
    return (s, responses)
  }

  @Test func whatAboutAFactIsAWhatIfAndKeepsThePatient() throws {
    let (_, responses) = session([
      "45-year-old man, Ph negative", "what induction?", "what about MRD positive?", "patient",
    ])
    let whatIf = responses[2]
    #expect(whatIf.answer.title.contains("what if"))
    #expect(whatIf.patient[.mrd] == nil)
    #expect(responses[3].patient[.mrd] == nil)
  }

  @Test func factsThatMakeTwoTopicsCloseLeaveTheQuestionToDecide() {
    let (_, responses) = session([
      "8-month-old infant, B-ALL, KMT2A rearranged, WBC 300k, induction?",
      "how do I follow MRD in Ph+?",
    ])
    // Alone, "KMT2A" and "WBC" pull toward risk.high and "infant" toward pediatric induction.
    #expect(responses[0].intent == "induction.pediatric")
    #expect(responses[1].intent == "mrd")
    // A statement of facts with no question stays a patient update.
    let (_, update) = session(["45M, precursor B-ALL, TdT positive, Ph negative"])
    #expect(update[0].intent == .contextSet)
  }

  @Test func aWhyAsCloseAsATopicAsksAboutTheLastAnswer() {
    let (_, responses) = session(["50-year-old fit man, Ph negative", "what induction?", "why 4 drugs?"])
    #expect(responses[2].intent == .why)
    // With no answer to ask about, it is not a follow-up.
    let (_, alone) = session(["why 4 drugs?"])
    #expect(alone[0].intent != .why)
  }

  @Test func whatIfReappliesThePatientsPreferRules() {
    let (_, responses) = session(["72-year-old woman, Ph negative", "what induction?", "and if she were 30?"])
    #expect(responses[1].intent == "induction.older")
    #expect(responses[2].intent != "induction.older")
    #expect(responses[2].answer.footer.contains { $0.contains("instead of") })
  }

  @Test func itRefersBackToTheLastNamedDrug() {
    let (_, responses) = session(["blinatumomab dose", "is it used in children?"])
    #expect(responses[1].intent == "drug.blinatumomab")
  }

  @Test func aShortFollowUpStaysOnTheLastTopic() {
    let (_, responses) = session(["hyper-CVAD", "what dose?"])
    #expect(responses[1].intent == "regimen.hypercvad")
  }

  @Test func aComorbidityInAPatientDescriptionIsNotAForeignTopic() {
    let (_, responses) = session(["68F with diabetes, what induction?"])
    #expect(!responses[0].abstained)
    #expect(responses[0].intent == "induction.older")
  }

  @Test func factsInAQuestionAboutAnotherDiseaseAreNotRecorded() {
    let (_, responses) = session(["72M with CML, imatinib dose?"])
    #expect(responses[0].abstained)
    #expect(responses[0].patient.isEmpty)
  }

  @Test func aQuestionSplitBetweenTwoTopicsNamesBoth() {
    let (_, responses) = session(["blinatumomab or inotuzumab for the MRD?"])
    let text = responses[0].answer.sections.flatMap(\.items).map(\.text).joined()
    #expect(responses[0].abstained)
    #expect(text.contains("drug.blinatumomab") && text.contains("drug.inotuzumab"))
  }

  @Test func frontlineStatementsNeedAStatedRelapseToBeRuledOut() {
    let (_, fresh) = session(["50F, Ph negative, MRD negative after induction", "blinatumomab?"])
    let (_, relapsed) = session(["50F, Ph negative, MRD negative, relapsed", "blinatumomab?"])
    let e1910 = "drug.blinatumomab.mrd-negative-e1910"
    #expect(fresh[1].answer.statementItems.contains { $0.statementID == e1910 })
    #expect(!relapsed[1].answer.statementItems.contains { $0.statementID == e1910 })
  }

  @Test func greetingsAreAnsweredInKind() {
    let (_, responses) = session(["thanks", "bye", "hello"])
    let texts = responses.map { $0.answer.sections.first?.items.first?.text ?? "" }
    #expect(texts[0].hasPrefix("You're welcome"))
    #expect(texts[1].hasPrefix("Goodbye"))
    #expect(texts[2].hasPrefix("Hello"))
  }

  @Test func riskFeaturesAreJudgedByTheirOwnFact() {
    let (_, responses) = session(["47-year-old, WBC 12k, Ph negative", "high risk features?"])
    let labels = responses[1].answer.statementItems.flatMap(\.labels)
    #expect(!labels.contains { $0.hasPrefix("present: age") && $0.contains("WBC") })
    #expect(!labels.contains("present: Ph-negative"))
  }
}

@Suite struct GroupQuestionTests {
  @Test func factsAboutAGroupShapeTheAnswerButNotThePatient() {
    var session = Fixtures.engine.session()
    _ = session.respond(to: "60M, Ph negative")
    let response = session.respond(to: "pediatric induction in Ph-positive children?")
    #expect(response.patient[.ph]?.word == "negative")
    #expect(response.answer.echo?.contains("For this question only") == true)
    let mine = session.respond(to: "my patient is 70, what induction?")
    #expect(mine.patient.age == 70)
  }
}

@Suite struct CaseStatementTests {
  @Test func aCaseStatementTheClassifierCannotPlaceUpdatesThePatient() {
    var session = Fixtures.engine.session()
    let response = session.respond(to: "45M, precursor B-ALL, TdT positive, Ph negative")
    #expect(response.intent == .contextSet)
    #expect(response.patient.age == 45)
  }

  @Test func aComorbidityAloneDoesNotMakeATopicAPatient() {
    var session = Fixtures.engine.session()
    #expect(session.respond(to: "management of diabetic ketoacidosis").intent == .outOfScope)
  }
}
