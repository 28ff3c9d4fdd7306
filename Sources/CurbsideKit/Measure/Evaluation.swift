import Foundation

/// Scores the classifier on a labelled set: `intent<TAB>question` a line, `#` comments. A set
/// with `---` lines is a set of consultations: the lines between two `---` share one session,
/// as in a batch, so follow-ups and what-ifs are scored in their thread.
public struct Evaluation: Sendable {
  /// One labelled input: the intent expected, the input, its line, and its consultation.
  public struct Row: Sendable {
    public var expected: IntentID
    public var input: String
    public var line: Int
    /// Rows with the same thread share a session.
    public var thread: Int
  }

  /// One labelled input and what Curbside made of it.
  public struct Case: Sendable {
    public var expected: IntentID
    public var input: String
    public var got: IntentID
    public var abstained: Bool
    public var line: Int
  }

  public var cases: [Case] = []

  /// Parses the set; a malformed line is a located diagnostic.
  public static func parse(_ text: String, path: String) throws(DataError) -> [Row] {
    var rows: [Row] = []
    var problems: [Diagnostic] = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let threaded = lines.contains { $0.trimmingCharacters(in: .whitespaces) == "---" }
    var thread = 0
    for (index, line) in lines.enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      if trimmed == "---" || !threaded { thread += 1 }
      if trimmed == "---" { continue }
      let parts = line.split(separator: "\t", maxSplits: 1)
      guard parts.count == 2 else {
        problems.append(
          Diagnostic(file: path, line: index + 1, column: 1, message: "expected intent<TAB>question"))
        continue
      }
      let id = IntentID(String(parts[0]).trimmingCharacters(in: .whitespaces))
      guard IntentID.all.contains(id) else {
        problems.append(
          Diagnostic(file: path, line: index + 1, column: 1, message: "unknown intent id '\(id)'"))
        continue
      }
      rows.append(Row(expected: id, input: String(parts[1]), line: index + 1, thread: thread))
    }
    if !problems.isEmpty { throw DataError(diagnostics: problems) }
    return rows
  }

  /// Classifies each row, in a fresh session for each thread.
  public static func run(_ rows: [Row], engine: Engine) -> Evaluation {
    var evaluation = Evaluation()
    var session = engine.session()
    var thread: Int?
    for row in rows {
      if row.thread != thread { session = engine.session() }
      thread = row.thread
      let response = session.respond(to: row.input)
      evaluation.cases.append(
        Case(
          expected: row.expected, input: row.input, got: response.intent,
          abstained: response.intent == .outOfScope, line: row.line))
    }
    return evaluation
  }

  public var inScope: [Case] { cases.filter { $0.expected != .outOfScope } }
  public var outOfScope: [Case] { cases.filter { $0.expected == .outOfScope } }
  /// In-scope inputs answered with the right intent.
  public var accuracy: Double { Self.ratio(inScope.filter { $0.got == $0.expected }.count, inScope.count) }
  /// Out-of-scope inputs on which Curbside abstained.
  public var abstention: Double { Self.ratio(outOfScope.filter(\.abstained).count, outOfScope.count) }
  /// Inputs answered with a wrong intent (not abstentions), over all inputs.
  public var wrongAnswers: Double {
    Self.ratio(cases.filter { $0.got != $0.expected && !$0.abstained }.count, cases.count)
  }

  /// Inputs answered with the intent expected, over all inputs (for consultations, the turns
  /// kept on the right intent).
  public var overall: Double { Self.ratio(cases.filter { $0.got == $0.expected }.count, cases.count) }

  static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }

  /// A ratio as the reports print it: "97.2%".
  static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

  /// The report `curbside eval` prints.
  public var report: String {
    let percent = Self.percent
    var lines = [
      "inputs: \(cases.count) (in scope \(inScope.count), out of scope \(outOfScope.count))",
      "in-scope accuracy: \(percent(accuracy))",
      "out-of-scope abstention: \(percent(abstention))",
      "wrong answers: \(percent(wrongAnswers)) of all inputs",
      "right intent: \(percent(overall)) of all inputs",
      "", "per intent (recall; answered wrongly elsewhere):",
    ]
    for id in IntentID.all {
      let rows = cases.filter { $0.expected == id }
      guard !rows.isEmpty else { continue }
      let right = rows.filter { $0.got == id }.count
      lines.append(
        "  \(id.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)) \(right)/\(rows.count)")
    }
    var pairs: [String: Int] = [:]
    for c in cases where c.got != c.expected { pairs["\(c.expected) -> \(c.got)", default: 0] += 1 }
    if !pairs.isEmpty {
      lines += ["", "confusions (expected -> got):"]
      for (pair, count) in pairs.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key })
      {
        lines.append("  \(count)  \(pair)")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Each miss, with its line, for `--verbose`.
  public var misses: String {
    cases.filter { $0.got != $0.expected }.map {
      "line \($0.line): expected \($0.expected), got \($0.got): \($0.input)"
    }.joined(separator: "\n")
  }
}
