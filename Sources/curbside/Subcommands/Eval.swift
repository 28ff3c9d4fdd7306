import ArgumentParser
import CurbsideKit
import Foundation

/// `curbside eval FILE`: accuracy, abstention and wrong answers on a labelled set.
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measure the classifier or the fact reader on a labelled set.",
    discussion: """
      FILE is intent<TAB>question a line (with --- between consultations that share a session),       or, when it ends in .jsonl, case descriptions {"text": ..., "facts": {...}} a line, scored       fact by fact against the JSON patient object.
      """)

  @OptionGroup var global: GlobalOptions

  @Flag(help: "List every miss with its line.")
  var verbose = false

  @Argument(help: "The labelled set.")
  var file: String

  func run() throws {
    try reporting {
      let engine = try global.engine()
      guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
        throw CLIError.unreadable(file)
      }
      if file.hasSuffix(".jsonl") { return try evaluateFacts(text, engine: engine) }
      let rows: [Evaluation.Row]
      do throws(DataError) {
        rows = try Evaluation.parse(text, path: file)
      } catch {
        throw CLIError.data(error.diagnostics)
      }
      let evaluation = Evaluation.run(rows, engine: engine)
      Output.write(evaluation.report)
      if verbose { Output.write("\nmisses:\n" + evaluation.misses + "\n") }
    }
  }

  /// The fact reader on labelled case descriptions.
  private func evaluateFacts(_ text: String, engine: Engine) throws {
    let rows: [(String, [String: JSONValue], Int)]
    do throws(DataError) {
      rows = try FactEvaluation.parse(text, path: file)
    } catch {
      throw CLIError.data(error.diagnostics)
    }
    let evaluation = FactEvaluation.run(rows, engine: engine)
    Output.write(evaluation.report)
    if verbose { Output.write("\nmisses:\n" + evaluation.misses + "\n") }
  }
}
