import CurbsideTestSupport
import Foundation
import Testing

@testable import CurbsideKit

@Suite struct DataDiagnosticsTests {
  /// Copies the project's data, lets the test break it, then runs the checker.
  func check(_ breakIt: (URL, URL) throws -> Void) throws -> [Diagnostic] {
    let folder = Fixtures.scratch(UUID().uuidString)
    let intents = folder.appendingPathComponent("Intents")
    let knowledge = folder.appendingPathComponent("Knowledge")
    try FileManager.default.copyItem(at: Fixtures.intents, to: intents)
    try FileManager.default.copyItem(at: Fixtures.knowledge, to: knowledge)
    try breakIt(intents, knowledge)
    return Checker.run(intents: intents, knowledge: knowledge).0.errors
  }

  func append(_ text: String, to url: URL) throws {
    let old = try String(contentsOf: url, encoding: .utf8)
    try (old + text).write(to: url, atomically: true, encoding: .utf8)
  }

  @Test func brokenYAMLIsNamedWithFileLineAndColumn() throws {
    let errors = try check { intents, _ in
      try "id: mrd\nterms: [unclosed\n".write(
        to: intents.appendingPathComponent("mrd.yaml"), atomically: true, encoding: .utf8)
    }
    let error = try #require(errors.first { $0.file.hasSuffix("mrd.yaml") })
    #expect(error.line >= 2)
    #expect(error.description.hasPrefix("Intents/mrd.yaml:"))
    // The broken file is named once, not also reported missing.
    #expect(!errors.contains { $0.message.contains("no file for intent 'mrd'") })
  }

  @Test func aMissingIntentFileIsReported() throws {
    let errors = try check { intents, _ in
      try FileManager.default.removeItem(at: intents.appendingPathComponent("maintenance.yaml"))
    }
    #expect(errors.contains { $0.message == "no file for intent 'maintenance'" })
  }

  @Test func unknownKeysGetADidYouMean() throws {
    let errors = try check { intents, _ in
      try append("exampels: [x]\n", to: intents.appendingPathComponent("mrd.yaml"))
    }
    #expect(errors.contains { $0.message.contains("did you mean 'examples'") })
  }

  @Test func duplicateKeysAreErrors() throws {
    let errors = try check { intents, _ in
      try append("summary: again\n", to: intents.appendingPathComponent("aya.yaml"))
    }
    #expect(errors.contains { $0.message.contains("duplicate key") && $0.file.hasSuffix("aya.yaml") })
  }

  @Test func unknownReferencesAndWrongTypesAreReported() throws {
    let errors = try check { _, knowledge in
      let file = knowledge.appendingPathComponent("topics/mrd.yaml")
      var text = try String(contentsOf: file, encoding: .utf8)
      text = text.replacingOccurrences(
        of: "refs: [", with: "refs: [NOPE2099, ", options: [], range: text.range(of: "refs: ["))
      try text.write(to: file, atomically: true, encoding: .utf8)
      try "references: 12\n".write(
        to: knowledge.appendingPathComponent("references.yaml"), atomically: true, encoding: .utf8)
    }
    #expect(errors.contains { $0.message.contains("NOPE2099") })
    #expect(errors.contains { $0.file.hasSuffix("references.yaml") && $0.message.contains("must be a list") })
  }

  @Test func emptyFilesAndMissingFoldersAreReported() throws {
    let errors = try check { intents, knowledge in
      try "".write(to: intents.appendingPathComponent("aya.yaml"), atomically: true, encoding: .utf8)
      try FileManager.default.removeItem(at: knowledge.appendingPathComponent("topics"))
    }
    #expect(errors.contains { $0.file.hasSuffix("aya.yaml") && $0.message.contains("empty") })
    #expect(errors.contains { $0.message.contains("not found") })
  }

  @Test func examplesTakenByAnotherIntentAreNamed() throws {
    let errors = try check { intents, _ in
      try append("  - blinatumomab dose\n", to: intents.appendingPathComponent("maintenance.yaml"))
    }
    #expect(errors.contains { $0.message.contains("of intent maintenance is taken by intent") })
  }
}
