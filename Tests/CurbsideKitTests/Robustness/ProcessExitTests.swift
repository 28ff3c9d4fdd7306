import CurbsideTestSupport
import Foundation
import Testing

extension Robustness {
  /// Exit codes and messages of the real executable: bad usage is 64, data problems are 1 with
  /// file:line:column, and nothing ever ends in a stack trace.
  @Suite(
    .enabled(if: CurbsideProcess.executable != nil, "the curbside executable was not built beside the tests"))
  struct ProcessExitTests {
    /// Words that only appear when the program crashed.
    static let crashSigns = ["Backtrac", "Fatal error", "Swift runtime failure", "Illegal instruction"]

    func expectNoCrash(_ result: CurbsideProcess.Result) {
      #expect(!result.signalled, "ended by signal \(result.status)")
      for sign in Self.crashSigns { #expect(!result.stderr.contains(sign), "stderr: \(result.stderr)") }
    }

    /// A copy of the project's data with `breakIt` applied.
    func brokenData(_ breakIt: (URL, URL) throws -> Void) throws -> (String, String) {
      let folder = Fixtures.scratch("process-" + UUID().uuidString)
      let intents = folder.appendingPathComponent("Intents")
      let knowledge = folder.appendingPathComponent("Knowledge")
      try FileManager.default.copyItem(at: Fixtures.intents, to: intents)
      try FileManager.default.copyItem(at: Fixtures.knowledge, to: knowledge)
      try breakIt(intents, knowledge)
      return (intents.path, knowledge.path)
    }

    /// Global options may precede every subcommand: each name the entry point knows is a real
    /// subcommand, and each real subcommand is known by name.
    @Test func globalOptionsMayComeBeforeEverySubcommand() throws {
      for name in ["chat", "ask", "batch", "replay", "record", "check", "explain", "eval", "bench"] {
        let result = try CurbsideProcess.run(["--no-color", name, "--help"])
        #expect(result.status == 0, "\(name): \(result.status) \(result.stderr)")
        #expect(result.stdout.contains("curbside \(name)"), "\(name)")
      }
      let help = try CurbsideProcess.run(["--help"])
      let listed = help.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") }.compactMap {
        $0.split(separator: " ").first.map(String.init)
      }
      for name in ["chat", "ask", "batch", "replay", "record", "check", "explain", "eval", "bench"] {
        #expect(listed.contains(name), "\(name) is not a subcommand")
      }
    }

    @Test func badUsageExits64() throws {
      for arguments in [
        ["--no-such-flag"], ["ask"], ["ask", "--width", "5", "x"], ["bench", "--scale", "0"],
      ] {
        let result = try CurbsideProcess.run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.status) \(result.stderr)")
        #expect(!result.stderr.isEmpty)
        expectNoCrash(result)
      }
    }

    @Test func aQuestionExitsZero() throws {
      let result = try CurbsideProcess.run(["ask", "hyper-CVAD doses"])
      #expect(result.status == 0)
      #expect(result.stdout.contains("Hyper-CVAD"))
      expectNoCrash(result)
    }

    @Test func missingFolderIsLocatedAndExits1() throws {
      for command in [["ask", "mrd"], ["check"]] {
        let result = try CurbsideProcess.run(command + ["--intents", "/nonexistent"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent:1:1: error: "), "\(result.stderr)")
        #expect(result.stderr.contains("not found"))
        expectNoCrash(result)
      }
    }

    @Test func brokenIntentsFileIsLocatedAndExits1() throws {
      let (intents, knowledge) = try brokenData { intents, _ in
        try "id: mrd\nterms: [unclosed\n".write(
          to: intents.appendingPathComponent("mrd.yaml"), atomically: true, encoding: .utf8)
      }
      for command in [["ask", "mrd"], ["check"], ["batch"]] {
        let result = try CurbsideProcess.run(
          command + ["--intents", intents, "--knowledge", knowledge], input: "mrd\n")
        #expect(result.status == 1, "\(command): \(result.status)")
        #expect(
          result.stderr.range(
            of: #"Intents/mrd\.yaml:\d+:\d+: error: invalid YAML"#, options: .regularExpression) != nil,
          "\(result.stderr)")
        expectNoCrash(result)
      }
    }

    @Test func malformedDataOfEveryKindIsReportedWithLocations() throws {
      let (intents, knowledge) = try brokenData { intents, knowledge in
        let aya = intents.appendingPathComponent("aya.yaml")
        try (try String(contentsOf: aya, encoding: .utf8) + "colour: blue\n").write(
          to: aya, atomically: true, encoding: .utf8)
        try "".write(to: intents.appendingPathComponent("mrd.yaml"), atomically: true, encoding: .utf8)
        try "id: maintenance\nsummary: [1, 2]\nterms: {maintenance: lots}\n".write(
          to: intents.appendingPathComponent("maintenance.yaml"), atomically: true, encoding: .utf8)
        let topic = knowledge.appendingPathComponent("topics/transplant.yaml")
        var text = try String(contentsOf: topic, encoding: .utf8)
        text = text.replacingOccurrences(
          of: "refs: [", with: "refs: [NOPE2099, ", options: [], range: text.range(of: "refs: ["))
        try text.write(to: topic, atomically: true, encoding: .utf8)
        let references = knowledge.appendingPathComponent("references.yaml")
        try
          (try String(contentsOf: references, encoding: .utf8)
          + "  - key: THOMAS1999\n    short: again\n    citation: A duplicate.\n    level: primary\n")
          .write(to: references, atomically: true, encoding: .utf8)
      }
      let result = try CurbsideProcess.run(["check", "--intents", intents, "--knowledge", knowledge])
      #expect(result.status == 1)
      let expected = [
        #"Intents/aya\.yaml:\d+:\d+: error: unknown key 'colour'"#,
        #"Intents/mrd\.yaml:1:1: error: file is empty"#,
        #"Intents/maintenance\.yaml:2:\d+: error: 'summary' must be a string"#,
        #"Intents/maintenance\.yaml:3:\d+: error: weight of 'maintenance' must be a number"#,
        #"Knowledge/topics/transplant\.yaml:\d+:\d+: error: .*NOPE2099"#,
        #"Knowledge/references\.yaml:\d+:\d+: error: duplicate reference key 'THOMAS1999'"#,
      ]
      for pattern in expected {
        #expect(
          result.stderr.range(of: pattern, options: .regularExpression) != nil,
          "missing \(pattern) in \(result.stderr)")
      }
      expectNoCrash(result)
    }

    @Test func anUnreadableDataFileIsLocatedAndExits1() throws {
      let (intents, knowledge) = try brokenData { intents, _ in
        let file = intents.appendingPathComponent("mrd.yaml")
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
      }
      let result = try CurbsideProcess.run(["ask", "mrd", "--intents", intents, "--knowledge", knowledge])
      #expect(result.status == 1)
      #expect(result.stderr.contains("Intents/mrd.yaml:1:1: error: cannot read file"), "\(result.stderr)")
      expectNoCrash(result)
    }

    @Test func unreadableBatchFileIsNamedAndExits1() throws {
      let result = try CurbsideProcess.run(["batch", "/nonexistent/questions.txt"])
      #expect(result.status == 1)
      #expect(result.stderr.contains("cannot read /nonexistent/questions.txt"))
      expectNoCrash(result)
    }
  }
}
