import Foundation

/// Scores fact extraction on labelled case descriptions: one JSON object a line,
/// `{"text": "...", "facts": {...}}`, where `facts` holds the keys of the JSON `patient` object
/// (PRODUCT.md) that the text states. Each text is read in a fresh session.
public struct FactEvaluation: Sendable {
  /// The keys scored: the patient keys of the product contract.
  public static let keys = ["age", "sex", "wbc", "cd20", "ph", "cns", "mrd", "subtype", "fitness", "ecog"]

  /// One case and what Curbside read from it.
  public struct Case: Sendable {
    public var text: String
    public var line: Int
    public var expected: [String: JSONValue]
    public var got: [String: JSONValue]

    /// Stated facts read with the right value.
    public var right: [String] {
      expected.keys.sorted().filter { FactEvaluation.same(expected[$0]!, got[$0]) }
    }
    /// Facts read that the text does not state, or states otherwise.
    public var wrong: [String] { got.keys.sorted().filter { !FactEvaluation.same(expected[$0], got[$0]!) } }
  }

  public var cases: [Case] = []

  /// Parses the set; a line that is not such an object is a located diagnostic.
  public static func parse(_ text: String, path: String) throws(DataError) -> [(
    String, [String: JSONValue], Int
  )] {
    var rows: [(String, [String: JSONValue], Int)] = []
    var problems: [Diagnostic] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
      let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
      guard let object, let text = object["text"] as? String, let facts = object["facts"] as? [String: Any]
      else {
        problems.append(
          Diagnostic(
            file: path, line: index + 1, column: 1, message: "expected {\"text\": string, \"facts\": object}")
        )
        continue
      }
      if let unknown = facts.keys.sorted().first(where: { !keys.contains($0) }) {
        problems.append(
          Diagnostic(file: path, line: index + 1, column: 1, message: "unknown fact key '\(unknown)'"))
        continue
      }
      rows.append((text, facts.compactMapValues(JSONValue.init(foundation:)), index + 1))
    }
    if !problems.isEmpty { throw DataError(diagnostics: problems) }
    return rows
  }

  /// Reads each case in a fresh session and keeps the scored keys of the patient.
  public static func run(_ rows: [(String, [String: JSONValue], Int)], engine: Engine) -> FactEvaluation {
    var evaluation = FactEvaluation()
    for (text, expected, line) in rows {
      var session = engine.session()
      let response = session.respond(to: text)
      guard case .object(let patient) = JSONRenderer.patient(response.patient) else { continue }
      let got = patient.filter { keys.contains($0.key) }
      evaluation.cases.append(Case(text: text, line: line, expected: expected, got: got))
    }
    return evaluation
  }

  /// True when a value read matches the one expected: numbers to 0.01 (levels to 1%), an MRD
  /// level only when one is expected.
  static func same(_ expected: JSONValue?, _ got: JSONValue?) -> Bool {
    switch (expected, got) {
    case (.number(let a)?, .number(let b)?): return abs(a - b) <= max(0.01 * abs(a), a < 1 ? 1e-12 : 0.01)
    case (.object(let a)?, .object(let b)?):
      return same(a["status"], b["status"]) && (a["level"] == nil || same(a["level"], b["level"]))
    default: return expected == got
    }
  }

  public var stated: Int { cases.map(\.expected.count).reduce(0, +) }
  public var read: Int { cases.map(\.got.count).reduce(0, +) }
  /// Stated facts read with the right value, over all stated facts.
  public var recall: Double { Evaluation.ratio(cases.map(\.right.count).reduce(0, +), stated) }
  /// Values read that are right, over all values read (nothing invented).
  public var precision: Double { Evaluation.ratio(read - cases.map(\.wrong.count).reduce(0, +), read) }

  /// The report `curbside eval` prints for a set of cases.
  public var report: String {
    let percent = Evaluation.percent
    var lines = [
      "cases: \(cases.count), facts stated: \(stated), facts read: \(read)",
      "stated facts read right: \(percent(recall))",
      "values read that are right: \(percent(precision))",
      "", "per fact (right/stated):",
    ]
    for key in Self.keys {
      let stating = cases.filter { $0.expected[key] != nil }
      guard !stating.isEmpty else { continue }
      let right = stating.filter { $0.right.contains(key) }.count
      lines.append("  \(key.padding(toLength: 8, withPad: " ", startingAt: 0)) \(right)/\(stating.count)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Each case with a missed or wrong fact, for `--verbose`.
  public var misses: String {
    cases.compactMap { c -> String? in
      let missed = c.expected.keys.sorted().filter { !c.right.contains($0) }
      guard !missed.isEmpty || !c.wrong.isEmpty else { return nil }
      let parts = Set(missed + c.wrong).sorted().map { key in
        "\(key): expected \(c.expected[key]?.serialized ?? "nothing"), read \(c.got[key]?.serialized ?? "nothing")"
      }
      return "line \(c.line): " + parts.joined(separator: "; ") + "\n  " + String(c.text.prefix(160))
    }.joined(separator: "\n")
  }
}
