#if canImport(Glibc)
  import Glibc
#endif

/// Ctrl-C during a batch: finish the current line, then stop with status 130.
enum Interrupt {
  nonisolated(unsafe) private static var flag: sig_atomic_t = 0

  static var requested: Bool { flag != 0 }

  static func install() {
    signal(SIGINT) { _ in Interrupt.flag = 1 }
  }
}
