import ArgumentParser
import CurbsideKit

/// The `curbside` command: a thin shell over CurbsideKit.
@main
struct Curbside: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "curbside",
    abstract: "An offline, deterministic guideline assistant for B-cell ALL.",
    discussion: """
      With no subcommand, Curbside starts the interactive REPL when standard input and output \
      are terminals, and otherwise answers standard input line by line, as `curbside batch -`. \
      For healthcare professionals; educational; not a substitute for clinical judgment.
      """,
    subcommands: [
      Chat.self, Ask.self, Batch.self, Replay.self, Record.self, Check.self, Explain.self,
      Eval.self, Bench.self,
    ],
    defaultSubcommand: Chat.self
  )

  /// Global options may come before the subcommand (`curbside --intents DIR ask ...`):
  /// move them after it, where every subcommand reads them.
  /// The subcommands' names, spelled out: asking each type for its name costs start-up time
  /// (ProcessExitTests runs every one of them behind a global option).
  static let subcommandNames: Set<String> = [
    "chat", "ask", "batch", "replay", "record", "check", "explain", "eval", "bench",
  ]

  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard let index = arguments.firstIndex(where: subcommandNames.contains), index > 0 else {
      main(arguments)
      return
    }
    let leading = Array(arguments[..<index])
    var rest = Array(arguments[index...])
    rest.insert(contentsOf: leading, at: 1)
    main(rest)
  }
}
