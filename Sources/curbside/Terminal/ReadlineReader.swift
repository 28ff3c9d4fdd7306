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
  private let historyPath: String?

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
    if let history {
      History.prepare(history)
      read_history(history)
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
      chmod(historyPath, 0o600)
    }
  }

  /// Commands and the vocabulary (drug, regimen and trial names) for completion.
  static func words(for engine: Engine) -> [String] {
    let commands = ["help", "patient", "new", "sources", "references", "why", "more", "about", "quit", "exit", "save"]
    return Array(Set(commands + engine.catalog.lexicon.completions)).sorted()
  }
}

/// The history file: private, in the user's state directory.
enum History {
  /// `$XDG_STATE_HOME/curbside/history`, or `~/.local/state/curbside/history`.
  static func path(environment: [String: String]) -> String? {
    let base: String
    if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
      base = state
    } else if let home = environment["HOME"], !home.isEmpty {
      base = home + "/.local/state"
    } else {
      return nil
    }
    return base + "/curbside/history"
  }

  /// Creates the folder (0700) and the file (0600) before readline touches them.
  static func prepare(_ path: String) {
    let folder = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(
      atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let descriptor = open(path, O_CREAT | O_WRONLY | O_APPEND, 0o600)
    if descriptor >= 0 { close(descriptor) }
    chmod(path, 0o600)
  }
}
