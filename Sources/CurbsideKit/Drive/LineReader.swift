/// Where interactive lines come from: GNU readline in the executable, a script in tests.
public protocol LineReader {
  /// The next line, without its newline; nil at end of input.
  mutating func readLine(prompt: String) -> String?
  /// Records a line in the history, if the reader keeps one.
  mutating func remember(_ line: String)
}

extension LineReader {
  public mutating func remember(_ line: String) {}
}

/// Replays fixed lines, as a physician would type them.
public struct ScriptedLineReader: LineReader {
  private var lines: [String]
  public private(set) var prompts: [String] = []
  public private(set) var remembered: [String] = []

  public init(_ lines: [String]) { self.lines = lines.reversed() }

  public mutating func readLine(prompt: String) -> String? {
    prompts.append(prompt)
    return lines.popLast()
  }

  public mutating func remember(_ line: String) { remembered.append(line) }
}
