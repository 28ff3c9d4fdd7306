import CurbsideTestSupport
import Foundation
import Testing

@testable import CurbsideKit

extension Robustness {
  /// LineFile reads any bytes in constant memory: lines, NULs, invalid UTF-8, no final newline,
  /// CRLF, and lines longer than its limit.
  @Suite struct LineFileTests {
    func lines(of bytes: [UInt8]) throws -> ([String], LineFile) {
      let file = Fixtures.scratch("linefile-" + UUID().uuidString).appendingPathComponent("in.txt")
      try Data(bytes).write(to: file)
      let reader = try #require(LineFile(path: file.path))
      return (Array(reader), reader)
    }

    @Test func splitsLikeGetline() throws {
      #expect(try lines(of: []).0 == [])
      #expect(try lines(of: Array("\n".utf8)).0 == [""])
      #expect(try lines(of: Array("a\nb".utf8)).0 == ["a", "b"])
      #expect(try lines(of: Array("a\r\nb\r\n\r\n".utf8)).0 == ["a", "b", ""])
      #expect(try lines(of: Array("x\0y\n".utf8)).0 == ["x\0y"])
    }

    @Test func invalidUTF8IsRepairedAndCounted() throws {
      let (read, reader) = try lines(of: [0x6D, 0x72, 0x64, 0xFF, 0xFE, 0x0A, 0xC3, 0xA9, 0x0A, 0xE2, 0x82])
      #expect(read == ["mrd\u{FFFD}\u{FFFD}", "é", "\u{FFFD}"])
      #expect(reader.invalidLines == 2)
    }

    @Test func overlongLinesAreCutAtAScalarBoundary() throws {
      let long =
        [UInt8](repeating: 0x61, count: LineFile.maximumLineBytes - 1) + Array("é and much more".utf8)
      let (read, reader) = try lines(of: long + [0x0A] + Array("next".utf8))
      #expect(read.count == 2)
      #expect(read[0].utf8.count == LineFile.maximumLineBytes - 1)  // "é" would not fit whole
      #expect(!read[0].contains("\u{FFFD}"))
      #expect(read[1] == "next")
      #expect(reader.truncatedLines == 1)
      #expect(reader.invalidLines == 0)
    }

    @Test func foldersAndMissingFilesCannotBeOpened() {
      #expect(LineFile(path: "/") == nil)
      #expect(LineFile(path: "/nonexistent/file") == nil)
    }

    @Test func aMillionLineBatchStreams() throws {
      // One million lines: comments, blanks, patient breaks and, one in a thousand, a question.
      var text = ""
      text.reserveCapacity(12_000_000)
      let filler = ["# a comment line", "", "   ", "---"]
      for index in 0..<1_000_000 {
        text += index % 1_000 == 0 ? "MRD after induction?\n" : filler[index % 4] + "\n"
      }
      let file = Fixtures.scratch("million").appendingPathComponent("million.txt")
      try text.write(to: file, atomically: false, encoding: .utf8)
      text = ""
      let reader = try #require(LineFile(path: file.path))
      var runner = BatchRunner(
        engine: Fixtures.engine,
        renderer: Renderer(
          format: .json, options: RenderOptions(), references: Fixtures.engine.knowledge.references))
      let clock = ContinuousClock()
      let start = clock.now
      var lines = 0
      var answers = 0
      for line in reader {
        lines += 1
        if runner.answer(line) != nil { answers += 1 }
      }
      #expect(lines == 1_000_000)
      #expect(answers == 1_000)
      #expect(clock.now - start < .seconds(60))
    }
  }
}
