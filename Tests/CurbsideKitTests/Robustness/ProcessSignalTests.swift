import CurbsideTestSupport
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

extension Robustness {
  /// Process hygiene of `batch`: a closed pipe ends it quietly, Ctrl-C ends it cleanly with 130,
  /// and each answer is written as soon as it is made.
  @Suite(
    .enabled(if: CurbsideProcess.executable != nil, "the curbside executable was not built beside the tests"))
  struct ProcessSignalTests {
    /// A file of `count` questions.
    func questionFile(_ count: Int) throws -> String {
      let url = Fixtures.scratch("signals-" + UUID().uuidString).appendingPathComponent("big.txt")
      let questions = [
        "hyper-CVAD doses", "MRD after induction", "blinatumomab dose", "what induction for a 72 year old?",
      ]
      try (0..<count).map { questions[$0 % questions.count] }.joined(separator: "\n")
        .write(to: url, atomically: true, encoding: .utf8)
      return url.path
    }

    func waitForExit(_ process: Process, timeout: TimeInterval) -> Bool {
      let deadline = Date().addingTimeInterval(timeout)
      while process.isRunning, Date() < deadline { usleep(10_000) }
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return false
      }
      process.waitUntilExit()
      return true
    }

    @Test func closedPipeEndsQuietly() throws {
      // As `curbside batch big.txt | head -1`: the reader goes after the first line.
      let (process, stdout, stderr) = try CurbsideProcess.launch(["batch", try questionFile(5_000)])
      let errors = Drain(stderr.fileHandleForReading)
      var first = Data()
      while !first.contains(0x0A) {
        let chunk = stdout.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        first.append(chunk)
      }
      try stdout.fileHandleForReading.close()
      #expect(waitForExit(process, timeout: 60), "batch kept running after its reader left")
      #expect(process.terminationReason == .exit, "killed by signal \(process.terminationStatus) (SIGPIPE?)")
      #expect(process.terminationStatus == 0)
      #expect(errors.text().isEmpty, "stderr: \(errors.current)")
      #expect(String(decoding: first, as: UTF8.self).hasPrefix("> hyper-CVAD doses"))
    }

    @Test func ctrlCStopsABatchCleanlyWith130() throws {
      let (process, stdout, stderr) = try CurbsideProcess.launch(["batch", try questionFile(20_000)])
      let output = Drain(stdout.fileHandleForReading)
      let errors = Drain(stderr.fileHandleForReading)
      #expect(output.wait(for: "> MRD after induction", timeout: 60))
      kill(process.processIdentifier, SIGINT)
      #expect(waitForExit(process, timeout: 30), "batch did not stop on Ctrl-C")
      #expect(process.terminationReason == .exit)
      #expect(process.terminationStatus == 130)
      let text = output.text()
      // Stopped between answers: the output ends with a whole answer (a blank line), not half.
      #expect(text.hasSuffix("\n\n"), "output ends mid-answer: \(text.suffix(80))")
      #expect(!errors.text().contains("Backtrac"))
    }

    @Test func answersAreFlushedLineByLineAndCtrlCEndsAWaitingBatch() throws {
      let stdin = Pipe()
      let (process, stdout, _) = try CurbsideProcess.launch(["batch", "-"], input: stdin)
      let output = Drain(stdout.fileHandleForReading)
      // Standard input stays open: the answer must arrive before any more input or its end.
      stdin.fileHandleForWriting.write(Data("blinatumomab dose\n".utf8))
      #expect(output.wait(for: "> blinatumomab dose", timeout: 60), "the answer was not flushed")
      #expect(output.wait(for: "Blinatumomab", timeout: 10))
      stdin.fileHandleForWriting.write(Data("MRD after induction\n".utf8))
      #expect(output.wait(for: "> MRD after induction", timeout: 30), "the second answer was not flushed")
      usleep(200_000)
      // Now it waits for input: Ctrl-C ends it at once, with 130.
      kill(process.processIdentifier, SIGINT)
      #expect(waitForExit(process, timeout: 10), "a batch waiting for input ignored Ctrl-C")
      #expect(process.terminationReason == .exit)
      #expect(process.terminationStatus == 130)
      try? stdin.fileHandleForWriting.close()
    }
  }
}
