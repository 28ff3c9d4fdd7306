import CurbsideTestSupport
import Foundation
import Testing

extension Robustness {
  /// No socket is ever opened: every command runs under `strace -f -e trace=network`, which must
  /// record no network system call. Without strace this suite is reported as skipped, by name,
  /// never as passed (install it with `apt-get install strace`, or run `make privacy`).
  @Suite(
    .enabled(
      if: CurbsideProcess.strace != nil, "NOT CHECKED: strace is not installed (apt-get install strace)"))
  struct PrivacyTests {
    /// The network calls `curbside arguments` made, as strace lines.
    func networkCalls(_ arguments: [String], input: String = "") throws -> [String] {
      guard let strace = CurbsideProcess.strace, let binary = CurbsideProcess.executable else {
        throw CurbsideProcess.Missing()
      }
      let log = Fixtures.scratch("strace-" + UUID().uuidString).appendingPathComponent("trace.log")
      let process = try CurbsideProcess.make(
        ["-f", "-qq", "-e", "trace=network", "-o", log.path, binary.path] + arguments,
        executable: URL(fileURLWithPath: strace))
      let stdin = Pipe()
      process.standardInput = stdin
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      stdin.fileHandleForWriting.write(Data(input.utf8))
      try stdin.fileHandleForWriting.close()
      process.waitUntilExit()
      let trace = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
      #expect(FileManager.default.fileExists(atPath: log.path), "strace wrote no log: the check did not run")
      return trace.split(separator: "\n").map(String.init).filter { $0.contains("(") }
    }

    @Test(
      .enabled(if: CurbsideProcess.executable != nil),
      arguments: [
        ["ask", "hyper-CVAD doses"], ["batch", "--format", "json", "-"], ["explain", "MRD at day 29"],
        ["check"], [],
      ])
    func noNetworkSystemCall(_ arguments: [String]) throws {
      let calls = try networkCalls(arguments, input: "72 yo, Ph negative: what induction?\nwhy\nsources\n")
      #expect(calls.isEmpty, "network calls: \(calls.prefix(5))")
    }
  }
}
