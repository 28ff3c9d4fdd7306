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
  public var topics: [IntentID: Topic]

  public func topic(_ intent: IntentID) -> Topic? { topics[intent] }

  /// Every statement, in topic then file order.
  public var allStatements: [Statement] {
    topics.keys.sorted().flatMap { topics[$0]!.statements }
  }
}
