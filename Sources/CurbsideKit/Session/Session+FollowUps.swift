/// why, more, sources and what-if: answers about the last clinical answer.
extension Session {
  func why() -> Answer {
    guard let last = lastClinical else {
      return plain("Why", ["There is no clinical answer yet to explain. Ask a question first."])
    }
    var answer = plain("Why: \(last.title)", [])
    var facts: [Answer.Item] = []
    for field in PatientField.allCases {
      guard let fact = last.patient[field], let shown = last.patient.describe(fact) else { continue }
      facts.append(.init(text: "\(shown): from turn \(fact.turn), \"\(fact.source)\""))
    }
    if facts.isEmpty {
      facts = [.init(text: "No patient facts were known: the answer was the general picture.")]
    }
    answer.sections = [.init(heading: "Question", items: [.init(text: lastDecision ?? last.intent.rawValue)])]
    answer.sections.append(.init(heading: "Patient facts used", items: facts))
    answer.sections.append(
      .init(
        heading: "Chosen for this patient",
        items: last.reasons.isEmpty
          ? [
            .init(
              text:
                "No statement was chosen by a patient fact; the statements shown apply to everyone or are marked with the group they apply to."
            )
          ]
          : last.reasons.map { .init(text: $0) }))
    answer.sections.append(
      .init(
        heading: "Statements shown",
        items: last.shown.map {
          .init(text: "\($0.id) (\($0.kind.rawValue))")
        }))
    if !last.excluded.isEmpty {
      answer.sections.append(
        .init(
          heading: "Left out because a known fact rules them out",
          items: last.excluded.map {
            .init(text: "\($0.0.id): needs \($0.1.label)")
          }))
    }
    if !last.heldBack.isEmpty {
      answer.footer.append("\(last.heldBack.count) statement(s) held back: type more.")
    }
    return answer
  }

  mutating func more() -> Answer {
    guard let last = lastClinical else {
      return plain("More", ["There is no clinical answer yet. Ask a question first."])
    }
    guard !last.heldBack.isEmpty else {
      return plain(
        "More: \(last.title)", ["Every statement on this topic that applies to this patient has been shown."])
    }
    var answer = engine.composer.answer(last, showing: last.heldBack)
    answer.title = "More: \(last.title)"
    answer.appliesBecause = []
    answer.unknowns = []
    var shownAll = last
    shownAll.shown += last.heldBack
    shownAll.heldBack = []
    lastClinical = shownAll
    return answer
  }

  func sources() -> Answer {
    guard let last = lastAnswer, !last.referenceKeys.isEmpty else {
      return plain("Sources", ["The last answer cited no sources. Type references for the full list."])
    }
    var answer = plain("Sources: \(last.title)", [])
    let items = last.referenceKeys.enumerated().map { index, key -> Answer.Item in
      let citing = last.statementItems.filter { $0.refs.contains(key) }.compactMap(\.statementID)
      let citation = engine.knowledge.references[key]?.fullCitation ?? key
      return Answer.Item(text: "[\(index + 1)] \(citation) Cited by: \(citing.joined(separator: ", ")).")
    }
    answer.sections = [.init(items: items)]
    return answer
  }

  /// The last clinical question again with the stated facts changed, for this question only;
  /// the patient's `prefer` rules are applied again, so the topic may change with the facts.
  func whatIf(_ asked: IntentID, facts: [PatientFact]) -> (IntentID, Answer) {
    var changed = patient
    for fact in facts { changed.set(fact) }
    let beforeIntent = lastClinical?.intent ?? asked
    let afterIntent = Router.preferred(asked, for: changed, catalog: engine.catalog)
    guard let before = engine.composer.select(beforeIntent, for: patient),
      let after = engine.composer.select(afterIntent, for: changed)
    else { return (afterIntent, plain(afterIntent.rawValue, [engine.knowledge.notLoaded])) }
    var answer = engine.composer.answer(after)
    let news = facts.filter { patient[$0.field]?.value != $0.value }
    let what = (news.isEmpty ? facts : news).compactMap { changed.describe($0) }.joined(separator: ", ")
    answer.title = "\(after.title): what if \(what)?"
    answer.echo = "What-if patient (this question only): " + changed.summary
    let beforeIDs = Set(before.shown.map(\.id))
    for index in answer.sections.indices {
      for item in answer.sections[index].items.indices {
        if let id = answer.sections[index].items[item].statementID, !beforeIDs.contains(id) {
          answer.sections[index].items[item].labels.insert("new", at: 0)
        }
      }
    }
    if afterIntent != beforeIntent {
      answer.footer.append(
        "For this patient the question is answered by \"\(after.title)\" instead of \"\(before.title)\".")
    } else {
      let afterIDs = Set(after.shown.map(\.id))
      let dropped = before.shown.filter { !afterIDs.contains($0.id) }
      if !dropped.isEmpty {
        answer.sections.append(
          .init(
            heading: "No longer applies",
            items: dropped.map {
              Answer.Item(statementID: $0.id, text: $0.text, refs: $0.refs)
            }))
      } else if beforeIDs == afterIDs {
        answer.footer.append("This change does not change the statements shown.")
      }
    }
    answer.footer.append("The patient is unchanged: " + (patient.isEmpty ? "no facts." : patient.summary))
    return (afterIntent, answer)
  }
}
