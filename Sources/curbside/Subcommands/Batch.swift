import ArgumentParser
import CurbsideKit

/// `curbside batch [FILE|-]...`: answer every line of question files.
struct Batch: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "batch",
    abstract: "Answer every line of question files (or - for standard input).",
    discussion: """
      Blank lines and lines starting with # are skipped; a line --- starts a new patient.
      The patient and the conversation carry from line to line unless --fresh.
      """)

  @OptionGroup var global: GlobalOptions

  @Option(help: "Output format: text, markdown or json (JSON Lines).")
  var format: OutputFormat = .text

  @Flag(help: "Answer every line independently, in a new session.")
  var fresh = false

  @Argument(help: "Question files; - or nothing reads standard input.")
  var files: [String] = []

  func run() throws {
    try reporting {
      let engine = try global.engine()
      try Self.answer(
        files.isEmpty ? ["-"] : files, engine: engine, format: format, fresh: fresh, global: global)
    }
  }

  /// Streams each file through one batch runner; stops quietly when output is closed.
  static func answer(
    _ files: [String], engine: Engine, format: OutputFormat, fresh: Bool, global: GlobalOptions
  ) throws {
    Output.ignoreBrokenPipe()
    Interrupt.install()
    let renderer = Renderer(
      format: format, options: global.renderOptions(forTerminal: false),
      references: engine.knowledge.references)
    var runner = BatchRunner(engine: engine, renderer: renderer, fresh: fresh)
    var unreadable: [String] = []
    for path in files {
      guard let lines = LineFile(path: path) else {
        Output.error("curbside: cannot read \(path)")
        unreadable.append(path)
        continue
      }
      for line in lines {
        if Interrupt.requested { throw ExitCode(130) }
        guard let output = runner.answer(line) else { continue }
        guard Output.write(output) else { return }
      }
      if lines.invalidLines > 0 {
        Output.error(
          "curbside: \(path): \(lines.invalidLines) line(s) were not valid UTF-8; invalid bytes were replaced"
        )
      }
    }
    if !unreadable.isEmpty { throw ExitCode(1) }
  }
}
