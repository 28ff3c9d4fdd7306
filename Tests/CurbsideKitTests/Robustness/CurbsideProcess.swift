import CurbsideTestSupport
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs the built `curbside` executable as a child process, for tests of exit codes, signals,
/// pipes and system calls. The executable sits beside the test bundle in the build products.
struct CurbsideProcess {
  /// What a finished run left behind.
  struct Result {
    var status: Int32
    /// True when the process ended by a signal (`status` is then the signal number).
    var signalled: Bool
    var stdout: String
    var stderr: String
  }

  /// The `curbside` executable of this build, or nil when it was not built.
  static let executable: URL? = {
    let me =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    var folder = URL(fileURLWithPath: me).deletingLastPathComponent()
    for _ in 0..<4 {  // the test binary may sit inside a bundle a few folders down
      let candidate = folder.appendingPathComponent("curbside")
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue {
        return candidate
      }
      folder.deleteLastPathComponent()
    }
    return nil
  }()

  /// strace, when installed (for the privacy tests).
  static let strace: String? = ["/usr/bin/strace", "/bin/strace", "/usr/local/bin/strace"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  /// A private environment: caches and history in a scratch folder, never the user's.
  static let environment: [String: String] = {
    var environment = ProcessInfo.processInfo.environment
    let scratch = Fixtures.scratch("process-env")
    environment["XDG_CACHE_HOME"] = scratch.appendingPathComponent("cache").path
    environment["XDG_STATE_HOME"] = scratch.appendingPathComponent("state").path
    environment["CURBSIDE_HOME"] = Fixtures.root.path
    environment["NO_COLOR"] = "1"
    return environment
  }()

  /// A configured, not yet started process running `curbside arguments`.
  static func make(_ arguments: [String], executable: URL? = nil) throws -> Process {
    guard let binary = executable ?? Self.executable else { throw Missing() }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = Fixtures.root
    return process
  }

  /// Starts `curbside arguments` with piped output, for tests that read as it runs; standard
  /// input is `input`, or empty.
  static func launch(_ arguments: [String], input: Pipe? = nil) throws -> (
    process: Process, stdout: Pipe, stderr: Pipe
  ) {
    let process = try make(arguments)
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = input ?? FileHandle.nullDevice
    try process.run()
    return (process, stdout, stderr)
  }

  /// The executable was not found beside the tests.
  struct Missing: Error, CustomStringConvertible {
    var description: String { "the curbside executable was not found beside the test binary" }
  }

  /// Runs to the end with `input` on standard input; gives up (and kills it) after `timeout`.
  static func run(_ arguments: [String], input: String = "", timeout: TimeInterval = 60) throws -> Result {
    let process = try make(arguments)
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    // Read both streams on their own threads so a full pipe never blocks the child.
    let out = Drain(stdout.fileHandleForReading)
    let err = Drain(stderr.fileHandleForReading)
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try? stdin.fileHandleForWriting.close()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline { usleep(10_000) }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
      stdout: out.text(), stderr: err.text())
  }
}
