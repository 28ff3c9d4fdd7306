import Yams

/// Typed, located access to a YAML mapping; every problem becomes a diagnostic, never a throw.
struct YAMLMap {
  let document: YAMLDocument
  let node: Node
  private let pairs: [(key: String, keyNode: Node, value: Node)]

  /// Wraps `node` if it is a mapping, else reports `what` as the expected shape.
  init?(_ node: Node, in document: YAMLDocument, what: String, bag: inout DiagnosticBag) {
    guard case .mapping(let mapping) = node else {
      bag.add(document.diagnostic(at: node, "expected \(what) (a mapping)"))
      return nil
    }
    self.document = document
    self.node = node
    self.pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
  }

  var keys: [String] { pairs.map(\.key) }
  var entries: [(key: String, keyNode: Node, value: Node)] { pairs }

  subscript(key: String) -> Node? { pairs.first { $0.key == key }?.value }

  /// Reports keys outside `allowed`, with a suggestion.
  func checkKeys(allowed: [String], bag: inout DiagnosticBag) {
    for pair in pairs where !allowed.contains(pair.key) {
      var message = "unknown key '\(pair.key)'"
      if let guess = EditDistance.suggestion(for: pair.key, among: allowed) {
        message += "; did you mean '\(guess)'?"
      }
      bag.add(document.diagnostic(at: pair.keyNode, message))
    }
  }

  /// A scalar string; reports a missing required key or a non-scalar value.
  func string(_ key: String, required: Bool = true, bag: inout DiagnosticBag) -> String? {
    guard let value = self[key] else {
      if required { bag.add(document.diagnostic(at: node, "missing key '\(key)'")) }
      return nil
    }
    guard case .scalar(let scalar) = value else {
      bag.add(document.diagnostic(at: value, "'\(key)' must be a string"))
      return nil
    }
    if required, scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      bag.add(document.diagnostic(at: value, "'\(key)' must not be empty"))
      return nil
    }
    return scalar.string
  }

  /// A boolean scalar (`true`/`false`); absent means `defaultValue`.
  func bool(_ key: String, default defaultValue: Bool, bag: inout DiagnosticBag) -> Bool {
    guard let value = self[key] else { return defaultValue }
    switch value.string?.lowercased() {
    case "true", "yes": return true
    case "false", "no": return false
    default:
      bag.add(document.diagnostic(at: value, "'\(key)' must be true or false"))
      return defaultValue
    }
  }

  /// A list of scalar strings, each with its node; a lone scalar counts as a one-item list.
  func strings(_ key: String, bag: inout DiagnosticBag) -> [(String, Node)] {
    guard let value = self[key] else { return [] }
    return YAMLMap.strings(in: value, key: key, document: document, bag: &bag)
  }

  static func strings(in value: Node, key: String, document: YAMLDocument, bag: inout DiagnosticBag)
    -> [(String, Node)]
  {
    switch value {
    case .scalar(let scalar): return [(scalar.string, value)]
    case .sequence(let sequence):
      var result: [(String, Node)] = []
      for item in sequence {
        if case .scalar(let scalar) = item {
          result.append((scalar.string, item))
        } else {
          bag.add(document.diagnostic(at: item, "items of '\(key)' must be strings"))
        }
      }
      return result
    default:
      bag.add(document.diagnostic(at: value, "'\(key)' must be a list of strings"))
      return []
    }
  }

  /// A mapping of term to number, as used for weights.
  func weights(_ key: String, bag: inout DiagnosticBag) -> [(String, Double, Node)] {
    guard let value = self[key] else { return [] }
    guard let map = YAMLMap(value, in: document, what: "'\(key)'", bag: &bag) else { return [] }
    var result: [(String, Double, Node)] = []
    for entry in map.entries {
      guard let text = entry.value.string, let weight = Double(text), weight.isFinite else {
        bag.add(document.diagnostic(at: entry.value, "weight of '\(entry.key)' must be a number"))
        continue
      }
      result.append((entry.key, weight, entry.keyNode))
    }
    return result
  }

  /// The items of a sequence value.
  func sequence(_ key: String, required: Bool = false, bag: inout DiagnosticBag) -> [Node] {
    guard let value = self[key] else {
      if required { bag.add(document.diagnostic(at: node, "missing key '\(key)'")) }
      return []
    }
    guard case .sequence(let sequence) = value else {
      bag.add(document.diagnostic(at: value, "'\(key)' must be a list"))
      return []
    }
    return Array(sequence)
  }
}
