import ArgumentParser
import CurbsideKit
import Foundation

/// `curbside bench [FILE]`: warm per-question latency and batch throughput, in process.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time questions in a warm session: median and p99 latency, questions per second.",
    discussion: """
      FILE defaults to Tests/Evaluation/questions.tsv of the project, else the intents' examples.
      --scale N clones every intent, term, synonym and statement N-1 times under renamed tokens,
      in memory, to show how the cost per question grows with the data.
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: "How many times to answer the whole set.")
  var rounds = 20

  @Option(help: "Grow the data N times with synthetic clones before timing (1 to 100).")
  var scale = 1

  @Argument(help: "A file of questions, one a line (a labelled intent<TAB>question file works too).")
  var file: String?

  /// Bounds that keep a mistyped number from running for hours or exhausting memory: 100x
  /// the data is about 3,000 intents, 10,000 rounds of the evaluation set about 8 million answers.
  func validate() throws {
    guard (1...100).contains(scale) else { throw ValidationError("--scale must be from 1 to 100") }
    guard (1...10_000).contains(rounds) else { throw ValidationError("--rounds must be from 1 to 10000") }
  }

  func run() throws {
    try reporting {
      let clock = ContinuousClock()
      let start = clock.now
      let loaded = try global.engine()
      let loading = clock.now - start
      let engine = Scaling.scaled(loaded, by: scale)
      let questions = try questionSet(engine)
      let figures = Benchmark.run(questions, engine: engine, rounds: rounds)
      Output.write("scale: \(scale)x (\(Scaling.sizes(engine)))\n")
      let milliseconds =
        Double(loading.components.seconds) * 1_000
        + Double(loading.components.attoseconds) / 1e15
      Output.write(String(format: "engine load: %.1f ms", milliseconds) + " (start-up cache \(cacheState))\n")
      Output.write(figures.report)
    }
  }

  /// Whether the start-up cache is in use, for the report.
  var cacheState: String {
    EngineCache.standard(environment: ProcessInfo.processInfo.environment) == nil ? "off" : "on"
  }

  /// The questions to time: FILE, the evaluation set, or the examples of the intents.
  func questionSet(_ engine: Engine) throws -> [String] {
    let path =
      file ?? DataLocation.findRoot().map { $0.appendingPathComponent("Tests/Evaluation/questions.tsv").path }
    if let path, file != nil || FileManager.default.fileExists(atPath: path) {
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        throw CLIError.unreadable(path)
      }
      let questions = Benchmark.questions(in: text)
      guard !questions.isEmpty else { throw CLIError.unreadable("\(path) (no questions)") }
      return questions
    }
    return engine.catalog.intents.flatMap(\.examples).map(\.text)
  }
}
