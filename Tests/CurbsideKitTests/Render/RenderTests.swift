import CurbsideTestSupport
import Foundation
import Testing

@testable import CurbsideKit

@Suite struct RenderTests {
  let engine = Fixtures.engine

  func response(_ line: String) -> Response {
    var session = engine.session()
    return session.respond(to: line)
  }

  @Test func jsonCarriesEveryContractKeyWithSortedKeys() throws {
    let line = JSONRenderer(references: engine.knowledge.references).render(
      response("CD20 45%, 30 yo: rituximab?"))
    let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    for key in [
      "input", "intent", "confidence", "abstained", "patient", "answer", "references", "disclaimer",
      "knowledge_version",
    ] {
      #expect(object[key] != nil, "missing \(key)")
    }
    let answer = try #require(object["answer"] as? [String: Any])
    #expect(answer["title"] is String && answer["text"] is String && answer["statements"] is [Any])
    let patient = try #require(object["patient"] as? [String: Any])
    #expect(patient["age"] as? Double == 30)
    #expect(patient["cd20"] as? String == "positive")
    #expect(!(object["disclaimer"] as? String ?? "").isEmpty)
    #expect(line.hasPrefix("{\"abstained\":"))
  }

  @Test func textWrapsToTheWidthAndShowsNumberedReferences() {
    let text = TextRenderer(options: RenderOptions(width: 60), references: engine.knowledge.references)
      .render(response("triple intrathecal therapy").answer)
    for line in text.split(separator: "\n") { #expect(line.count <= 60, "\(line)") }
    #expect(text.contains("[1]"))
    #expect(text.contains("Sources: [1]"))
  }

  @Test func colourOnlyWhenAsked() {
    let answer = response("blinatumomab").answer
    let plain = TextRenderer(options: RenderOptions(color: false), references: [:]).render(answer)
    let colored = TextRenderer(options: RenderOptions(color: true), references: [:]).render(answer)
    #expect(!plain.contains("\u{1B}["))
    #expect(colored.contains("\u{1B}["))
  }

  @Test func markdownEndsWithTheDisclaimerAndListsSources() {
    let md = MarkdownRenderer(references: engine.knowledge.references).render(
      response("maintenance duration").answer)
    #expect(md.contains("**Sources**"))
    #expect(md.contains("> For healthcare professionals"))
  }

  @Test func jsonNumbersAndStringsAreStable() {
    #expect(JSONValue.number(0.5).serialized == "0.5")
    #expect(JSONValue.number(72).serialized == "72")
    #expect(JSONValue.string("a\"b\n\u{1}").serialized == #""a\"b\n\u0001""#)
    #expect(JSONValue.object(["b": .null, "a": .bool(true)]).serialized == #"{"a":true,"b":null}"#)
  }
}
