import ArgumentParser
import CurbsideKit
import Foundation

/// Options every subcommand takes: where the data is, colour and width.
struct GlobalOptions: ParsableArguments {
  @Option(name: .customLong("intents"), help: "The intents folder (default: Intents/ of the project).")
  var intents: String?

  @Option(name: .customLong("knowledge"), help: "The knowledge folder (default: Knowledge/ of the project).")
  var knowledge: String?

  @Flag(name: .customLong("no-color"), help: "Never use colour (also: the NO_COLOR environment variable).")
  var noColor = false

  @Option(help: "Wrap text answers to N columns (default: the terminal's width, or 80).")
  var width: Int?

  func validate() throws {
    if let width, !(20...1000).contains(width) {
      throw ValidationError("--width must be from 20 to 1000")
    }
  }

  /// The engine, or a located list of every data problem (exit 1). Loaded through the start-up
  /// cache unless CURBSIDE_NO_CACHE is set (see EngineCache).
  func engine() throws -> Engine {
    let (intentsURL, knowledgeURL) = try DataLocation.resolve(intents: intents, knowledge: knowledge)
    let cache = EngineCache.standard(environment: ProcessInfo.processInfo.environment)
    do {
      let engine = try Engine.load(intents: intentsURL, knowledge: knowledgeURL, cache: cache)
      KeptEngines.shared.keep(engine)
      return engine
    } catch {
      throw CLIError.data(error.diagnostics)
    }
  }

  /// Render options for standard output.
  func renderOptions(forTerminal terminal: Bool) -> RenderOptions {
    let noColorEnv = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    let color = terminal && !noColor && !noColorEnv
    return RenderOptions(width: width ?? (terminal ? Terminal.columns() ?? 80 : 80), color: color)
  }
}

/// The engines this process loaded, kept until it exits: freeing an engine's tables one by one
/// just before the process ends was about 8% of `curbside ask` (perf), and the memory is
/// returned with the process anyway.
final class KeptEngines: @unchecked Sendable {
  static let shared = KeptEngines()
  private let lock = NSLock()
  private var engines: [Engine] = []

  func keep(_ engine: Engine) {
    lock.lock()
    defer { lock.unlock() }
    engines.append(engine)
  }
}
