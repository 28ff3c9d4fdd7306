/// The formats an answer can be rendered in.
public enum OutputFormat: String, Sendable, CaseIterable {
  case text, markdown, json
}

/// Options shared by renderers.
public struct RenderOptions: Sendable {
  /// Wrap text to this many columns.
  public var width: Int
  /// ANSI colour; only ever true on a terminal without NO_COLOR.
  public var color: Bool

  public init(width: Int = 80, color: Bool = false) {
    self.width = max(20, width)
    self.color = color
  }
}

/// Renders a response in the chosen format.
public struct Renderer: Sendable {
  public var format: OutputFormat
  public var options: RenderOptions
  public var references: [String: Reference]

  public init(format: OutputFormat, options: RenderOptions, references: [String: Reference]) {
    self.format = format
    self.options = options
    self.references = references
  }

  /// The response as it is written out, ending with a newline.
  public func render(_ response: Response) -> String {
    switch format {
    case .text: return TextRenderer(options: options, references: references).render(response.answer)
    case .markdown: return MarkdownRenderer(references: references).render(response.answer)
    case .json: return JSONRenderer(references: references).line(response)
    }
  }
}
