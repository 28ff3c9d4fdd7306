/// Plain text for terminals and transcripts: wrapped, referenced, with the disclaimer last.
public struct TextRenderer: Sendable {
  public var options: RenderOptions
  public var references: [String: Reference]

  public init(options: RenderOptions, references: [String: Reference]) {
    self.options = options
    self.references = references
  }

  /// The answer's lines, each ending with a newline, written into one string as they come.
  public func render(_ answer: Answer, includeDisclaimer: Bool = true, includeSources: Bool = true)
    -> String
  {
    var out = ""
    out.reserveCapacity(Self.typicalSize)
    out += style(answer.title, "1") + "\n"
    if let echo = answer.echo { add(echo, rest: "  ", to: &out) }
    if !answer.appliesBecause.isEmpty {
      add("Applies because: " + answer.appliesBecause.joined(separator: "; ") + ".", rest: "  ", to: &out)
    }
    for unknown in answer.unknowns { add(unknown + ".", rest: "  ", to: &out) }
    let keys = answer.referenceKeys
    let numbers = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0 + 1) })
    for section in answer.sections {
      out += "\n"
      if let heading = section.heading { out += style(heading, "1;36") + "\n" }
      for item in section.items {
        add(item, numbers: numbers, bullet: section.heading != nil || item.statementID != nil, to: &out)
      }
    }
    if !answer.footer.isEmpty {
      out += "\n"
      for line in answer.footer { add(line, rest: "  ", to: &out) }
    }
    if includeSources, !keys.isEmpty {
      let list = keys.enumerated().map { index, key in "[\(index + 1)] \(references[key]?.short ?? key)" }
      out += "\n"
      add(
        "Sources: " + list.joined(separator: "; ") + ". Type sources for full citations.", rest: "  ",
        to: &out)
    }
    if includeDisclaimer {
      out += "\n"
      add(answer.disclaimer, code: "2", to: &out)
    }
    return out
  }

  /// Room reserved for an answer's text (a long answer is about 4 KB).
  static let typicalSize = 4096

  /// Appends `text` wrapped to the width, each line styled with `code` when colour is on.
  func add(_ text: String, first: String = "", rest: String = "", code: String? = nil, to out: inout String) {
    guard options.color, let code else {
      Wrap.append(text, width: options.width, first: first, rest: rest, to: &out)
      return
    }
    for line in Wrap.lines(text, width: options.width, first: first, rest: rest) {
      out += style(line, code)
      out += "\n"
    }
  }

  /// Appends one item: labels, text and reference numbers, then its note.
  func add(_ item: Answer.Item, numbers: [String: Int], bullet: Bool, to out: inout String) {
    var body = ""
    for label in item.labels { body += "(\(label)) " }
    let labelled = !body.isEmpty
    body += item.text
    var marked = false
    for key in item.refs {
      guard let number = numbers[key] else { continue }
      body += marked ? "[\(number)]" : " [\(number)]"
      marked = true
    }
    let first = bullet ? "  - " : ""
    let rest = bullet ? "    " : ""
    if options.color, labelled {
      let labels = item.labels.map { "(\($0)) " }.joined()
      var result = Wrap.lines(body, width: options.width, first: first, rest: rest)
      result[0] = result[0].replacingOccurrences(of: labels, with: style(labels, "33"))
      for line in result { out += line + "\n" }
    } else {
      Wrap.append(body, width: options.width, first: first, rest: rest, to: &out)
    }
    if let note = item.note { add(note, first: "    ", rest: "    ", code: "2", to: &out) }
  }

  /// An ANSI style around `text` when colour is on.
  func style(_ text: String, _ code: String) -> String {
    options.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
