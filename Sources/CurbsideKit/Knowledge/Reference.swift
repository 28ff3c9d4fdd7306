/// A source, cited by key from statements.
public struct Reference: Sendable, Hashable {
  /// How directly the source was read, which the answer makes visible.
  public enum Level: String, Sendable, CaseIterable {
    case primary, abstract, secondary, guideline, web
  }

  public var key: String
  public var short: String
  public var citation: String
  public var level: Level
  /// Where it is declared, for diagnostics.
  public var line: Int = 1

  /// The citation with its level spelled out when it is not a primary paper.
  public var fullCitation: String {
    switch level {
    case .primary, .guideline: return citation
    case .abstract: return "\(citation) [conference abstract]"
    case .secondary: return "\(citation) [secondary source]"
    case .web: return "\(citation) [web page]"
    }
  }
}
