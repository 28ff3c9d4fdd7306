import Foundation

/// Validates the intents and the knowledge, reporting every problem in one pass.
public enum Checker {
  /// Loads both folders and runs every check; the engine is returned when loading succeeded.
  public static func run(intents: URL, knowledge: URL) -> (DiagnosticBag, Engine?) {
    var bag = DiagnosticBag()
    let catalog = IntentCatalog.load(from: intents, bag: &bag)
    let base = KnowledgeLoader.load(from: knowledge, bag: &bag)
    let knowledgeName = knowledge.lastPathComponent
    checkKnowledge(base, folder: knowledgeName, bag: &bag)
    checkCollisions(catalog, bag: &bag)
    guard !bag.hasErrors else { return (bag, nil) }
    let engine = Engine(catalog: catalog, knowledge: base)
    checkExamples(engine, bag: &bag)
    return (bag, engine)
  }

  static func checkKnowledge(_ base: KnowledgeBase, folder: String, bag: inout DiagnosticBag) {
    var seen: [String: Statement] = [:]
    var cited = Set<String>()
    for statement in base.allStatements {
      if let first = seen[statement.id] {
        bag.add(
          Diagnostic(
            file: statement.file, line: statement.line, column: 5,
            message: "duplicate statement id '\(statement.id)' (first at \(first.file):\(first.line))"))
      }
      seen[statement.id] = statement
      for key in statement.refs {
        cited.insert(key)
        if base.references[key] == nil {
          var message = "statement '\(statement.id)' cites unknown reference '\(key)'"
          if let guess = EditDistance.suggestion(for: key, among: base.referenceOrder) {
            message += "; did you mean '\(guess)'?"
          }
          bag.add(Diagnostic(file: statement.file, line: statement.line, column: 5, message: message))
        }
      }
      if !statement.id.hasPrefix(statement.intent.rawValue + ".") {
        bag.add(
          Diagnostic(
            file: statement.file, line: statement.line, column: 5,
            message: "statement id '\(statement.id)' should start with '\(statement.intent).'",
            severity: .warning))
      }
    }
    for key in base.referenceOrder where !cited.contains(key) {
      bag.add(
        Diagnostic(
          file: "\(folder)/references.yaml", line: base.references[key]!.line, column: 5,
          message: "reference '\(key)' is cited by no statement"))
    }
    for intent in IntentID.clinical {
      guard let topic = base.topic(intent) else {
        bag.add(
          Diagnostic(
            file: "\(folder)/topics", line: 1, column: 1, message: "no topic for clinical intent '\(intent)'")
        )
        continue
      }
      if topic.statements.filter({ !$0.detail }).isEmpty {
        bag.add(
          Diagnostic(
            file: "\(folder)/topics/\(intent).yaml", line: 1, column: 1,
            message: "topic '\(intent)' has no statement shown by default"))
      }
    }
    if base.disclaimer.isEmpty {
      bag.add(
        Diagnostic(file: "\(folder)/knowledge.yaml", line: 1, column: 1, message: "the disclaimer is empty"))
    }
  }

  /// Warns when one term names two intents strongly (weight 3 or more in both).
  static func checkCollisions(_ catalog: IntentCatalog, bag: inout DiagnosticBag) {
    var owners: [String: (IntentID, IntentSpec.Term)] = [:]
    for spec in catalog.intents {
      // Two terms of one intent that normalise alike would count the same words twice.
      var seen: [[String]: String] = [:]
      for term in spec.terms {
        if let first = seen[term.tokens] {
          bag.add(
            Diagnostic(
              file: spec.file, line: 1, column: 1,
              message:
                "term '\(term.display)' of \(spec.id) reads as '\(first)' after the lexicon: it would count twice",
              severity: .warning))
        }
        seen[term.tokens] = seen[term.tokens] ?? term.display
      }
      for term in spec.terms where term.weight >= 3 {
        let key = term.tokens.joined(separator: " ")
        if let (other, _) = owners[key], other != spec.id {
          bag.add(
            Diagnostic(
              file: spec.file, line: 1, column: 1,
              message: "term '\(term.display)' names both '\(other)' and '\(spec.id)' at weight 3 or more",
              severity: .warning))
        } else {
          owners[key] = (spec.id, term)
        }
      }
    }
  }

  /// Every example must classify, in a fresh session, as its own intent.
  static func checkExamples(_ engine: Engine, bag: inout DiagnosticBag) {
    for spec in engine.catalog.intents {
      for example in spec.examples {
        var session = engine.session()
        let response = session.respond(to: example.text)
        if response.intent != spec.id {
          bag.add(
            Diagnostic(
              file: spec.file, line: example.line, column: example.column,
              message:
                "example \"\(example.text)\" of intent \(spec.id) is taken by intent \(response.intent)"
                + (response.abstained ? " (\(response.classification.reasonText))" : "")))
        }
      }
    }
  }
}
