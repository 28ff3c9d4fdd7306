import CurbsideTestSupport
import Foundation
import Testing

@testable import CurbsideKit

extension Robustness {
  /// Hostile input: every line gets a clear message or an answer, never a crash, a hang, raw
  /// control bytes on the terminal, or memory that grows with the input.
  @Suite struct HostileInputTests {
    /// Answers `line` in a fresh session in every format.
    func answerEverywhere(_ line: String) -> [(OutputFormat, String)] {
      OutputFormat.allCases.map { format in
        var runner = BatchRunner(
          engine: Fixtures.engine,
          renderer: Renderer(
            format: format, options: RenderOptions(), references: Fixtures.engine.knowledge.references))
        return (format, runner.answer(line) ?? "")
      }
    }

    /// Bidirectional controls, which can make an echoed line read differently from what it is.
    static let bidiControls: Set<UInt32> = [
      0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    ]

    /// What in `output` a terminal could act on. Text and Markdown are shown on terminals: no
    /// C0 control but newline, no DEL, no C1, no bidi control. JSON is data: every control is
    /// escaped (C1 and bidi characters are legal JSON and left to the consumer).
    static func unsafe(_ output: String, _ format: OutputFormat) -> [String] {
      output.unicodeScalars.compactMap { scalar -> String? in
        let value = scalar.value
        if value < 0x20 && scalar != "\n" { return String(format: "U+%04X", value) }
        if format == .json { return nil }
        if (0x7F...0x9F).contains(value) || bidiControls.contains(value) {
          return String(format: "U+%04X", value)
        }
        return nil
      }
    }

    /// True when the answer to `line` is safe in every format (and the JSON is valid JSON).
    func expectSafe(_ line: String) {
      for (format, output) in answerEverywhere(line) {
        #expect(!output.contains("\u{1B}"), "ESC in \(format) output for \(line.debugDescription)")
        let found = Self.unsafe(output, format)
        #expect(found.isEmpty, "\(found.prefix(3)) in \(format) output for \(line.debugDescription)")
        if format == .json, !output.isEmpty {
          #expect(
            (try? JSONSerialization.jsonObject(with: Data(output.utf8))) != nil,
            "invalid JSON for \(line.debugDescription)")
        }
      }
    }

    @Test(arguments: ["", " ", "\t", "   \t  ", "\u{00A0}", "\u{3000}", "#", "---"])
    func emptyAndWhitespaceLinesAreSkippedOrAnswered(_ line: String) {
      var session = Fixtures.engine.session()
      let response = session.respond(to: line)
      #expect(response.abstained || response.intent == .outOfScope || response.intent.isClinical == false)
      expectSafe(line)
    }

    @Test func aTenMegabyteLineIsCutNotChoked() {
      let line = String(repeating: "blinatumomab dose for MRD positive ", count: 300_000)  // ~10.5 MB
      let clock = ContinuousClock()
      let start = clock.now
      var session = Fixtures.engine.session()
      let response = session.respond(to: line)
      #expect(response.intent == "drug.blinatumomab")
      let text = answerEverywhere(line).first { $0.0 == .text }!.1
      #expect(text.utf8.count < 100_000, "the echo of the question is cut")
      #expect(clock.now - start < .seconds(20))
    }

    @Test func aSingleTenMegabyteWordIsRejectedQuickly() {
      let line = String(repeating: "qwertyuiopasdfghjklzxcvbnm", count: 400_000)
      let clock = ContinuousClock()
      let start = clock.now
      var session = Fixtures.engine.session()
      #expect(session.respond(to: line).abstained)
      #expect(clock.now - start < .seconds(10))
    }

    @Test(arguments: [
      "hyper\u{0}CVAD\u{0} doses", "\u{0}\u{0}\u{0}", "mrd\u{0}", "\u{1B}[31mMRD after induction\u{1B}[0m",
      "\u{1B}]0;owned\u{07}blinatumomab dose", "\u{1B}[2J\u{1B}[Hhyper-CVAD",
      "ph\u{8}\u{8}positive ALL \u{7F}",
      "\u{9B}31mcsi inotuzumab", "carriage\rreturn mrd", "tab\tseparated\tmrd",
      "\u{202E}dvac-repyh\u{202C} doses",
      "\u{200F}\u{2067}MRD\u{2069} after induction",
    ])
    func controlCharactersAreNeverEchoedRaw(_ line: String) {
      expectSafe(line)
    }

    @Test(arguments: [
      "ما هو علاج ابيضاض الدم الليمفاوي الحاد؟", "מה המינון של בלינטומומאב",
      "blinatumomab\u{0301}\u{0308} dose",
      "Z̵̢̛a̷l̸g̶o̴ ̸M̴R̸D̶", "👩‍⚕️ what induction for a 72 yo 🧬?", "🏳️‍🌈🏳️‍🌈🏳️‍🌈", "白血病の治療", "ℌ𝔶𝔭𝔢𝔯-ℭ𝔙𝔄𝔇 doses",
      "ＭＲＤ　ａｆｔｅｒ　ｉｎｄｕｃｔｉｏｎ", "\u{FEFF}mrd", "\u{FFFD}\u{FFFD} mrd",
    ])
    func rightToLeftCombiningAndEmojiAreAnsweredOrDeclined(_ line: String) {
      var session = Fixtures.engine.session()
      let response = session.respond(to: line)
      #expect(!response.answer.title.isEmpty || response.abstained)
      for (_, output) in answerEverywhere(line) { #expect(!output.isEmpty) }
      expectSafe(line)
    }

    @Test func randomBytesAndABinaryFileStreamThroughLineFile() throws {
      let folder = Fixtures.scratch("binary-" + UUID().uuidString)
      var generator = SeededGenerator(seed: 99)
      var bytes = (0..<(1 << 20)).map { _ in UInt8.random(in: 0...255, using: &generator) }  // 1 MiB
      // And a piece of a real executable, with its long runs without newlines.
      if let me = try? Data(contentsOf: URL(fileURLWithPath: "/proc/self/exe"), options: .alwaysMapped) {
        bytes += me.prefix(2 << 20)
      }
      let file = folder.appendingPathComponent("binary.bin")
      try Data(bytes).write(to: file)
      let lines = try #require(LineFile(path: file.path))
      var runner = BatchRunner(
        engine: Fixtures.engine,
        renderer: Renderer(
          format: .text, options: RenderOptions(), references: Fixtures.engine.knowledge.references))
      var count = 0
      var answered = 0
      let clock = ContinuousClock()
      let start = clock.now
      for line in lines {
        count += 1
        #expect(line.utf8.count <= LineFile.maximumLineBytes * 3)  // U+FFFD is three bytes
        // Every line is read; the first 400 and one in 40 after are answered (debug builds are slow).
        guard count <= 400 || count % 40 == 0 else { continue }
        if let output = runner.answer(line) {
          answered += 1
          #expect(!output.contains("\u{1B}"))
        }
        if clock.now - start > .seconds(90) { break }
      }
      #expect(count > 1_000)
      #expect(answered > 0)
      #expect(lines.invalidLines > 0)
    }
  }
}
