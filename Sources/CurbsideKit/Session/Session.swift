/// One conversation: the patient, the thread, and the answer to each line.
public struct Session: Sendable {
  public let engine: Engine
  public private(set) var patient = Patient()
  public private(set) var turn = 0
  /// The last clinical answer's selection, for why, more, sources and what-if.
  var lastClinical: Selection?
  /// The last answer of any kind, for sources.
  var lastAnswer: Answer?
  /// The last drug or regimen named, for "it" and "that regimen".
  var lastEntity: String?
  /// How the last clinical question was understood, for `why`.
  var lastDecision: String?
  /// The intent the last clinical question asked for, before the patient's `prefer` rules.
  var lastAsked: IntentID?
  /// This turn's folded text with its stated facts blanked: what it asks, for the details a
  /// question names (`Composer.select`).
  var asking = ""

  init(engine: Engine) { self.engine = engine }

  /// Forgets the patient and the thread.
  public mutating func reset() {
    patient = Patient()
    lastClinical = nil
    lastAnswer = nil
    lastEntity = nil
    lastAsked = nil
    lastDecision = nil
  }

  /// Answers one line of input.
  public mutating func respond(to rawLine: String) -> Response {
    turn += 1
    let line = InputSanitizer.clean(rawLine)
    let normalized = engine.classifier.normalizer.normalize(line)
    var facts = engine.extractor.extract(normalized.folded, turn: turn)
    var classification = reclassifyComorbidity(engine.classifier.classify(normalized), facts: facts)
    // "Does Curbside cover AML or T-ALL, or only B-ALL?": a question about Curbside itself names
    // diseases, not this patient's facts.
    if !classification.abstained, [IntentID.about, .help].contains(classification.intent) { facts = [] }
    asking = Self.blanking(normalized.folded, facts)
    if Self.isOutsideByRivalry(classification),
      RateQuestion.asksRate(normalized.tokens.map(\.text), drugs: engine.drugs)
    {
      // "inotuzumab can cause liver problems, how common is that?": a covered drug's rate.
      classification = engine.classifier.reclassify(classification, excluding: .outOfScope)
    }
    let subtype = facts.first { $0.field == .subtype }?.word ?? patient[.subtype]?.word
    if subtype == "t-cell",
      facts.contains(where: { $0.field == .subtype }) || classification.intent.isClinical
    {
      // T-ALL and T-lymphoblastic lymphoma are outside the B-ALL knowledge, however phrased,
      // and so is every clinical question about a patient who has it.
      classification = classification.abstaining(.foreign("T-cell ALL or lymphoblastic lymphoma"))
    }
    // "dasatinib 140 vs 100 mg?", "ruxolitinib for CRLF2+ ALL?": a question about a drug or a
    // dose the knowledge does not give is not answered by its topic. A case description that
    // names a drug in passing asks nothing about it.
    if classification.reason != .command, !classification.isOffTopic,
      !Router.describesCase(facts) || normalized.folded.contains("?"),
      let gap = engine.drugs.gap(in: normalized)
    {
      classification = classification.abstaining(.uncovered(gap))
    }
    let input = Router.Input(
      classification: classification, facts: facts,
      remainder: remainder(facts), lexicon: engine.catalog.lexicon)
    var route = Router.route(input, session: self)
    if case .entity(let entity) = route {
      route = Router.retry(
        engine.classifier.classify(line + " " + entity), original: classification, session: self,
        facts: facts)
    }
    let (intent, answer) = answer(route, classification: classification, facts: facts)
    if intent.isClinical {
      lastDecision = Self.decision(line, intent: intent, classification: classification)
      if case .intent(let asked, _) = route { lastAsked = asked }
    }
    if let entity = Router.entity(in: normalized, lexicon: engine.catalog.lexicon) {
      lastEntity = entity
    }
    lastAnswer = answer
    let abstained = intent == .outOfScope || (intent.isClinical && engine.knowledge.topic(intent) == nil)
    return Response(
      input: rawLine, intent: intent, confidence: confidence(route, classification),
      abstained: abstained, classification: classification, answer: answer, patient: patient,
      references: answer.referenceKeys.compactMap { engine.knowledge.references[$0] },
      knowledgeVersion: engine.knowledge.version)
  }

  /// "\"what induction?\" matched induction.adult (confidence 0.8); answered as induction.older
  /// for this patient".
  static func decision(_ line: String, intent: IntentID, classification: Classification) -> String {
    var text = "\"\(line)\" "
    if classification.abstained {
      text += "was a follow-up on the last topic, \(intent)"
    } else {
      text +=
        "matched \(classification.intent) (confidence \(Classification.format(classification.confidence)))"
      if classification.intent != intent { text += "; answered as \(intent) for this patient" }
    }
    return text
  }

  /// True when the line was refused only because the `out_of_scope` topic outscored it or came
  /// too close, not because it names a foreign disease or an uncovered drug.
  static func isOutsideByRivalry(_ classification: Classification) -> Bool {
    switch classification.reason {
    case .outOfScopeTopic, .unsure(runnerUp: .outOfScope): return true
    default: return false
    }
  }

  /// True when an off-topic line still describes this patient's case of ALL: an outside topic
  /// named in passing, or a foreign disease that is the patient's own subtype (T-ALL).
  static func isCaseOfALL(_ classification: Classification, _ facts: [PatientFact]) -> Bool {
    guard Router.describesCase(facts) else { return false }
    switch classification.reason {
    case .outOfScopeTopic: return true
    case .foreign: return facts.contains { $0.field == .subtype }
    default: return false
    }
  }

  /// "68F with diabetes, what induction?": in a line that describes the patient, a comorbidity
  /// named in the lexicon is context, so the line is classified again without it.
  func reclassifyComorbidity(_ classification: Classification, facts: [PatientFact]) -> Classification {
    guard case .foreign = classification.reason,
      facts.contains(where: { $0.field == .age || $0.field == .sex }) || !patient.isEmpty
    else { return classification }
    var text = classification.normalized
    for term in engine.catalog.lexicon.comorbidities {
      var index = 0
      while index < text.tokens.count {
        if Classifier.matches(text.tokens.map(\.text), at: index, term) {
          text.tokens.removeSubrange(index..<(index + term.count))
        } else {
          index += 1
        }
      }
    }
    guard text.tokens.count < classification.normalized.tokens.count else { return classification }
    return engine.classifier.classify(text)
  }

  /// The line with its stated facts blanked out, classified: what the line asks besides the
  /// facts. Nil when the line states no facts.
  func remainder(_ facts: [PatientFact]) -> Classification? {
    guard !facts.isEmpty else { return nil }
    return engine.classifier.classify(asking)
  }

  /// `folded` with the words of `facts` replaced by spaces.
  static func blanking(_ folded: String, _ facts: [PatientFact]) -> String {
    guard !facts.isEmpty else { return folded }
    var characters = Array(folded.utf16)
    for fact in facts {
      for index in fact.span where index < characters.count { characters[index] = 0x20 }
    }
    return String(decoding: characters, as: UTF16.self)
  }

  /// The classifier's confidence when it decided; 1 when the session decided from a command,
  /// stated facts or the thread (those decisions are rules, not guesses).
  private func confidence(_ route: Router.Route, _ classification: Classification) -> Double {
    switch route {
    case .intent(_, let id) where id == classification.intent: return classification.confidence
    case .abstain, .entity: return classification.confidence
    case .intent, .whatIf: return 1
    }
  }

  /// "pediatric induction in Ph-positive children?": the facts describe a group of patients,
  /// not this one, so they shape this answer only and the patient is left as it was.
  private mutating func aboutAGroup(_ intent: IntentID, classification: Classification, facts: [PatientFact])
    -> Answer
  {
    let kept = patient
    for fact in facts { patient.set(fact) }
    var answer = respond(intent, classification: classification)
    let group = facts.compactMap { patient.describe($0) }.joined(separator: ", ")
    patient = kept
    answer.echo =
      "For this question only (a group of patients): \(group); the patient is unchanged"
      + (patient.isEmpty ? "." : ": " + patient.summary)
    return answer
  }

  private mutating func answer(
    _ route: Router.Route, classification: Classification, facts: [PatientFact]
  ) -> (IntentID, Answer) {
    switch route {
    case .whatIf(let asked):
      let (intent, answer) = whatIf(asked, facts: facts)
      return (intent, answer)
    case .intent(_, let intent):
      if intent.isClinical, !facts.isEmpty, Router.asksAboutAGroup(classification, engine.catalog.lexicon) {
        return (intent, aboutAGroup(intent, classification: classification, facts: facts))
      }
      if intent == .contextReset {
        reset()
      } else {
        for fact in facts { patient.set(fact) }
      }
      var answer = respond(intent, classification: classification)
      if !facts.isEmpty, intent != .contextReset {
        answer.echo = "Patient: " + patient.summary
      }
      return (intent, answer)
    case .abstain, .entity:
      // Facts in a line about another disease or topic are not this patient's, unless the line
      // describes a case of ALL ("a 22-year-old man with T-ALL", a case report that names an
      // outside topic in passing).
      let keep = !classification.isOffTopic || Self.isCaseOfALL(classification, facts)
      if keep { for fact in facts { patient.set(fact) } }
      var answer = abstention(classification)
      if keep, !facts.isEmpty, !patient.isEmpty { answer.echo = "Patient: " + patient.summary }
      return (.outOfScope, answer)
    }
  }
}
