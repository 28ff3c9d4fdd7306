/// One of the stable intent ids of the product contract.
public struct IntentID: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: String

  public init(_ rawValue: String) { self.rawValue = rawValue }

  public var description: String { rawValue }
  public static func < (a: IntentID, b: IntentID) -> Bool { a.rawValue < b.rawValue }

  /// The clinical intents: each is answered from a topic of the knowledge.
  public static let clinical: [IntentID] = [
    "treatment.initial", "induction.adult", "regimen.hypercvad", "therapy.rituximab",
    "induction.older", "induction.pediatric", "aya", "cns.prophylaxis", "steroid.choice",
    "consolidation", "maintenance", "mrd", "drug.blinatumomab", "drug.inotuzumab", "risk.high",
    "transplant", "ph.positive", "subtype.burkitt", "pitfalls",
  ].map { IntentID($0) }

  /// The intents that steer the session rather than answer from a topic.
  public static let steering: [IntentID] = [
    "meta.help", "meta.about", "meta.references", "meta.greeting", "context.set", "context.show",
    "context.reset", "followup.why", "followup.more", "followup.sources", "out_of_scope",
  ].map { IntentID($0) }

  /// Every id of the taxonomy.
  public static let all: [IntentID] = clinical + steering

  public var isClinical: Bool { IntentID.clinical.contains(self) }

  public static let outOfScope = IntentID("out_of_scope")
  public static let contextSet = IntentID("context.set")
  public static let contextShow = IntentID("context.show")
  public static let contextReset = IntentID("context.reset")
  public static let help = IntentID("meta.help")
  public static let about = IntentID("meta.about")
  public static let references = IntentID("meta.references")
  public static let greeting = IntentID("meta.greeting")
  public static let why = IntentID("followup.why")
  public static let more = IntentID("followup.more")
  public static let sources = IntentID("followup.sources")
}

extension IntentID: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self.init(value) }
}
