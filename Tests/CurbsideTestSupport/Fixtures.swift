import CurbsideKit
import Foundation

/// Shared test fixtures: the project's own data folders and an engine loaded from them once.
public enum Fixtures {
  /// The package root, found from this file's location.
  public static let root: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
        return url
      }
    }
    fatalError("Package.swift not found above \(#filePath)")
  }()

  public static let intents = root.appendingPathComponent("Intents")
  public static let knowledge = root.appendingPathComponent("Knowledge")
  public static let transcripts = root.appendingPathComponent("Transcripts")

  /// The engine built from the project's data; loading failures stop the tests with the list.
  public static let engine: Engine = {
    do {
      return try Engine.load(intents: intents, knowledge: knowledge)
    } catch let error as DataError {
      fatalError(error.diagnostics.map(\.description).joined(separator: "\n"))
    } catch {
      fatalError("\(error)")
    }
  }()

  /// A scratch folder removed by nobody: tests write only below the system temporary folder.
  public static func scratch(_ name: String) -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("curbside-tests-\(getpid())-\(name)")
    try? FileManager.default.removeItem(at: url)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
