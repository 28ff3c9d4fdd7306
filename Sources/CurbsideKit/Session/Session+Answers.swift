/// The answer for each kind of intent.
extension Session {
  mutating func respond(_ intent: IntentID, classification: Classification) -> Answer {
    let knowledge = engine.knowledge
    switch intent {
    case .contextSet:
      return plain(
        "Patient updated",
        ["Ask a question about this patient, e.g. \"what induction?\", or type patient to review the facts."])
    case .contextShow: return showPatient()
    case .contextReset: return plain("New patient", ["Patient facts and the thread are cleared."])
    case .help: return help()
    case .about: return about()
    case .references: return allReferences()
    case .greeting: return greeting(classification)
    case .why: return why()
    case .more: return more()
    case .sources: return sources()
    case .outOfScope: return abstention(classification)
    default: break
    }
    let catalog = engine.catalog
    guard
      let selection = engine.composer.select(
        intent, for: patient, question: asking,
        topicWords: { Set(catalog.spec(intent)?.terms.flatMap(\.tokens) ?? []) })
    else {
      return plain(intent.rawValue, [knowledge.notLoaded])
    }
    lastClinical = selection
    var answer = engine.composer.answer(selection)
    if !selection.heldBack.isEmpty {
      answer.footer.append(
        "\(selection.heldBack.count) more statement\(selection.heldBack.count == 1 ? "" : "s") on this topic: type more."
      )
    }
    if patient.isEmpty, !answer.unknowns.isEmpty {
      answer.unknowns = [
        "No patient yet: statements marked \"if ...\" apply only to that group. Describe the patient (age, WBC, Ph, CD20, MRD, fitness) to tailor this answer"
      ]
    }
    return answer
  }

  /// Hello, thanks or goodbye, answered in kind.
  func greeting(_ classification: Classification) -> Answer {
    let words = Set(classification.normalized.tokens.map(\.text))
    if !words.isDisjoint(with: ["thanks", "thank", "cheers", "appreciated"]) {
      return plain("Curbside", ["You're welcome. Ask another question, or type new patient to start over."])
    }
    if !words.isDisjoint(with: ["bye", "goodbye", "later"]) {
      return plain("Curbside", ["Goodbye. Type quit or press Ctrl-D to leave."])
    }
    return plain(
      "Curbside", ["Hello. Describe the patient or ask about B-ALL treatment; type help for the commands."])
  }

  /// A non-clinical answer: Curbside's own lines, no statements.
  func plain(_ title: String, _ lines: [String]) -> Answer {
    var answer = Answer(title: title, disclaimer: engine.knowledge.disclaimer)
    answer.sections = [.init(items: lines.map { Answer.Item(text: $0) })]
    return answer
  }

  func abstention(_ classification: Classification) -> Answer {
    let knowledge = engine.knowledge
    if case .unsure(let runnerUp) = classification.reason, let best = classification.best,
      best.intent.isClinical, runnerUp.isClinical
    {
      let topics = [best.intent, runnerUp].compactMap { engine.catalog.spec($0) }
        .map { "\($0.summary) (\($0.id))" }
      return plain(
        "Which topic?",
        [
          "This question touches two topics about equally: \(topics.joined(separator: " and ")). "
            + "Ask about one of them, so that the answer is not a guess."
        ])
    }
    var answer = plain(
      "Not covered",
      ["I cannot answer this from Curbside's knowledge: \(classification.reasonText)."])
    answer.sections.append(.init(heading: "What Curbside covers", items: [.init(text: knowledge.scope)]))
    answer.sections.append(
      .init(heading: "What it does not cover", items: [.init(text: knowledge.outOfScope)]))
    return answer
  }

  func showPatient() -> Answer {
    guard !patient.isEmpty else {
      return plain(
        "Current patient",
        ["No patient facts yet. Describe the patient, e.g. \"68-year-old man, WBC 45k, Ph negative\"."])
    }
    let lines = PatientField.allCases.compactMap { field -> String? in
      guard let fact = patient[field], let shown = patient.describe(fact) else { return nil }
      return "\(shown)  (turn \(fact.turn): \"\(fact.source)\")"
    }
    var answer = plain("Current patient", lines)
    answer.echo = "Patient: " + patient.summary
    return answer
  }

  func help() -> Answer {
    var answer = plain(
      "Help",
      [
        "Ask in plain words, e.g. \"72-year-old, CD20 positive, what induction?\" or \"hyperCVAD doses\".",
        "State patient facts at any time (age, sex, WBC, CD20, Ph, MRD, CNS, ECOG, fitness); they stay for the session.",
        "Follow-ups: why, more, sources, \"and if she were 70?\", \"what about MRD positive?\".",
      ])
    answer.sections.append(
      .init(
        heading: "Commands (plain or with /)",
        items: [
          "help: this page", "patient: the current patient and where each fact came from",
          "new patient: forget the patient", "why: what chose the last answer",
          "more: statements held back", "sources: full citations of the last answer",
          "references: every source", "about: scope and knowledge version", "quit or exit: leave",
        ].map { Answer.Item(text: $0) }))
    answer.sections.append(
      .init(
        heading: "Topics",
        items: engine.catalog.intents
          .filter { $0.id.isClinical }.map { Answer.Item(text: "\($0.id): \($0.summary)") }))
    return answer
  }

  func about() -> Answer {
    let k = engine.knowledge
    let statements = k.allStatements.count
    return plain(
      "About \(k.title)",
      [
        "Knowledge version \(k.version), last reviewed \(k.reviewed): \(statements) statements, \(k.references.count) references.",
        k.scope, k.outOfScope, k.privacy,
      ].filter { !$0.isEmpty })
  }

  func allReferences() -> Answer {
    let k = engine.knowledge
    var answer = plain("References", [])
    answer.sections = [
      .init(
        items: k.referenceOrder.enumerated().map { index, key in
          Answer.Item(text: "[\(index + 1)] \(key): \(k.references[key]!.fullCitation)")
        })
    ]
    return answer
  }
}
