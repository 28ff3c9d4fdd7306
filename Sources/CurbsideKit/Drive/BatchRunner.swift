/// Answers every line of a question file: comments and blanks skipped, `---` starts a new
/// patient, and the conversation carries from line to line unless `fresh`.
public struct BatchRunner {
  public let engine: Engine
  public var renderer: Renderer
  public var fresh: Bool
  private var session: Session

  public init(engine: Engine, renderer: Renderer, fresh: Bool = false) {
    self.engine = engine
    self.renderer = renderer
    self.fresh = fresh
    self.session = engine.session()
  }

  /// What a line is, before any answering.
  public enum LineKind: Equatable { case skip, newPatient, question }

  public static func kind(of line: String) -> LineKind {
    var copy = line
    if let kind = copy.withUTF8(asciiKind) { return kind }
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty || trimmed.hasPrefix("#") { return .skip }
    if trimmed == "---" { return .newPatient }
    return .question
  }

  /// `kind(of:)` without Foundation for a line whose ends are ASCII: the only whitespace
  /// trimmed there is spaces and tabs. Nil when either end, or the byte after the first, is
  /// not ASCII (Unicode spaces count as whitespace, and a combining mark would change the
  /// first character).
  static func asciiKind(_ utf8: UnsafeBufferPointer<UInt8>) -> LineKind? {
    let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
    guard let start = utf8.firstIndex(where: { !blank($0) }) else { return .skip }
    let end = utf8.lastIndex(where: { !blank($0) })!
    guard utf8[start] < 0x80, utf8[end] < 0x80, start == end || utf8[start + 1] < 0x80 else { return nil }
    if utf8[start] == UInt8(ascii: "#") { return .skip }
    let dash = UInt8(ascii: "-")
    if end - start == 2, utf8[start] == dash, utf8[start + 1] == dash, utf8[end] == dash {
      return .newPatient
    }
    return .question
  }

  /// Answers one line; returns the output to write, or nil for a skipped line.
  public mutating func answer(_ line: String) -> String? {
    switch Self.kind(of: line) {
    case .skip: return nil
    case .newPatient:
      session.reset()
      return nil
    case .question:
      if fresh { session = engine.session() }
      let response = session.respond(to: line)
      return frame(line, renderer.render(response))
    }
  }

  /// Text and Markdown show the question above the answer; JSON carries it inside.
  func frame(_ line: String, _ body: String) -> String {
    let shown = InputSanitizer.clean(line)
    switch renderer.format {
    case .json: return body
    case .text: return "> \(shown)\n\(body)\n"
    case .markdown: return "**Q:** \(MarkdownRenderer.escape(shown))\n\n\(body)"
    }
  }
}
