/// Plain text for terminals and transcripts: wrapped, referenced, with the disclaimer last.
public struct TextRenderer: Sendable {
  public var options: RenderOptions
  public var references: [String: Reference]

  public init(options: RenderOptions, references: [String: Reference]) {
    self.options = options
    self.references = references
  }

  public func render(_ answer: Answer, includeDisclaimer: Bool = true, includeSources: Bool = true)
    -> String
  {
    var out: [String] = [style(answer.title, "1")]
    let width = options.width
    if let echo = answer.echo { out += Wrap.lines(echo, width: width, rest: "  ") }
    if !answer.appliesBecause.isEmpty {
      out += Wrap.lines(
        "Applies because: " + answer.appliesBecause.joined(separator: "; ") + ".", width: width,
        rest: "  ")
    }
    for unknown in answer.unknowns { out += Wrap.lines(unknown + ".", width: width, rest: "  ") }
    let numbers = Dictionary(
      uniqueKeysWithValues: answer.referenceKeys.enumerated().map { ($1, $0 + 1) })
    for section in answer.sections {
      out.append("")
      if let heading = section.heading { out.append(style(heading, "1;36")) }
      for item in section.items {
        out += lines(
          item, numbers: numbers, width: width, bullet: section.heading != nil || item.statementID != nil)
      }
    }
    if !answer.footer.isEmpty {
      out.append("")
      for line in answer.footer { out += Wrap.lines(line, width: width, rest: "  ") }
    }
    if includeSources, !answer.referenceKeys.isEmpty {
      out.append("")
      let list = answer.referenceKeys.enumerated().map { index, key in
        "[\(index + 1)] \(references[key]?.short ?? key)"
      }
      out += Wrap.lines(
        "Sources: " + list.joined(separator: "; ") + ". Type sources for full citations.", width: width,
        rest: "  ")
    }
    if includeDisclaimer {
      out.append("")
      out += Wrap.lines(answer.disclaimer, width: width).map { style($0, "2") }
    }
    return out.joined(separator: "\n") + "\n"
  }

  func lines(_ item: Answer.Item, numbers: [String: Int], width: Int, bullet: Bool) -> [String] {
    let marks = item.refs.compactMap { numbers[$0] }.map { "[\($0)]" }.joined()
    let labels = item.labels.map { "(\($0)) " }.joined()
    let body = labels + item.text + (marks.isEmpty ? "" : " " + marks)
    var result =
      bullet
      ? Wrap.lines(body, width: width, first: "  - ", rest: "    ")
      : Wrap.lines(body, width: width)
    if options.color, !labels.isEmpty, let first = result.first {
      result[0] = first.replacingOccurrences(of: labels, with: style(labels, "33"))
    }
    if let note = item.note {
      result += Wrap.lines(note, width: width, first: "    ", rest: "    ").map { style($0, "2") }
    }
    return result
  }

  /// An ANSI style around `text` when colour is on.
  func style(_ text: String, _ code: String) -> String {
    options.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
