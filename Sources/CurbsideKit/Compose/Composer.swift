/// Builds answers from the knowledge, tailored to the patient.
public struct Composer: Sendable {
  public let knowledge: KnowledgeBase
  /// Distinctive words of statements, for the details a question names.
  let index: StatementIndex

  public init(knowledge: KnowledgeBase) {
    self.knowledge = knowledge
    index = StatementIndex(knowledge: knowledge)
  }

  /// Chooses the statements of `intent`'s topic for `patient`; held-back details that
  /// `question` names by a distinctive word, other than `topicWords`, are shown too (see
  /// `StatementIndex`).
  public func select(
    _ intent: IntentID, for patient: Patient, question: String = "",
    topicWords: () -> Set<String> = { [] }
  ) -> Selection? {
    guard let topic = knowledge.topic(intent) else { return nil }
    var selection = Selection(intent: intent, title: topic.title, patient: patient)
    var unknownKeys: [FactKey: [Condition]] = [:]
    var reasonParts: [(fact: String, range: String?)] = []
    for statement in topic.statements {
      let outcome = Selection.outcome(statement, patient)
      if outcome == .fails {
        let failed =
          statement.when.first { $0.evaluate(patient) == .fails }
          ?? statement.whenAny.flatMap { $0 }.first { $0.evaluate(patient) == .fails }!
        selection.excluded.append((statement, failed))
        continue
      }
      let settled = statement.whenAny.contains { Selection.outcome(of: $0, patient) == .holds }
      let alternatives = settled ? [] : statement.whenAny.flatMap { $0 }
      for condition in statement.when + alternatives where condition.evaluate(patient) == .unknown {
        unknownKeys[condition.key, default: []].append(condition)
      }
      let chosenByPatient = outcome == .holds && !(statement.when.isEmpty && statement.whenAny.isEmpty)
      let showAll = intent == "risk.high" && !patient.isEmpty && statement.feature != nil
      if !statement.detail || chosenByPatient || showAll {
        selection.shown.append(statement)
        if chosenByPatient { reasonParts.append(contentsOf: reasons(statement, patient)) }
      } else {
        selection.heldBack.append(statement)
      }
    }
    let named = index.named(in: question, topicWords: topicWords, topic: topic, among: selection.heldBack)
    if !named.isEmpty {
      selection.shown += selection.heldBack.filter { named.contains($0.id) }
      selection.heldBack.removeAll { named.contains($0.id) }
    }
    selection.shown = Self.ordered(selection.shown)
    selection.heldBack = Self.ordered(selection.heldBack)
    selection.reasons = Self.merged(reasonParts)
    // An unknown phase is taken as first-line (see Condition), so it is not an open question;
    // relapse-only statements still carry their "(if relapsed)" label.
    selection.unknown = FactKey.allCases.filter { $0 != .phase }.compactMap { key in
      unknownKeys[key].map { (key, Self.labels($0)) }
    }
    return selection
  }

  /// Reasons without repeats, with the ranges of one fact joined: "age 72 (≥ 60; > 55)".
  static func merged(_ reasons: [(fact: String, range: String?)]) -> [String] {
    var order: [String] = []
    var ranges: [String: [String]] = [:]
    for (fact, range) in reasons {
      if ranges[fact] == nil {
        order.append(fact)
        ranges[fact] = []
      }
      if let range, !ranges[fact]!.contains(range) { ranges[fact]!.append(range) }
    }
    return order.map { fact in
      ranges[fact]!.isEmpty ? fact : "\(fact) (\(ranges[fact]!.joined(separator: "; ")))"
    }
  }

  /// The label of each condition, each distinct condition labelled once: many statements of a
  /// topic share a condition ("Ph-positive"), and a label is text built anew.
  static func labels(_ conditions: [Condition]) -> [String] {
    var labelled: [(condition: Condition, label: String)] = []
    return conditions.map { condition in
      if let done = labelled.first(where: { $0.condition == condition }) { return done.label }
      let label = condition.label
      labelled.append((condition, label))
      return label
    }
  }

  /// Recommendations, then evidence, then cautions; file order within each kind.
  static func ordered(_ statements: [Statement]) -> [Statement] {
    guard statements.count > 1 else { return statements }
    var byKind = [[Statement]](repeating: [], count: Statement.Kind.allCases.count)
    for statement in statements {
      byKind[Statement.Kind.allCases.firstIndex(of: statement.kind)!].append(statement)
    }
    return byKind.flatMap { $0 }
  }

  /// Why a statement's conditions hold: "age 72 (≥ 60)", "Ph-negative".
  func reasons(_ statement: Statement, _ patient: Patient) -> [(fact: String, range: String?)] {
    let alternative = statement.whenAny.first { Selection.outcome(of: $0, patient) == .holds } ?? []
    return (statement.when + alternative).compactMap { condition in
      switch (condition.test, patient.value(for: condition.key)) {
      case (.range(let range), .number(let value)?):
        let name = condition.key == .wbc ? "WBC" : condition.key.rawValue
        let shown = condition.key == .age ? Patient.ageValue(value) : NumberRange.show(value)
        return ("\(name) \(shown)", range.description)
      case (.oneOf, .word(let word)?) where condition.key == .nciRisk:
        return ("NCI \(word) risk", "age and WBC")
      case (.oneOf, .word(let word)?):
        return (Condition(key: condition.key, test: .oneOf([word])).label, nil)
      default:
        return nil
      }
    }
  }

  /// The answer for a selection: statements grouped by kind, labelled and referenced.
  public func answer(_ selection: Selection, showing statements: [Statement]? = nil) -> Answer {
    var answer = Answer(title: selection.title, disclaimer: knowledge.disclaimer)
    let list = statements ?? selection.shown
    let risk = selection.intent == "risk.high" && !selection.patient.isEmpty
    for kind in Statement.Kind.allCases {
      let items = list.filter { $0.kind == kind }.map { statement in
        item(statement, patient: selection.patient, risk: risk)
      }
      if !items.isEmpty { answer.sections.append(.init(heading: heading(kind), items: items)) }
    }
    answer.appliesBecause = selection.reasons
    answer.unknowns = selection.unknown.map { key, labels in unknownLine(key, labels: labels) }
    // An infant is in no NCI risk group (Patient.nciRisk): say so, not just leave them out.
    let forRiskGroups = selection.excluded.filter { $0.1.key == .nciRisk }.count
    if selection.patient.nciRisk == "infant", forRiskGroups > 0 {
      let count = forRiskGroups == 1 ? "1 statement" : "\(forRiskGroups) statements"
      answer.unknowns.append(
        "Under 1 year: outside the NCI risk groups, which start at age 1; \(count) for those groups left out")
    }
    return answer
  }

  func item(_ statement: Statement, patient: Patient, risk: Bool) -> Answer.Item {
    var labels: [String] = []
    if risk, statement.feature != nil {
      labels.append(RiskFeature.status(of: statement, patient: patient))
    } else if Selection.outcome(statement, patient) == .unknown {
      var open = statement.when.filter { $0.evaluate(patient) == .unknown }.map(\.label)
      if !statement.whenAny.isEmpty,
        !statement.whenAny.contains(where: { Selection.outcome(of: $0, patient) == .holds })
      {
        open.append(Selection.alternativesLabel(statement))
      }
      labels.append("if " + open.joined(separator: ", "))
    }
    if let status = statement.status.label { labels.append(status) }
    let note = statement.corrects.map { "Correction: \($0)" }
    return Answer.Item(
      statementID: statement.id, text: statement.text, refs: statement.refs, labels: labels,
      note: note)
  }

  func heading(_ kind: Statement.Kind) -> String {
    switch kind {
    case .recommendation: return "Recommendations"
    case .evidence: return "Evidence"
    case .caution: return "Cautions"
    }
  }

  /// "Ph status unknown: 2 statements apply only if Ph-positive".
  func unknownLine(_ key: FactKey, labels: [String]) -> String {
    let name: String
    switch key {
    case .age: name = "Age"
    case .wbc: name = "WBC"
    case .nciRisk: name = "NCI risk group (age and WBC)"
    case .ph: name = "Ph status"
    case .phLike: name = "Ph-like status"
    case .cd20: name = "CD20"
    case .mrd: name = "MRD status"
    case .fitness: name = "Fitness"
    case .subtype: name = "Subtype (precursor B or Burkitt)"
    case .cns: name = "CNS status"
    case .phase: name = "Phase of treatment"
    }
    let distinct = labels.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    let statements = labels.count == 1 ? "1 statement applies" : "\(labels.count) statements apply"
    return "\(name) unknown: \(statements) only if \(distinct.joined(separator: " or "))"
  }
}
