import ArgumentParser
import CurbsideKit

/// `curbside ask QUESTION...`: answer one question and exit.
struct Ask: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ask",
    abstract: "Answer one question and exit.")

  @OptionGroup var global: GlobalOptions

  @Option(help: "Output format: text, markdown or json.")
  var format: OutputFormat = .text

  @Argument(help: "The question, in plain words.")
  var question: [String]

  func validate() throws {
    if question.joined().trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError("ask needs a question, e.g. curbside ask \"hyper-CVAD doses\"")
    }
  }

  func run() throws {
    try reporting {
      let engine = try global.engine()
      var session = engine.session()
      let response = session.respond(to: question.joined(separator: " "))
      let renderer = Renderer(
        format: format, options: global.renderOptions(forTerminal: Terminal.isInteractive()),
        references: engine.knowledge.references)
      Output.write(renderer.render(response))
    }
  }
}

extension OutputFormat: ExpressibleByArgument {}
