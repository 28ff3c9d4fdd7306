import ArgumentParser
import CurbsideKit
import Foundation

/// `curbside bench [FILE]`: warm per-question latency and batch throughput, in process.
struct Bench: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Time questions in a warm session: median and p99 latency, questions per second.")

  @OptionGroup var global: GlobalOptions

  @Option(help: "How many times to answer the whole set.")
  var rounds = 20

  @Argument(help: "A file of questions, one a line (a labelled intent<TAB>question file works too).")
  var file: String

  func run() throws {
    try reporting {
      let engine = try global.engine()
      guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw CLIError.unreadable(file) }
      let questions = text.split(separator: "\n").map { line -> String in
        String(line.split(separator: "\t").last ?? line)
      }.filter { BatchRunner.kind(of: $0) == .question }
      guard !questions.isEmpty else { throw CLIError.unreadable("\(file) (no questions)") }
      let figures = Benchmark.run(questions, engine: engine, rounds: max(1, rounds))
      Output.write(String(
        format: "questions timed: %d\nmedian: %.1f us\np99: %.1f us\nbatch: %.0f questions/s\n",
        figures.questions, figures.medianMicros, figures.p99Micros, figures.questionsPerSecond))
    }
  }
}
