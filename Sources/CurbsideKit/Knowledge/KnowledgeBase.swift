/// The whole guideline knowledge: topics by intent, references, disclaimer and version.
public struct KnowledgeBase: Sendable {
  public var version: String
  public var reviewed: String
  public var title: String
  /// What Curbside covers, for `about` and abstentions.
  public var scope: String
  /// What it does not cover, for abstentions.
  public var outOfScope: String
  public var disclaimer: String
  /// Told when a clinical intent has no topic loaded.
  public var notLoaded: String
  /// Reminder not to type identifiers.
  public var privacy: String
  public var references: [String: Reference]
  /// Reference keys in file order, for `meta.references`.
  public var referenceOrder: [String]
  public var topics: [IntentID: Topic] { didSet { distinctiveWords = nil } }
  /// For each statement id, its words that are rare across the whole knowledge, sorted (see
  /// `StatementIndex`). Derived from the topics, and cleared when they change; the start-up
  /// cache stores it, so that the first answer of a process need not read every statement.
  var distinctiveWords: [String: [String]]?

  /// `distinctiveWords`, computed from the statements when it is not stored.
  func distinctive() -> [String: [String]] {
    distinctiveWords ?? StatementIndex.distinctiveWords(of: allStatements)
  }

  public func topic(_ intent: IntentID) -> Topic? { topics[intent] }

  /// Every statement, in topic then file order.
  public var allStatements: [Statement] {
    topics.keys.sorted().flatMap { topics[$0]!.statements }
  }
}
