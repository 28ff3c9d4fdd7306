import CurbsideTestSupport
import Foundation
import Testing

@testable import CurbsideKit

@Suite struct KnowledgeTests {
  let knowledge = Fixtures.engine.knowledge

  @Test func checkFindsNoErrorsInTheProjectData() {
    let (bag, engine) = Checker.run(intents: Fixtures.intents, knowledge: Fixtures.knowledge)
    #expect(engine != nil)
    #expect(bag.errors.isEmpty, "\(bag.errors.map(\.description).joined(separator: "\n"))")
  }

  @Test func everyClinicalIntentHasAtLeastTwoReferencedStatements() {
    for intent in IntentID.clinical {
      let statements = knowledge.topic(intent)?.statements ?? []
      #expect(statements.count >= 2, "\(intent)")
      for statement in statements {
        #expect(!statement.refs.isEmpty, "\(statement.id)")
        for key in statement.refs { #expect(knowledge.references[key] != nil, "\(statement.id): \(key)") }
      }
    }
  }

  @Test func citationsCarryNoWebAddresses() {
    for reference in knowledge.references.values {
      #expect(!reference.citation.contains("http"), "\(reference.key)")
      #expect(!reference.citation.contains("www."), "\(reference.key)")
    }
  }

  @Test func knowledgeIsVersionedAndDated() {
    #expect(!knowledge.version.isEmpty)
    #expect(knowledge.reviewed.count == 10)
    #expect(knowledge.disclaimer.contains("healthcare professionals"))
  }

  /// Every percentage and dose printed (statements and their corrections) must exist in the
  /// vetted sources beside the project.
  @Test func everyFigureIsInTheSharedKnowledge() throws {
    let shared = Fixtures.root.deletingLastPathComponent().appendingPathComponent("shared/knowledge")
    let files = ["guideline-facts.md", "seed-factcheck.md", "source-article.txt"]
    let sources = files.compactMap {
      try? String(contentsOf: shared.appendingPathComponent($0), encoding: .utf8)
    }
    try #require(
      sources.count == files.count, "the vetted sources are not beside the project at \(shared.path)")
    let corpus = sources.joined(separator: "\n").replacingOccurrences(of: " ", with: "")
    let pattern = try NSRegularExpression(
      pattern: #"\d+(?:\.\d+)?\s?(?:%|mg/m²|mg/m2|mg|g/m²|g/m2|µg/m²|µg|IU/m²|IU)"#)
    var checked = 0
    for statement in knowledge.allStatements {
      for text in [statement.text, statement.corrects ?? ""] {
        let ns = text as NSString
        for match in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
          let figure = ns.substring(with: match.range).replacingOccurrences(of: " ", with: "")
          checked += 1
          #expect(corpus.contains(figure), "\(statement.id) prints \(figure)")
        }
      }
    }
    #expect(checked > 100)
  }

  @Test func sourceArticleErrorsAreCorrectedWhereAPhysicianCouldBeMisled() {
    let all = knowledge.allStatements
    #expect(all.contains { $0.text.contains("78%") && $0.text.contains("88") && $0.intent == "mrd" })
    #expect(
      all.contains { $0.intent == "regimen.hypercvad" && $0.text.lowercased().contains("asparaginase") })
    #expect(
      all.contains {
        $0.intent == "regimen.hypercvad" && $0.text.contains("81%") && $0.text.contains("Burkitt")
      })
    #expect(all.filter { $0.corrects != nil }.count >= 10)
  }
}
