import ArgumentParser
import CurbsideKit
import Foundation

/// The default: the REPL on a terminal, otherwise exactly `curbside batch -`.
struct Chat: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chat",
    abstract: "The interactive REPL (the default when standard input and output are terminals).")

  @OptionGroup var global: GlobalOptions

  @Flag(name: .customLong("no-history"), help: "Keep no history file (also: CURBSIDE_NO_HISTORY=1).")
  var noHistory = false

  @Flag(help: "Print the version of Curbside and of its knowledge.")
  var version = false

  @Option(help: "Output format when standard input is not a terminal: text, markdown or json.")
  var format: OutputFormat = .text

  func run() throws {
    try reporting {
      if version {
        let engine = try global.engine()
        Output.write(
          "curbside \(CurbsideVersion.string)\nknowledge \(engine.knowledge.version) (reviewed \(engine.knowledge.reviewed))\n"
        )
        return
      }
      let engine = try global.engine()
      guard Terminal.isInteractive() else {
        try Batch.answer(["-"], engine: engine, format: format, fresh: false, global: global)
        return
      }
      Output.ignoreBrokenPipe()
      let renderer = Renderer(
        format: .text, options: global.renderOptions(forTerminal: true),
        references: engine.knowledge.references)
      var loop = ReplLoop(engine: engine, renderer: renderer)
      let environment = ProcessInfo.processInfo.environment
      let historyOff = noHistory || !(environment["CURBSIDE_NO_HISTORY"] ?? "").isEmpty
      var reader = ReadlineReader(
        history: historyOff ? nil : History.path(environment: environment),
        completions: ReadlineReader.words(for: engine))
      Output.write(loop.banner)
      loop.run(reader: &reader) { Output.write($0) }
      Output.write("\n")
    }
  }
}

/// The version of the program (the knowledge has its own).
enum CurbsideVersion {
  static let string = "1.0.0"
}
