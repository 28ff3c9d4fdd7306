import CurbsideKit

#if canImport(Glibc)
  import Glibc
#endif

/// Ctrl-C during a batch: finish the current line, then stop with status 130.
///
/// When the batch is waiting for input (a terminal or an idle pipe), nothing is half-written,
/// so it ends at once with 130; a second Ctrl-C always ends it at once.
enum Interrupt {
  /// The exit status of a program ended by SIGINT, by shell convention (128 + 2).
  static let status: Int32 = 130

  nonisolated(unsafe) private static var flag: sig_atomic_t = 0

  static var requested: Bool { flag != 0 }

  static func install() {
    // Touch the flags now, so the handler never runs a lazy initialiser.
    flag = 0
    LineFile.waitingForInput = 0
    signal(SIGINT) { _ in
      if Interrupt.flag != 0 || LineFile.waitingForInput != 0 { _exit(Interrupt.status) }
      Interrupt.flag = 1
    }
    // A parent may have started us with SIGINT blocked (a thread pool's mask is inherited
    // through fork and exec); the handler is of no use until it is unblocked.
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    sigprocmask(SIG_UNBLOCK, &set, nil)
  }
}
