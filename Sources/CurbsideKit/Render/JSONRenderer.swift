/// One JSON object a response, with the keys of the product contract.
public struct JSONRenderer: Sendable {
  public var references: [String: Reference]

  public init(references: [String: Reference]) { self.references = references }

  public func render(_ response: Response) -> String {
    object(response).serialized
  }

  public func object(_ response: Response) -> JSONValue {
    let answer = response.answer
    let body = TextRenderer(options: RenderOptions(width: 1_000_000), references: references)
      .render(answer, includeDisclaimer: false, includeSources: false)
    let statements = answer.statementItems.map { item -> JSONValue in
      .object([
        "id": .string(item.statementID ?? ""), "text": .string(item.text),
        "references": .array(item.refs.map(JSONValue.string)),
      ])
    }
    return .object([
      "input": .string(response.input),
      "intent": .string(response.intent.rawValue),
      "confidence": .number((response.confidence * 10000).rounded() / 10000),
      "abstained": .bool(response.abstained),
      "patient": Self.patient(response.patient),
      "answer": .object([
        "title": .string(answer.title),
        "text": .string(body.hasSuffix("\n") ? String(body.dropLast()) : body),
        "statements": .array(statements),
      ]),
      "references": .array(
        response.references.map {
          .object(["key": .string($0.key), "citation": .string($0.fullCitation)])
        }),
      "disclaimer": .string(answer.disclaimer),
      "knowledge_version": .string(response.knowledgeVersion),
    ])
  }

  /// The patient object: keys present only when known.
  static func patient(_ patient: Patient) -> JSONValue {
    var members: [String: JSONValue] = [:]
    func word(_ field: PatientField, _ key: String) {
      if let value = patient[field]?.word { members[key] = .string(value) }
    }
    if let age = patient.age { members["age"] = .number(age) }
    if let wbc = patient.wbc { members["wbc"] = .number(wbc) }
    if let ecog = patient[.ecog]?.number { members["ecog"] = .number(ecog) }
    word(.sex, "sex")
    word(.cd20, "cd20")
    word(.ph, "ph")
    word(.cns, "cns")
    word(.subtype, "subtype")
    word(.fitness, "fitness")
    word(.genetics, "genetics")
    word(.phase, "phase")
    if let percent = patient[.cd20Percent]?.number { members["cd20_percent"] = .number(percent) }
    if let status = patient[.mrd]?.word {
      var mrd: [String: JSONValue] = ["status": .string(status)]
      if let level = patient[.mrdLevel]?.number { mrd["level"] = .number(level) }
      members["mrd"] = .object(mrd)
    }
    return .object(members)
  }
}
