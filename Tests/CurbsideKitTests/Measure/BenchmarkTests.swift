import CurbsideTestSupport
import Testing

@testable import CurbsideKit

extension Measure {
  /// The in-process benchmark and the synthetic growth behind `curbside bench --scale`.
  @Suite struct BenchmarkTests {
    @Test func figuresAreSane() {
      let questions = ["hyper-CVAD doses", "MRD after induction", "weather tomorrow?"]
      let figures = Benchmark.run(questions, engine: Fixtures.engine, rounds: 2)
      #expect(figures.questions == 6)
      #expect(figures.medianMicros > 0)
      #expect(figures.p99Micros >= figures.medianMicros)
      #expect(figures.maximumMicros >= figures.p99Micros)
      #expect(figures.questionsPerSecond > 0)
      #expect(figures.report.contains("median:"))
    }

    @Test func questionFilesMayBeLabelledOrPlain() {
      let text = "# comment\nmrd\tMRD after induction\n\nhyper-CVAD doses\n---\n"
      #expect(Benchmark.questions(in: text) == ["MRD after induction", "hyper-CVAD doses"])
    }

    @Test func scalingGrowsTheDataAndKeepsTheRealAnswers() {
      let engine = Fixtures.engine
      let scaled = Scaling.scaled(engine, by: 3)
      #expect(scaled.catalog.intents.count == engine.catalog.intents.count * 3)
      #expect(scaled.knowledge.allStatements.count == engine.knowledge.allStatements.count * 3)
      #expect(scaled.catalog.lexicon.vocabulary.count == engine.catalog.lexicon.vocabulary.count * 3)
      for question in ["hyper-CVAD doses", "MRD after induction", "blinatumomab dose", "what is the weather"]
      {
        var a = engine.session()
        var b = scaled.session()
        #expect(a.respond(to: question).intent == b.respond(to: question).intent, "\(question)")
      }
      #expect(Scaling.renamer(1)("induction") == "inductionqb")
      #expect(Scaling.renamer(27)("x") != Scaling.renamer(1)("x"))
    }
  }
}
