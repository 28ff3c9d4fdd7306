/// One JSON object a response, with the keys of the product contract.
///
/// The object is written straight to bytes, its keys in sorted order as `JSONValue` would
/// sort them: `{"abstained", "answer": {"statements": [{"id", "references", "text"}], "text",
/// "title"}, "confidence", "disclaimer", "input", "intent", "knowledge_version", "patient",
/// "references": [{"citation", "key"}]}`. Building a tree of dictionaries first and sorting
/// their keys cost more than the rest of the rendering.
public struct JSONRenderer: Sendable {
  public var references: [String: Reference]

  public init(references: [String: Reference]) { self.references = references }

  /// The response's JSON on one line, without a line end.
  public func render(_ response: Response) -> String {
    var out = JSONText()
    write(response, to: &out)
    return out.string
  }

  /// The response's JSON on one line, ending with a newline (a line of JSON Lines).
  public func line(_ response: Response) -> String {
    var out = JSONText()
    write(response, to: &out)
    out.append("\n")
    return out.string
  }

  /// Writes the response's object, keys in sorted order.
  func write(_ response: Response, to out: inout JSONText) {
    let answer = response.answer
    out.member("abstained")
    out.append(response.abstained ? "true" : "false")
    out.member("answer")
    write(answer, to: &out)
    out.member("confidence")
    out.append(JSONValue.format((response.confidence * 10000).rounded() / 10000))
    out.member("disclaimer")
    out.quote(answer.disclaimer)
    out.member("input")
    out.quote(response.input)
    out.member("intent")
    out.quote(response.intent.rawValue)
    out.member("knowledge_version")
    out.quote(response.knowledgeVersion)
    out.member("patient")
    Self.patient(response.patient).write(to: &out)
    out.member("references")
    out.append("[")
    for reference in response.references {
      out.element()
      out.member("citation")
      out.quote(reference.fullCitation)
      out.member("key")
      out.quote(reference.key)
      out.close()
    }
    out.append("]")
    out.close()
  }

  /// Writes the answer object: its statements, its whole text unwrapped, its title.
  func write(_ answer: Answer, to out: inout JSONText) {
    out.member("statements")
    out.append("[")
    for section in answer.sections {
      for item in section.items {
        guard let id = item.statementID else { continue }
        out.element()
        out.member("id")
        out.quote(id)
        out.member("references")
        out.append("[")
        for key in item.refs {
          out.element()
          out.quote(key)
        }
        out.append("]")
        out.member("text")
        out.quote(item.text)
        out.close()
      }
    }
    out.append("]")
    var body = TextRenderer(options: RenderOptions(width: Self.unwrapped), references: references)
      .render(answer, includeDisclaimer: false, includeSources: false)
    if body.hasSuffix("\n") { body.removeLast() }
    out.member("text")
    out.quote(body)
    out.member("title")
    out.quote(answer.title)
    out.close()
  }

  /// A width no line reaches: the text of a JSON answer is not wrapped.
  static let unwrapped = 1_000_000

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
