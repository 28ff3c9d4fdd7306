/// Markdown for notes and documents: headings, lists, numbered sources, quoted disclaimer.
public struct MarkdownRenderer: Sendable {
  public var references: [String: Reference]

  public init(references: [String: Reference]) { self.references = references }

  public func render(_ answer: Answer) -> String {
    var out = ["## \(Self.escape(answer.title))", ""]
    if let echo = answer.echo { out += ["*\(Self.escape(echo))*", ""] }
    if !answer.appliesBecause.isEmpty {
      out += ["**Applies because:** " + Self.escape(answer.appliesBecause.joined(separator: "; ")), ""]
    }
    if !answer.unknowns.isEmpty { out += answer.unknowns.map { "- " + Self.escape($0) } + [""] }
    let numbers = Dictionary(uniqueKeysWithValues: answer.referenceKeys.enumerated().map { ($1, $0 + 1) })
    for section in answer.sections {
      if let heading = section.heading { out += ["### \(Self.escape(heading))", ""] }
      for item in section.items {
        let marks = item.refs.compactMap { numbers[$0] }.map { "[\($0)]" }.joined()
        let labels = item.labels.map { "*(\(Self.escape($0)))* " }.joined()
        let text = labels + Self.escape(item.text) + (marks.isEmpty ? "" : " " + marks)
        out.append(section.heading != nil || item.statementID != nil ? "- " + text : text)
        if let note = item.note { out.append("  > " + Self.escape(note)) }
      }
      out.append("")
    }
    for line in answer.footer { out += [Self.escape(line), ""] }
    if !answer.referenceKeys.isEmpty {
      out += ["**Sources**", ""]
      for (index, key) in answer.referenceKeys.enumerated() {
        out.append("\(index + 1). " + Self.escape(references[key]?.fullCitation ?? key))
      }
      out.append("")
    }
    out.append("> " + Self.escape(answer.disclaimer))
    return out.joined(separator: "\n") + "\n\n"
  }

  /// Escapes the characters Markdown would read as markup.
  static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      if "\\`*_[]<>#|".contains(character) { result.append("\\") }
      result.append(character)
    }
    return result
  }
}
