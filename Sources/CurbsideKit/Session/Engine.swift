import Foundation

/// Everything loaded once and shared by sessions: intents, classifier, knowledge, composer. A
/// class, so that a new session shares it by one reference instead of copying every table.
public final class Engine: Sendable {
  public let catalog: IntentCatalog
  public let classifier: Classifier
  public let knowledge: KnowledgeBase
  public let composer: Composer
  /// The drugs and doses the knowledge gives, to abstain on the others.
  public let drugs: DrugCoverage
  public let extractor = FactExtractor()

  /// `drugs` and the classifier's `tables` are derived from the data unless given (the
  /// start-up cache stores them).
  init(
    catalog: IntentCatalog, knowledge: KnowledgeBase, thresholds: Thresholds = .standard,
    drugs: DrugCoverage? = nil, tables: ClassifierTables? = nil
  ) {
    self.catalog = catalog
    self.classifier = Classifier(
      catalog: catalog, thresholds: thresholds, tables: tables ?? ClassifierTables(catalog: catalog))
    self.knowledge = knowledge
    self.composer = Composer(knowledge: knowledge)
    self.drugs = drugs ?? DrugCoverage(knowledge: knowledge, normalizer: catalog.normalizer)
  }

  public convenience init(
    catalog: IntentCatalog, knowledge: KnowledgeBase, thresholds: Thresholds = .standard
  ) {
    self.init(catalog: catalog, knowledge: knowledge, thresholds: thresholds, drugs: nil)
  }

  /// Loads both folders; any error-level diagnostic fails the load with all of them.
  public static func load(intents: URL, knowledge: URL) throws(DataError) -> Engine {
    var bag = DiagnosticBag()
    let catalog = IntentCatalog.load(from: intents, bag: &bag)
    let base = KnowledgeLoader.load(from: knowledge, bag: &bag)
    if bag.hasErrors { throw DataError(diagnostics: bag.sorted.filter { $0.severity == .error }) }
    return Engine(catalog: catalog, knowledge: base)
  }

  /// Loads through `cache` when one is given (see `EngineCache`): the same engine either way.
  public static func load(intents: URL, knowledge: URL, cache: EngineCache?) throws(DataError)
    -> Engine
  {
    guard let cache else { return try load(intents: intents, knowledge: knowledge) }
    return try cache.load(intents: intents, knowledge: knowledge).engine
  }

  /// A new conversation with an empty patient.
  public func session() -> Session { Session(engine: self) }
}

/// The data could not be loaded; every problem found, located.
public struct DataError: Error, Sendable {
  public var diagnostics: [Diagnostic]
}
