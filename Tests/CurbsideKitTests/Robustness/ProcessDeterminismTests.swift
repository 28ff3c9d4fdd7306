import CurbsideTestSupport
import Foundation
import Testing

extension Robustness {
  /// The same input gives the same bytes in every run. Each process seeds Swift's hashing
  /// anew, so an answer that depended on the order of a set or a dictionary would differ
  /// between two processes even where it never differs within one.
  @Suite(
    .enabled(if: CurbsideProcess.executable != nil, "the curbside executable was not built beside the tests"))
  struct ProcessDeterminismTests {
    /// Every question of the evaluation sets, one a line.
    static func questions() throws -> String {
      let folder = Fixtures.root.appendingPathComponent("Tests/Evaluation")
      let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
        $0.hasSuffix(".tsv")
      }
      var lines: [String] = []
      for file in files.sorted() {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && line != "---" {
          if let tab = line.firstIndex(of: "\t") { lines.append(String(line[line.index(after: tab)...])) }
        }
      }
      return lines.joined(separator: "\n") + "\n"
    }

    @Test func twoProcessesAnswerEveryEvaluationQuestionAlike() throws {
      let input = try Self.questions()
      #expect(input.split(separator: "\n").count > 2_000)
      let first = try CurbsideProcess.run(
        ["batch", "--format", "json", "--fresh", "-"], input: input, timeout: 300)
      let second = try CurbsideProcess.run(
        ["batch", "--format", "json", "--fresh", "-"], input: input, timeout: 300)
      #expect(first.status == 0 && second.status == 0)
      #expect(first.stdout.count > 1_000_000)
      let (a, b) = (first.stdout.split(separator: "\n"), second.stdout.split(separator: "\n"))
      #expect(a.count == b.count)
      let differing = zip(a, b).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
      #expect(differing.isEmpty, "lines answered differently: \(differing.prefix(5)) of \(a.count)")
    }
  }
}
