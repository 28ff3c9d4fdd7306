import ArgumentParser
import CurbsideKit
import Foundation

/// `curbside check`: validate the intents and the knowledge.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate the intents and the knowledge; every problem as file:line:column.")

  @OptionGroup var global: GlobalOptions

  @Flag(help: "Treat warnings as failures too.")
  var strict = false

  func run() throws {
    try reporting {
      let (intents, knowledge) = try DataLocation.resolve(
        intents: global.intents, knowledge: global.knowledge)
      let (bag, engine) = Checker.run(intents: intents, knowledge: knowledge)
      for diagnostic in bag.sorted { Output.error(diagnostic.rendered) }
      let errors = bag.errors.count
      let warnings = bag.items.count - errors
      if let engine {
        let k = engine.knowledge
        Output.write(
          "checked \(engine.catalog.intents.count) intents, \(engine.catalog.intents.reduce(0) { $0 + $1.examples.count }) examples, \(k.topics.count) topics, \(k.allStatements.count) statements, \(k.references.count) references (knowledge \(k.version))\n"
        )
      }
      Output.write("\(errors) error(s), \(warnings) warning(s)\n")
      if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
  }
}
