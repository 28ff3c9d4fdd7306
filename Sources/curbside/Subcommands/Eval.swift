import ArgumentParser
import CurbsideKit
import Foundation

/// `curbside eval FILE`: accuracy, abstention and wrong answers on a labelled set.
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Measure the classifier on a labelled set (intent<TAB>question a line).")

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
      let rows: [(IntentID, String, Int)]
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
}
