import Foundation

/// Writes a file whole or not at all: a temporary file beside it, then a rename.
public enum AtomicFile {
  public enum Failure: Error, Sendable, Equatable {
    case exists(String)
    case cannotWrite(String, String)
  }

  /// Writes `text` to `path`; refuses to replace an existing file unless `overwrite`.
  public static func write(_ text: String, to path: String, overwrite: Bool) throws(Failure) {
    if !overwrite, FileManager.default.fileExists(atPath: path) { throw .exists(path) }
    let temporary = path + ".tmp-\(getpid())"
    guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
      throw .cannotWrite(path, "cannot create \(temporary)")
    }
    if rename(temporary, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw .cannotWrite(path, reason)
    }
  }
}
