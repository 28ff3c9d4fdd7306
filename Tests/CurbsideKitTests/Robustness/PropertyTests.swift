import CurbsideTestSupport
import Foundation
import Testing

@testable import CurbsideKit

extension Robustness {
  /// Random and mutated lines, from a fixed seed: every one is answered or declined, in every
  /// format, deterministically, with no control byte in the output.
  @Suite struct PropertyTests {
    /// Pieces a mutation may insert: controls, escapes, marks, emoji, numbers, clinical words.
    static let pieces = [
      "\u{0}", "\u{1B}[31m", "\u{7}", "\r", "\u{85}", "\u{202E}", "\u{0301}", "\u{FFFD}", "🧬", "👩‍⚕️",
      "ا", "ש", "≥", "µL", "×10⁹/L", "10^-4", "t(9;22)", "MRD", "Ph+", "CD20", "72 yo", "WBC 45k",
      "9999999999999999999999", "-", "%", "?", "'", "\"", "\\", "{", "}", "<", ">", "&", "|",
    ]

    /// A random line: random scalars, or a real question mutated a few times.
    static func line(_ generator: inout SeededGenerator, from questions: [String]) -> String {
      if Bool.random(using: &generator) {
        let length = Int.random(in: 0..<120, using: &generator)
        return String(
          String.UnicodeScalarView(
            (0..<length).compactMap { _ in
              let value: UInt32 =
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: UInt32.random(in: 0...0x7F, using: &generator)
                case 1: UInt32.random(in: 0x80...0x7FF, using: &generator)
                case 2: UInt32.random(in: 0x800...0xFFFF, using: &generator)
                default: UInt32.random(in: 0x10000...0x10FFFF, using: &generator)
                }
              return Unicode.Scalar(value)
            }))
      }
      var scalars = Array(questions.randomElement(using: &generator)!.unicodeScalars)
      for _ in 0..<Int.random(in: 1...6, using: &generator) {
        let position = Int.random(in: 0...scalars.count, using: &generator)
        switch Int.random(in: 0..<3, using: &generator) {
        case 0 where position < scalars.count: scalars.remove(at: position)
        case 1:
          scalars.insert(contentsOf: pieces.randomElement(using: &generator)!.unicodeScalars, at: position)
        default:
          let piece = Array(pieces.randomElement(using: &generator)!.unicodeScalars)
          scalars.replaceSubrange(position..<min(scalars.count, position + piece.count), with: piece)
        }
      }
      return String(String.UnicodeScalarView(scalars))
    }

    @Test func randomAndMutatedLinesAreAlwaysAnsweredSafely() throws {
      let text = try String(
        contentsOf: Fixtures.root.appendingPathComponent("Tests/Evaluation/questions.tsv"), encoding: .utf8)
      let questions = Benchmark.questions(in: text)
      var generator = SeededGenerator(seed: 0xC0FFEE)
      let engine = Fixtures.engine
      let renderers = OutputFormat.allCases.map {
        Renderer(format: $0, options: RenderOptions(width: 60), references: engine.knowledge.references)
      }
      var conversation = engine.session()
      for _ in 0..<1_500 {
        let line = Self.line(&generator, from: questions)
        var first = engine.session()
        var second = engine.session()
        let a = first.respond(to: line)
        let b = second.respond(to: line)
        #expect(a.intent == b.intent, "not deterministic: \(line.debugDescription)")
        #expect(IntentID.all.contains(a.intent))
        for renderer in renderers {
          let output = renderer.render(a)
          #expect(output == renderer.render(b))
          let found = HostileInputTests.unsafe(output, renderer.format)
          #expect(found.isEmpty, "\(found.prefix(3)) in \(renderer.format) for \(line.debugDescription)")
        }
        // The same lines as one long conversation: state carried from line to line stays sound.
        let carried = conversation.respond(to: line)
        #expect(IntentID.all.contains(carried.intent))
        _ = IdentifierGuard.check(line)
      }
    }
  }
}
