import Foundation

/// In-process timing of the warm path: per-question latency and batch throughput.
public enum Benchmark {
  /// Latency figures in microseconds.
  public struct Figures: Sendable {
    public var questions: Int
    public var medianMicros: Double
    public var p99Micros: Double
    public var maximumMicros: Double
    public var questionsPerSecond: Double

    /// The report `curbside bench` prints, one figure a line.
    public var report: String {
      String(
        format: "questions timed: %d\nmedian: %.1f us\np99: %.1f us\nmax: %.1f us\nbatch: %.0f questions/s\n",
        questions, medianMicros, p99Micros, maximumMicros, questionsPerSecond)
    }
  }

  /// The questions of a file: one a line, or `intent<TAB>question`; blanks and comments skipped.
  public static func questions(in text: String) -> [String] {
    text.split(separator: "\n").map { line -> String in
      String(line.split(separator: "\t", maxSplits: 1).last ?? line)
    }.filter { BatchRunner.kind(of: $0) == .question }
  }

  /// Answers each question `rounds` times in a warm session, timing each answer; then the same
  /// through a batch runner rendering JSON, for throughput.
  public static func run(_ questions: [String], engine: Engine, rounds: Int) -> Figures {
    precondition(!questions.isEmpty, "no questions to time")
    var session = engine.session()
    // One untimed pass: first use of every lazily built pattern and table.
    for question in questions { _ = session.respond(to: question) }
    var samples: [Double] = []
    samples.reserveCapacity(questions.count * rounds)
    let clock = ContinuousClock()
    for _ in 0..<rounds {
      for question in questions {
        // A fresh session per question, as `eval` does, so the patient does not grow.
        session = engine.session()
        let start = clock.now
        _ = session.respond(to: question)
        samples.append(micros(clock.now - start))
      }
    }
    samples.sort()
    let renderer = Renderer(format: .json, options: RenderOptions(), references: engine.knowledge.references)
    var runner = BatchRunner(engine: engine, renderer: renderer, fresh: true)
    var bytes = 0
    let start = clock.now
    for _ in 0..<rounds {
      for question in questions { bytes += runner.answer(question)?.utf8.count ?? 0 }
    }
    let seconds = max(1e-9, micros(clock.now - start) / 1_000_000)
    precondition(bytes > 0, "the batch produced no output")
    return Figures(
      questions: samples.count, medianMicros: samples[samples.count / 2],
      p99Micros: samples[min(samples.count - 1, samples.count * 99 / 100)],
      maximumMicros: samples[samples.count - 1],
      questionsPerSecond: Double(questions.count * rounds) / seconds)
  }

  static func micros(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1_000_000 + Double(attoseconds) / 1_000_000_000_000
  }
}
