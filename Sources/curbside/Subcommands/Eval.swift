import ArgumentParser
import CurbsideKit
import Foundation

/// `curbside eval FILE`: accuracy, abstention and wrong answers on a labelled set, or the fact
/// reader on labelled case descriptions.
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Measure the classifier or the fact reader on a labelled set.",
    discussion: """
      FILE is intent<TAB>question a line (with --- between consultations that share a \
      session), or, when it ends in .jsonl, case descriptions {"text": ..., "facts": {...}} a \
      line, scored fact by fact against the JSON patient object.
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
      let (report, misses): (String, String)
      if file.hasSuffix(".jsonl") {
        let rows = try parsed { () throws(DataError) in try FactEvaluation.parse(text, path: file) }
        let evaluation = FactEvaluation.run(rows, engine: engine)
        (report, misses) = (evaluation.report, evaluation.misses)
      } else {
        let rows = try parsed { () throws(DataError) in try Evaluation.parse(text, path: file) }
        let evaluation = Evaluation.run(rows, engine: engine)
        (report, misses) = (evaluation.report, evaluation.misses)
      }
      Output.write(report)
      if verbose { Output.write("\nmisses:\n" + misses + "\n") }
    }
  }

  /// The labelled set, or its located problems as the command's error (exit 1).
  private func parsed<T>(_ parse: () throws(DataError) -> T) throws -> T {
    do throws(DataError) {
      return try parse()
    } catch {
      throw CLIError.data(error.diagnostics)
    }
  }
}
