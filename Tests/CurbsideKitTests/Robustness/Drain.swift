import Foundation

/// Reads a pipe on a background thread as data arrives, so a test can wait for some output
/// while the child is still running, or for everything once it has finished.
final class Drain: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  private var finished = false

  init(_ handle: FileHandle) {
    Thread.detachNewThread { [self] in
      while true {
        let chunk = handle.availableData
        lock.lock()
        if chunk.isEmpty { finished = true } else { data.append(chunk) }
        lock.unlock()
        if chunk.isEmpty { return }
      }
    }
  }

  /// What has arrived so far.
  var current: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: data, as: UTF8.self)
  }

  /// Waits until the output contains `text`; false after `timeout` seconds.
  func wait(for text: String, timeout: TimeInterval) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if current.contains(text) { return true }
      usleep(5_000)
    }
    return current.contains(text)
  }

  /// Everything, once the writer has closed the pipe (or `timeout` passed).
  func text(timeout: TimeInterval = 60) -> String {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      lock.lock()
      let done = finished
      lock.unlock()
      if done { break }
      usleep(5_000)
    }
    return current
  }
}
