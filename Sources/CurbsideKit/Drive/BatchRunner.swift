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
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty || trimmed.hasPrefix("#") { return .skip }
    if trimmed == "---" { return .newPatient }
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
