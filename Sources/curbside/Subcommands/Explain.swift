import ArgumentParser
import CurbsideKit

/// `curbside explain QUESTION...`: why this intent.
struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Show how a question is classified: tokens, what fired, ranking, margin, decision.")

  @OptionGroup var global: GlobalOptions

  @Argument(help: "The question, in plain words.")
  var question: [String]

  func run() throws {
    try reporting {
      let engine = try global.engine()
      let line = question.joined(separator: " ")
      var session = engine.session()
      let response = session.respond(to: line)
      Output.write(Explanation(response: response, thresholds: engine.classifier.thresholds).text)
    }
  }
}
