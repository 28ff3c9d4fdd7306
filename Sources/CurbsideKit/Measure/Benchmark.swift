import Foundation

/// In-process timing of the warm path: per-question latency and batch throughput.
public enum Benchmark {
  /// Latency figures in microseconds.
  public struct Figures: Sendable {
    public var questions: Int
    public var medianMicros: Double
    public var p99Micros: Double
    public var questionsPerSecond: Double
  }

  /// Answers each question `rounds` times in a warm session and a batch runner.
  public static func run(_ questions: [String], engine: Engine, rounds: Int) -> Figures {
    var session = engine.session()
    for question in questions { _ = session.respond(to: question) }
    var samples: [Double] = []
    samples.reserveCapacity(questions.count * rounds)
    let clock = ContinuousClock()
    for _ in 0..<rounds {
      for question in questions {
        let start = clock.now
        _ = session.respond(to: question)
        samples.append(micros(clock.now - start))
      }
    }
    samples.sort()
    let renderer = Renderer(format: .json, options: RenderOptions(), references: engine.knowledge.references)
    var runner = BatchRunner(engine: engine, renderer: renderer)
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
      questionsPerSecond: Double(questions.count * rounds) / seconds)
  }

  static func micros(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1_000_000 + Double(attoseconds) / 1_000_000_000_000
  }
}
