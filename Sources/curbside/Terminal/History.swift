import CurbsideKit

/// The REPL's history file (see `HistoryFile` in CurbsideKit, which keeps it private).
enum History {
  /// `$XDG_STATE_HOME/curbside/history`, or `~/.local/state/curbside/history`.
  static func path(environment: [String: String]) -> String? {
    HistoryFile.path(environment: environment)
  }
}
