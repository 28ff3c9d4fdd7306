import ArgumentParser
import CurbsideKit

/// The `curbside` command: a thin shell over CurbsideKit.
@main
struct Curbside: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "curbside",
    abstract: "An offline, deterministic guideline assistant for B-cell ALL.",
    discussion: """
      With no subcommand, Curbside starts the interactive REPL when standard input and output
      are terminals, and otherwise answers standard input line by line, as `curbside batch -`.
      For healthcare professionals; educational; not a substitute for clinical judgment.
      """,
    subcommands: [
      Chat.self, Ask.self, Batch.self, Replay.self, Record.self, Check.self, Explain.self,
      Eval.self, Bench.self,
    ],
    defaultSubcommand: Chat.self
  )
}
