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

  init(engine: Engine) { self.engine = engine }

  /// Forgets the patient and the thread.
  public mutating func reset() {
    patient = Patient()
    lastClinical = nil
    lastAnswer = nil
    lastEntity = nil
  }

  /// Answers one line of input.
  public mutating func respond(to rawLine: String) -> Response {
    turn += 1
    let line = InputSanitizer.clean(rawLine)
    let normalized = engine.classifier.normalizer.normalize(line)
    let facts = engine.extractor.extract(normalized.folded, turn: turn)
    let classification = engine.classifier.classify(normalized)
    var route = Router.route(
      classification, facts: facts, factsOnly: statesOnlyFacts(normalized.folded, facts),
      session: self, lexicon: engine.catalog.lexicon)
    if case .entity(let entity) = route {
      let retried = engine.classifier.classify(
        engine.classifier.normalizer.normalize(line + " " + entity))
      route = retried.abstained ? .abstain : .intent(retried.intent)
    }
    let (intent, answer) = answer(route, classification: classification, facts: facts)
    if intent.isClinical {
      lastDecision = Self.decision(line, intent: intent, classification: classification)
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
      text += "matched \(classification.intent) (confidence \(Classification.format(classification.confidence)))"
      if classification.intent != intent { text += "; answered as \(intent) for this patient" }
    }
    return text
  }

  /// True when the line states patient facts and asks nothing: with the facts blanked out,
  /// no question mark is left and no intent's term fires on what remains.
  func statesOnlyFacts(_ folded: String, _ facts: [PatientFact]) -> Bool {
    guard !facts.isEmpty else { return false }
    var characters = Array(folded.utf16)
    for fact in facts {
      for index in fact.span where index < characters.count { characters[index] = 0x20 }
    }
    let remainder = String(decoding: characters, as: UTF16.self)
    if remainder.contains("?") { return false }
    return engine.classifier.classify(remainder).ranking.isEmpty
  }

  /// The classifier's confidence when it decided; 1 when the session decided from a command,
  /// stated facts or the thread (those decisions are rules, not guesses).
  private func confidence(_ route: Router.Route, _ classification: Classification) -> Double {
    switch route {
    case .intent(let id) where id == classification.intent: return classification.confidence
    case .abstain, .entity: return classification.confidence
    case .intent, .whatIf: return 1
    }
  }

  private mutating func answer(
    _ route: Router.Route, classification: Classification, facts: [PatientFact]
  ) -> (IntentID, Answer) {
    switch route {
    case .whatIf(let intent):
      return (intent, whatIf(intent, facts: facts))
    case .intent(let intent):
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
      for fact in facts { patient.set(fact) }
      var answer = abstention(classification)
      if !facts.isEmpty { answer.echo = "Patient: " + patient.summary }
      return (.outOfScope, answer)
    }
  }
}
