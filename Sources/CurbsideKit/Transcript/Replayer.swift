import Foundation

/// Replays transcripts in fresh sessions and compares the output exactly.
public struct Replayer: Sendable {
  /// A turn whose output differs from the transcript.
  public struct Mismatch: Sendable {
    public var file: String
    public var line: Int
    public var input: String
    public var diff: String
  }

  /// The outcome of replaying one transcript.
  public struct Result: Sendable {
    public var file: String
    public var mismatches: [Mismatch]
    /// The transcript with the actual output, for `--update`.
    public var actual: Transcript
    /// Intents answered and statements shown, for `--coverage`.
    public var intents: Set<IntentID>
    public var statements: Set<String>
    public var passed: Bool { mismatches.isEmpty }
  }

  public let engine: Engine

  public init(engine: Engine) { self.engine = engine }

  /// Runs `transcript` in a fresh session.
  public func replay(_ transcript: Transcript, file: String) -> Result {
    var session = engine.session()
    let renderer = Renderer(
      format: transcript.format, options: RenderOptions(width: transcript.width),
      references: engine.knowledge.references)
    var actual = transcript
    var result = Result(file: file, mismatches: [], actual: transcript, intents: [], statements: [])
    for (index, turn) in transcript.turns.enumerated() {
      let response = session.respond(to: turn.input)
      let output = renderer.render(response)
      actual.turns[index].expected = output
      result.intents.insert(response.intent)
      result.statements.formUnion(response.answer.statementItems.compactMap(\.statementID))
      if output != turn.expected {
        result.mismatches.append(
          Mismatch(
            file: file, line: turn.line, input: turn.input,
            diff: LineDiff.unified(
              expected: turn.expected, actual: output, expectedName: "\(file):\(turn.line) expected",
              actualName: "actual")))
      }
    }
    result.actual = actual
    return result
  }

  /// The transcript files under `paths` (files, or folders searched for `*.txt`), sorted.
  public static func files(_ paths: [String]) -> [String] {
    var found: [String] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        found.append(path)
        continue
      }
      if isDirectory.boolValue {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        found += names.filter { $0.hasSuffix(".txt") }.sorted().map {
          (path as NSString).appendingPathComponent($0)
        }
      } else {
        found.append(path)
      }
    }
    return found
  }
}
