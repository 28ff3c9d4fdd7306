/// A saved consultation: a title, settings, and each input with Curbside's exact output.
///
/// ```
/// # Older adult, CD20-positive: induction, then why
/// # width: 80
/// # Any other header line is a comment.
/// >>> 72-year-old woman, CD20 45%, Ph negative
/// (the exact output, ending with one blank line)
/// >>> what induction?
/// ...
/// ```
public struct Transcript: Sendable, Equatable {
  /// One input line and the output expected for it.
  public struct Turn: Sendable, Equatable {
    public var input: String
    public var expected: String
    /// The 1-based line of the `>>>` marker in the file.
    public var line: Int

    public init(input: String, expected: String, line: Int = 0) {
      self.input = input
      self.expected = expected
      self.line = line
    }
  }

  public static let marker = ">>> "

  public var title: String
  public var width: Int
  public var format: OutputFormat
  /// Header comment lines after the title, kept when re-recording.
  public var comments: [String]
  public var turns: [Turn]

  public init(
    title: String, width: Int = 80, format: OutputFormat = .text, comments: [String] = [],
    turns: [Turn] = []
  ) {
    self.title = title
    self.width = width
    self.format = format
    self.comments = comments
    self.turns = turns
  }

  /// The transcript as it is written to disk.
  public var serialized: String {
    var out = "# \(title)\n# width: \(width)\n"
    if format != .text { out += "# format: \(format.rawValue)\n" }
    for comment in comments { out += "# \(comment)\n" }
    for turn in turns {
      out += Self.marker + turn.input + "\n" + turn.expected + "\n"
    }
    return out
  }
}

extension Transcript {
  /// Parses a transcript; malformed settings are diagnostics located in `path`.
  public static func parse(_ text: String, path: String) throws(DataError) -> Transcript {
    var transcript = Transcript(title: "")
    var problems: [Diagnostic] = []
    var current: Turn?
    var block: [String] = []
    func close() {
      guard var turn = current else { return }
      if block.last == "" { block.removeLast() }
      turn.expected = block.joined(separator: "\n") + (block.isEmpty ? "" : "\n")
      transcript.turns.append(turn)
      block = []
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (index, line) in lines.enumerated() {
      if line.hasPrefix(marker) {
        close()
        current = Turn(input: String(line.dropFirst(marker.count)), expected: "", line: index + 1)
      } else if current != nil {
        block.append(line)
      } else if line.hasPrefix("#") {
        let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
        if transcript.title.isEmpty {
          transcript.title = body
        } else if let value = body.settingValue("width") {
          guard let width = Int(value), (20...1000).contains(width) else {
            problems.append(
              Diagnostic(
                file: path, line: index + 1, column: 3, message: "width must be a number from 20 to 1000"))
            continue
          }
          transcript.width = width
        } else if let value = body.settingValue("format") {
          guard let format = OutputFormat(rawValue: value) else {
            problems.append(
              Diagnostic(
                file: path, line: index + 1, column: 3, message: "format must be text, markdown or json"))
            continue
          }
          transcript.format = format
        } else {
          transcript.comments.append(body)
        }
      } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
        problems.append(
          Diagnostic(
            file: path, line: index + 1, column: 1,
            message: "text before the first '>>> ' turn must be a '#' header line"))
      }
    }
    if block.last == "", index(lines) { block.removeLast() }
    close()
    if transcript.turns.isEmpty {
      problems.append(
        Diagnostic(file: path, line: max(1, lines.count), column: 1, message: "no '>>> ' turns"))
    }
    if !problems.isEmpty { throw DataError(diagnostics: problems) }
    return transcript
  }

  /// A file ending with a newline splits into a last empty line, which is not output.
  private static func index(_ lines: [String]) -> Bool { lines.last == "" }
}

extension String {
  /// "width: 80".settingValue("width") → "80".
  func settingValue(_ name: String) -> String? {
    guard hasPrefix(name + ":") else { return nil }
    return dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
  }
}
