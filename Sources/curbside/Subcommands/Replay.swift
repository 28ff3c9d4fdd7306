import ArgumentParser
import CurbsideKit
import Foundation

/// `curbside replay [PATH...] [--update] [--coverage]`: transcripts as exact regression tests.
struct Replay: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Replay transcripts and compare the output exactly (default: Transcripts/).")

  @OptionGroup var global: GlobalOptions

  @Flag(help: "Re-record the expected output of mismatching transcripts, after review.")
  var update = false

  @Flag(help: "Report which intents and statements the transcripts exercise, and which never.")
  var coverage = false

  @Argument(help: "Transcript files or folders.")
  var paths: [String] = []

  func run() throws {
    try reporting {
      let engine = try global.engine()
      let defaultFolder = DataLocation.findRoot()?.appendingPathComponent("Transcripts").path ?? "Transcripts"
      let files = Replayer.files(paths.isEmpty ? [defaultFolder] : paths)
      let replayer = Replayer(engine: engine)
      var passed = 0
      var failed = 0
      var intents = Set<IntentID>()
      var statements = Set<String>()
      for file in files {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
          Output.error("\(file):1:1: error: cannot read transcript")
          failed += 1
          continue
        }
        let transcript: Transcript
        do throws(DataError) {
          transcript = try Transcript.parse(text, path: file)
        } catch {
          for diagnostic in error.diagnostics { Output.error(diagnostic.rendered) }
          failed += 1
          continue
        }
        let result = replayer.replay(transcript, file: file)
        intents.formUnion(result.intents)
        statements.formUnion(result.statements)
        if result.passed {
          passed += 1
          continue
        }
        if update {
          do throws(AtomicFile.Failure) {
            try AtomicFile.write(result.actual.serialized, to: file, overwrite: true)
          } catch {
            throw CLIError.cannotWrite(file, "\(error)")
          }
          let turns = result.mismatches.map { "line \($0.line)" }.joined(separator: ", ")
          Output.write("updated \(file): \(result.mismatches.count) turn(s) changed (\(turns))\n")
          passed += 1
          continue
        }
        failed += 1
        for mismatch in result.mismatches {
          Output.write("FAIL \(mismatch.file):\(mismatch.line): >>> \(mismatch.input)\n\(mismatch.diff)\n")
        }
      }
      if coverage { Output.write(Self.coverage(engine: engine, intents: intents, statements: statements)) }
      Output.write("\(passed) passed, \(failed) failed\n")
      if failed > 0 { throw ExitCode(1) }
    }
  }

  static func coverage(engine: Engine, intents: Set<IntentID>, statements: Set<String>) -> String {
    let all = engine.knowledge.allStatements.map(\.id)
    let missingIntents = IntentID.all.filter { !intents.contains($0) }
    let missingStatements = all.filter { !statements.contains($0) }
    var lines = [
      "intents exercised: \(IntentID.all.count - missingIntents.count)/\(IntentID.all.count)",
      "  never: "
        + (missingIntents.isEmpty ? "none" : missingIntents.map(\.rawValue).joined(separator: ", ")),
      "statements shown: \(all.count - missingStatements.count)/\(all.count)",
    ]
    lines += missingStatements.map { "  never: \($0)" }
    return lines.joined(separator: "\n") + "\n"
  }
}
