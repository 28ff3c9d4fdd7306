import Foundation

/// Finds the Intents/ and Knowledge/ folders: given paths, CURBSIDE_HOME, the working
/// directory and its parents, then the executable's directory and its parents.
enum DataLocation {
  static func resolve(intents: String?, knowledge: String?) throws -> (URL, URL) {
    let root = findRoot()
    guard let intentsURL = intents.map(URL.init(fileURLWithPath:)) ?? root?.appendingPathComponent("Intents")
    else {
      throw CLIError.dataNotFound(
        "the Intents/ folder (run from the project, or set CURBSIDE_HOME or --intents)")
    }
    guard
      let knowledgeURL = knowledge.map(URL.init(fileURLWithPath:))
        ?? root?.appendingPathComponent("Knowledge")
    else {
      throw CLIError.dataNotFound(
        "the Knowledge/ folder (run from the project, or set CURBSIDE_HOME or --knowledge)")
    }
    return (intentsURL, knowledgeURL)
  }

  static func findRoot() -> URL? {
    if let home = getenv("CURBSIDE_HOME").map({ String(cString: $0) }), !home.isEmpty {
      return URL(fileURLWithPath: home)
    }
    if let found = searchUpward(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
      return found
    }
    // Only when the working directory is outside a project: reading the link costs start-up.
    let executable = URL(
      fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        ?? CommandLine.arguments[0]
    ).deletingLastPathComponent()
    return searchUpward(from: executable)
  }

  /// The first of `start` and its parents that holds the data folders.
  static func searchUpward(from start: URL) -> URL? {
    var url = start.standardizedFileURL
    while true {
      if isRoot(url) { return url }
      let parent = url.deletingLastPathComponent()
      if parent.path == url.path { return nil }
      url = parent
    }
  }

  static func isRoot(_ url: URL) -> Bool {
    let fm = FileManager.default
    return fm.fileExists(atPath: url.appendingPathComponent("Intents/lexicon.yaml").path)
      && fm.fileExists(atPath: url.appendingPathComponent("Knowledge/knowledge.yaml").path)
  }
}
