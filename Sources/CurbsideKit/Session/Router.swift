/// Decides what a line is in the context of the session: a question, a what-if, a follow-up,
/// patient facts, or something to abstain on.
enum Router {
  enum Route: Equatable {
    case intent(IntentID)
    case whatIf(IntentID)
    /// Classify again with the last named drug or regimen added ("what dose of it?").
    case entity(String)
    case abstain
  }

  static func route(
    _ classification: Classification, facts: [PatientFact], factsOnly: Bool, session: Session,
    lexicon: Lexicon
  ) -> Route {
    let tokens = classification.normalized.tokens.map(\.text)
    let last = session.lastClinical?.intent
    if classification.reason == .command { return .intent(classification.intent) }
    switch classification.reason {
    case .foreign, .outOfScopeTopic: return .abstain
    default: break
    }
    if let last, !facts.isEmpty, opensWhatIf(tokens, lexicon),
      classification.abstained || classification.intent == last
    {
      return .whatIf(last)
    }
    if factsOnly { return .intent(.contextSet) }
    if !classification.abstained {
      return .intent(preferred(classification.intent, session: session, facts: facts))
    }
    if let entity = session.lastEntity, tokens.contains(where: lexicon.references.contains),
      !tokens.contains(entity)
    {
      return .entity(entity)
    }
    if let last, tokens.count <= 6, tokens.contains(where: lexicon.followUpCues.contains) {
      return .intent(last)
    }
    return .abstain
  }

  /// The intent to answer for this patient: the first `prefer` rule whose conditions all hold.
  static func preferred(_ intent: IntentID, session: Session, facts: [PatientFact]) -> IntentID {
    guard let spec = session.engine.catalog.spec(intent), !spec.prefer.isEmpty else { return intent }
    var patient = session.patient
    for fact in facts { patient.set(fact) }
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
