import CurbsideTestSupport
import Foundation
import Testing

@testable import CurbsideKit

@Suite struct TranscriptTests {
  static let files = Replayer.files([Fixtures.transcripts.path])

  @Test(arguments: files)
  func transcriptReplaysExactly(_ file: String) throws {
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let transcript = try Transcript.parse(text, path: file)
    let result = Replayer(engine: Fixtures.engine).replay(transcript, file: file)
    #expect(result.passed, "\(result.mismatches.map { "\($0.file):\($0.line)\n\($0.diff)" }.joined())")
  }

  @Test func theLibraryIsNotEmpty() {
    #expect(Self.files.count >= 5)
  }

  @Test func serialisingThenParsingGivesTheSameTranscript() throws {
    let transcript = Transcript(
      title: "Round trip", width: 72, comments: ["a comment"],
      turns: [
        .init(input: "hello", expected: "Line one\n\nLine three\n"), .init(input: "why", expected: "x\n\n"),
      ])
    var parsed = try Transcript.parse(transcript.serialized, path: "t.txt")
    for index in parsed.turns.indices { parsed.turns[index].line = 0 }
    #expect(parsed == transcript)
  }

  @Test func aChangedLineFailsWithADiffNamingTheTurn() throws {
    var session = Fixtures.engine.session()
    let renderer = Renderer(
      format: .text, options: RenderOptions(width: 80), references: Fixtures.engine.knowledge.references)
    let output = renderer.render(session.respond(to: "blinatumomab"))
    let tampered = output.replacingOccurrences(of: "Recommendations", with: "Recommendation")
    let transcript = try Transcript.parse(
      Transcript(title: "t", turns: [.init(input: "blinatumomab", expected: tampered)]).serialized,
      path: "t.txt")
    let result = Replayer(engine: Fixtures.engine).replay(transcript, file: "t.txt")
    #expect(!result.passed)
    let mismatch = try #require(result.mismatches.first)
    #expect(mismatch.line == 3)
    #expect(mismatch.diff.contains("-Recommendation"))
    #expect(mismatch.diff.contains("+Recommendations"))
  }

  @Test func malformedHeaderIsReportedWithItsLine() {
    #expect(throws: DataError.self) {
      _ = try Transcript.parse("# t\n# width: wide\n>>> hi\nx\n", path: "bad.txt")
    }
  }

  @Test func atomicWriteRefusesToOverwrite() throws {
    let folder = Fixtures.scratch("atomic")
    let path = folder.appendingPathComponent("t.txt").path
    try AtomicFile.write("one", to: path, overwrite: false)
    #expect(throws: AtomicFile.Failure.exists(path)) {
      try AtomicFile.write("two", to: path, overwrite: false)
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "one")
  }
}
