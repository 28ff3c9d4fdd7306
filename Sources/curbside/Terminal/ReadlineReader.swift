import CReadline
import CurbsideKit
import Foundation

/// Every GNU readline call of the program: the prompt, history and completion.
///
/// Strings readline returns are freed here; NULL from readline is end of input (Ctrl-D).
struct ReadlineReader: LineReader {
  /// The words tab completion offers; readline's C callback reads them.
  nonisolated(unsafe) private static var vocabulary: [String] = []
  nonisolated(unsafe) private static var matches: [String] = []
  private var historyPath: String?

  init(history: String?, completions: [String]) {
    historyPath = history
    Self.vocabulary = completions
    curbside_rl_setup { text, _, _ in
      curbside_rl_completion_over()
      return rl_completion_matches(text) { text, state in
        if state == 0 {
          let prefix = String(cString: text!).lowercased()
          ReadlineReader.matches = ReadlineReader.vocabulary.filter { $0.hasPrefix(prefix) }
        }
        guard Int(state) < ReadlineReader.matches.count else { return nil }
        return strdup(ReadlineReader.matches[Int(state)])
      }
    }
    // Ctrl-C abandons the current line and shows a fresh prompt.
    signal(SIGINT) { _ in curbside_rl_abandon_line() }
    if let history, HistoryFile.prepare(history) {
      read_history(history)
    } else {
      historyPath = nil
    }
  }

  mutating func readLine(prompt: String) -> String? {
    guard let line = readline(prompt) else { return nil }
    defer { free(line) }
    return String(cString: line)
  }

  /// Adds the line to the in-memory history and appends it to the file at once, so Ctrl-C or a
  /// crash loses nothing.
  mutating func remember(_ line: String) {
    guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
    add_history(line)
    if let historyPath {
      append_history(1, historyPath)
      HistoryFile.keepPrivate(historyPath)
    }
  }

  /// Commands and the vocabulary (drug, regimen and trial names) for completion.
  static func words(for engine: Engine) -> [String] {
    let commands = [
      "help", "patient", "new", "sources", "references", "why", "more", "about", "quit", "exit", "save",
    ]
    return Array(Set(commands + engine.catalog.lexicon.completions)).sorted()
  }
}
