#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the REPL keeps its history, and how the file is kept private.
///
/// The history is optional (`--no-history` or `CURBSIDE_NO_HISTORY=1`), lives in the user's
/// state folder, is created 0600 in a 0700 folder before anything is written to it, and is
/// set back to 0600 after each append. Lines that look like identifiers never reach it (see
/// `IdentifierGuard`).
public enum HistoryFile {
  /// `$XDG_STATE_HOME/curbside/history`, else `~/.local/state/curbside/history`; nil when the
  /// history is turned off or there is no home.
  public static func path(environment: [String: String], disabled: Bool = false) -> String? {
    if disabled { return nil }
    if let off = environment["CURBSIDE_NO_HISTORY"], !off.isEmpty, off != "0" { return nil }
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return state + "/curbside/history"
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
    return home + "/.local/state/curbside/history"
  }

  /// Creates the folder (0700) and the file (0600) before readline touches them, and makes an
  /// existing file private again; false when the file cannot be made private (then it is not
  /// used).
  @discardableResult
  public static func prepare(_ path: String) -> Bool {
    let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
      .joined(separator: "/")
    guard folder.isEmpty || PosixFile.makeFolder(folder) else { return false }
    let descriptor = open(path, O_CREAT | O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return fchmod(descriptor, 0o600) == 0
  }

  /// Sets the file back to 0600 (after readline appended to it).
  public static func keepPrivate(_ path: String) {
    chmod(path, 0o600)
  }
}
