import Yams

/// Reads one `topics/<intent>.yaml` file.
enum TopicLoader {
  static let statementKeys = [
    "id", "kind", "text", "refs", "when", "when_any", "status", "detail", "corrects", "feature",
  ]

  static func load(_ document: YAMLDocument, bag: inout DiagnosticBag) -> Topic? {
    guard let map = YAMLMap(document.root, in: document, what: "a topic", bag: &bag) else {
      return nil
    }
    map.checkKeys(allowed: ["intent", "title", "statements"], bag: &bag)
    guard let rawIntent = map.string("intent", bag: &bag) else { return nil }
    let intent = IntentID(rawIntent)
    if !intent.isClinical {
      var message = "'\(rawIntent)' is not a clinical intent id"
      if let guess = EditDistance.suggestion(for: rawIntent, among: IntentID.clinical.map(\.rawValue)) {
        message += "; did you mean '\(guess)'?"
      }
      bag.add(document.diagnostic(at: map["intent"], message))
    }
    let statements = map.sequence("statements", required: true, bag: &bag).compactMap {
      statement($0, intent: intent, document: document, bag: &bag)
    }
    return Topic(
      intent: intent, title: map.string("title", bag: &bag) ?? rawIntent, statements: statements)
  }

  static func statement(
    _ node: Node, intent: IntentID, document: YAMLDocument, bag: inout DiagnosticBag
  ) -> Statement? {
    guard let map = YAMLMap(node, in: document, what: "a statement", bag: &bag) else { return nil }
    map.checkKeys(allowed: statementKeys, bag: &bag)
    guard let id = map.string("id", bag: &bag), let text = map.string("text", bag: &bag) else {
      return nil
    }
    let kindText = map.string("kind", bag: &bag) ?? "evidence"
    let kind = Statement.Kind(rawValue: kindText)
    if kind == nil {
      bag.add(
        document.diagnostic(
          at: map["kind"], "unknown kind '\(kindText)'; expected recommendation, evidence or caution"))
    }
    let statusText = map.string("status", required: false, bag: &bag) ?? "verified"
    let status = Statement.Status(rawValue: statusText)
    if status == nil {
      bag.add(
        document.diagnostic(
          at: map["status"],
          "unknown status '\(statusText)'; expected verified, secondary, conference or unverified"))
    }
    let refs = map.strings("refs", bag: &bag).map(\.0)
    if refs.isEmpty { bag.add(document.diagnostic(at: node, "statement '\(id)' has no references")) }
    var statement = Statement(
      id: id, intent: intent, kind: kind ?? .evidence,
      text: text.trimmingCharacters(in: .whitespacesAndNewlines), refs: refs,
      when: conditions(map["when"], document: document, bag: &bag), status: status ?? .verified,
      detail: map.bool("detail", default: false, bag: &bag),
      corrects: map.string("corrects", required: false, bag: &bag)?
        .trimmingCharacters(in: .whitespacesAndNewlines),
      feature: map.string("feature", required: false, bag: &bag), file: document.displayPath,
      line: node.mark?.line ?? 1)
    statement.whenAny = map.sequence("when_any", bag: &bag).map {
      conditions($0, document: document, bag: &bag)
    }
    return statement
  }

  static func conditions(_ node: Node?, document: YAMLDocument, bag: inout DiagnosticBag)
    -> [Condition]
  {
    guard let node, let map = YAMLMap(node, in: document, what: "'when'", bag: &bag) else {
      return []
    }
    var result: [Condition] = []
    for entry in map.entries {
      guard let key = FactKey(rawValue: entry.key) else {
        var message = "unknown condition '\(entry.key)'"
        if let guess = EditDistance.suggestion(for: entry.key, among: FactKey.allCases.map(\.rawValue)) {
          message += "; did you mean '\(guess)'?"
        }
        bag.add(document.diagnostic(at: entry.keyNode, message))
        continue
      }
      if let allowed = key.allowedWords {
        let words = YAMLMap.strings(in: entry.value, key: entry.key, document: document, bag: &bag)
          .map { $0.0.lowercased() }
        for word in words where !allowed.contains(word) {
          bag.add(
            document.diagnostic(
              at: entry.value,
              "'\(word)' is not a value of '\(entry.key)'; expected \(allowed.joined(separator: ", "))"))
        }
        if !words.isEmpty { result.append(Condition(key: key, test: .oneOf(words))) }
      } else {
        guard let text = entry.value.string, let range = NumberRange(text) else {
          bag.add(
            document.diagnostic(
              at: entry.value, "'\(entry.key)' must be a range such as \">=65\", \"<18\" or \"18-60\""))
          continue
        }
        result.append(Condition(key: key, test: .range(range)))
      }
    }
    return result
  }
}
