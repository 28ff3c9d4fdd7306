#if canImport(Glibc)
  import Glibc
#endif

/// Standard output and error: written through, flushed per answer, quiet on a closed pipe.
enum Output {
  /// Call once at start: a closed pipe becomes a write error (EPIPE), not a kill.
  static func ignoreBrokenPipe() { signal(SIGPIPE, SIG_IGN) }

  /// Writes all of `text` to standard output with write(2): nothing is buffered, so a pipe sees
  /// each answer as it comes. False when the reader has gone (the caller then stops quietly).
  @discardableResult
  static func write(_ text: String) -> Bool { writeAll(text, to: 1) }

  static func error(_ text: String) {
    writeAll(text.hasSuffix("\n") ? text : text + "\n", to: 2)
  }

  @discardableResult
  private static func writeAll(_ text: String, to descriptor: Int32) -> Bool {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        return false
      }
      bytes = bytes.dropFirst(written)
    }
    return true
  }
}

/// Facts about the terminal.
enum Terminal {
  static func isInteractive() -> Bool { isatty(0) == 1 && isatty(1) == 1 }

  static func columns() -> Int? {
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }
}
