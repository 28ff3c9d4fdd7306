import Foundation

/// The interactive loop, independent of the terminal: read a line, answer it, write the answer.
public struct ReplLoop {
  public let engine: Engine
  public var renderer: Renderer
  public private(set) var session: Session
  /// The conversation so far, for `save FILE`.
  public private(set) var recorded = Transcript(title: "Saved consultation")
  public var prompt = "curbside> "

  public init(engine: Engine, renderer: Renderer) {
    self.engine = engine
    self.renderer = renderer
    self.session = engine.session()
  }

  /// The short banner: name, knowledge version and date, how to get help, the privacy reminder.
  public var banner: String {
    let k = engine.knowledge
    let text =
      "Curbside: B-ALL guideline assistant. Knowledge \(k.version), reviewed \(k.reviewed). "
      + "Type help for commands, quit to leave. \(k.privacy)"
    return Wrap.lines(text, width: renderer.options.width).joined(separator: "\n") + "\n\n"
  }

  /// Runs until end of input or `quit`; `write` returns false when output is closed.
  public mutating func run(reader: inout some LineReader, write: (String) -> Bool) {
    while let raw = reader.readLine(prompt: prompt) {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty { continue }
      let word = line.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "/"))
      if word == "quit" || word == "exit" { return }
      if let finding = IdentifierGuard.check(line) {
        let note =
          "This line seems to contain \(finding.rawValue); it was not saved to history. "
          + engine.knowledge.privacy + "\n"
        guard write(note) else { return }
      } else {
        reader.remember(raw)
      }
      if word.hasPrefix("save ") || word == "save" {
        guard write(save(String(line.dropFirst(line.hasPrefix("/") ? 6 : 5)))) else { return }
        continue
      }
      let response = session.respond(to: line)
      let output = renderer.render(response)
      let plain = Renderer(
        format: .text, options: RenderOptions(width: renderer.options.width), references: renderer.references)
      recorded.turns.append(
        .init(input: line, expected: renderer.options.color ? plain.render(response) : output))
      recorded.width = renderer.options.width
      guard write(output + "\n") else { return }
    }
  }

  /// Writes the conversation so far as a transcript, atomically; never over an existing file.
  func save(_ argument: String) -> String {
    let path = argument.trimmingCharacters(in: .whitespaces)
    guard !path.isEmpty else { return "Usage: save FILE (writes this consultation as a transcript).\n" }
    guard !recorded.turns.isEmpty else { return "Nothing to save yet.\n" }
    do throws(AtomicFile.Failure) {
      try AtomicFile.write(recorded.serialized, to: path, overwrite: false)
      return "Saved \(recorded.turns.count) turns to \(path).\n"
    } catch {
      switch error {
      case .exists(let existing):
        return "\(existing) exists; choose another name (save never overwrites).\n"
      case .cannotWrite(let file, let reason):
        return "Cannot write \(file): \(reason).\n"
      }
    }
  }
}
