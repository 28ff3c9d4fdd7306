/// One answer, independent of how it is rendered.
public struct Answer: Sendable {
  /// One line of an answer: a knowledge statement, or a plain line of Curbside's own.
  public struct Item: Sendable {
    /// The statement it came from; nil for Curbside's own (non-clinical) lines.
    public var statementID: String?
    public var text: String
    /// Reference keys, in the statement's order.
    public var refs: [String]
    /// "if Ph-positive", "UNVERIFIED"...: shown in brackets before the text.
    public var labels: [String]
    /// A correction of the source article, shown under the text.
    public var note: String?

    public init(
      statementID: String? = nil, text: String, refs: [String] = [], labels: [String] = [],
      note: String? = nil
    ) {
      self.statementID = statementID
      self.text = text
      self.refs = refs
      self.labels = labels
      self.note = note
    }
  }

  /// A heading and its items.
  public struct Section: Sendable {
    public var heading: String?
    public var items: [Item]

    public init(heading: String? = nil, items: [Item]) {
      self.heading = heading
      self.items = items
    }
  }

  public var title: String
  /// "Patient: 72 y, female, ..." when the line stated facts.
  public var echo: String?
  /// Which patient facts chose this answer.
  public var appliesBecause: [String] = []
  /// Unknown facts that would change this answer.
  public var unknowns: [String] = []
  public var sections: [Section] = []
  /// A closing hint, such as how many statements `more` would show.
  public var footer: [String] = []
  public var disclaimer: String

  public init(title: String, disclaimer: String) {
    self.title = title
    self.disclaimer = disclaimer
  }

  /// Every statement-backed item, in order.
  public var statementItems: [Item] { sections.flatMap(\.items).filter { $0.statementID != nil } }

  /// Reference keys in order of first citation: their numbers in the text.
  public var referenceKeys: [String] {
    var keys: [String] = []
    for item in sections.flatMap(\.items) {
      for key in item.refs where !keys.contains(key) { keys.append(key) }
    }
    return keys
  }
}
