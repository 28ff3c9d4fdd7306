import ArgumentParser
import CurbsideKit
import Foundation

/// `curbside record FILE`: answer standard input and save the session as a transcript.
struct Record: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "record",
    abstract: "Answer lines from standard input and write the session as a transcript file.")

  @OptionGroup var global: GlobalOptions

  @Option(help: "The transcript's title.")
  var title = "Recorded consultation"

  @Flag(help: "Replace FILE if it exists.")
  var force = false

  @Argument(help: "The transcript file to write.")
  var file: String

  func run() throws {
    try reporting {
      let engine = try global.engine()
      let width = global.width ?? 80
      let renderer = Renderer(
        format: .text, options: RenderOptions(width: width), references: engine.knowledge.references)
      var session = engine.session()
      var transcript = Transcript(title: title, width: width)
      guard let lines = LineFile(path: "-") else { throw CLIError.unreadable("standard input") }
      for line in lines where BatchRunner.kind(of: line) == .question {
        let response = session.respond(to: line)
        transcript.turns.append(.init(input: InputSanitizer.clean(line), expected: renderer.render(response)))
      }
      do throws(AtomicFile.Failure) {
        try AtomicFile.write(transcript.serialized, to: file, overwrite: force)
      } catch {
        switch error {
        case .exists(let path): throw CLIError.exists(path)
        case .cannotWrite(let path, let reason): throw CLIError.cannotWrite(path, reason)
        }
      }
      Output.write("recorded \(transcript.turns.count) turn(s) to \(file)\n")
    }
  }
}
