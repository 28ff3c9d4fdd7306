/// A keyword-and-phrase classifier compiled from the intent catalog.
///
/// Every word of the terms, requirements and scope cues is numbered once at start; a line's
/// tokens are looked up once and matched as numbers, so the cost per line grows with its
/// length and the postings of its words, not with the size of the catalog.
public struct Classifier: Sendable {
  public let catalog: IntentCatalog
  public let normalizer: Normalizer
  public var thresholds: Thresholds
  /// The numbered words and postings, derived from the catalog (or read from the start-up
  /// cache, which stores them).
  let tables: ClassifierTables

  public init(catalog: IntentCatalog, thresholds: Thresholds = .standard) {
    self.init(catalog: catalog, thresholds: thresholds, tables: ClassifierTables(catalog: catalog))
  }

  init(catalog: IntentCatalog, thresholds: Thresholds, tables: ClassifierTables) {
    self.catalog = catalog
    self.normalizer = catalog.normalizer
    self.thresholds = thresholds
    self.tables = tables
  }

  /// Classifies a raw line.
  public func classify(_ line: String) -> Classification {
    classify(normalizer.normalize(line))
  }

  /// Classifies an already normalised line.
  public func classify(_ text: NormalizedText) -> Classification {
    guard !text.tokens.isEmpty else {
      return Classification(
        intent: .outOfScope, confidence: 0, abstained: true, reason: .empty, ranking: [],
        normalized: text)
    }
    // Words the classifier never reads are -1, which no term contains.
    let numbers = text.tokens.map { tables.words[$0.text] ?? -1 }
    let ranking = rank(numbers, optionsStart: text.optionsStart)
    if !tables.commands.isEmpty, let index = tables.commands[text.text] {
      return Classification(
        intent: catalog.intents[index].id, confidence: 1, abstained: false, reason: .command,
        ranking: ranking, normalized: text)
    }
    // "True or false: in UKALL XII/E2993, autologous transplant gave better survival": the claim
    // decides the topic, not the study it comes from, when the claim alone names a topic.
    if let setting = text.trueFalseSetting {
      let claim = rank(numbers, optionsStart: text.optionsStart, ignoring: setting)
      if let best = claim.first, best.score >= thresholds.minimumScore {
        return decide(claim, numbers: numbers, text: text)
      }
    }
    return decide(ranking, numbers: numbers, text: text)
  }

  /// `classification` decided again as if `excluded` had matched nothing (what a line asks
  /// besides a why), from its own ranking: nothing is scored twice.
  public func reclassify(_ classification: Classification, excluding excluded: IntentID) -> Classification {
    let text = classification.normalized
    let numbers = text.tokens.map { tables.words[$0.text] ?? -1 }
    return decide(classification.ranking.filter { $0.intent != excluded }, numbers: numbers, text: text)
  }

  private func decide(_ ranking: [Classification.Candidate], numbers: [Int], text: NormalizedText)
    -> Classification
  {
    func abstain(_ reason: Classification.Reason, confidence: Double = 0) -> Classification {
      Classification(
        intent: .outOfScope, confidence: confidence, abstained: true, reason: reason,
        ranking: ranking, normalized: text)
    }
    if let foreign = firstForeign(in: numbers),
      !tables.anchors.contains(where: { Self.contains(numbers, $0) })
    {
      return abstain(.foreign(catalog.lexicon.foreign[foreign].label))
    }
    guard let best = ranking.first else { return abstain(.noMatch) }
    let second = ranking.count > 1 ? ranking[1].score : 0
    let confidence = best.score / (best.score + second + thresholds.smoothing)
    if best.intent == .outOfScope { return abstain(.outOfScopeTopic, confidence: confidence) }
    if best.score < thresholds.minimumScore {
      return abstain(.weak(score: best.score), confidence: confidence)
    }
    let margin = (best.score - second) / best.score
    if confidence < thresholds.minimumConfidence || margin < thresholds.minimumMargin {
      return abstain(.unsure(runnerUp: ranking[1].intent), confidence: confidence)
    }
    if ranking[1...].first?.intent == .outOfScope, margin < thresholds.minimumMarginOverOutOfScope {
      return abstain(.unsure(runnerUp: .outOfScope), confidence: confidence)
    }
    return Classification(
      intent: best.intent, confidence: confidence, abstained: false, reason: .matched,
      ranking: ranking, normalized: text)
  }

  /// The first (in lexicon order) out-of-scope term the line contains.
  private func firstForeign(in numbers: [Int]) -> Int? {
    var found: Int?
    for number in numbers {
      guard number >= 0 else { continue }
      for index in tables.foreignByFirst[number] where index < (found ?? Int.max) {
        if Self.contains(numbers, tables.foreign[index]) { found = index }
      }
    }
    return found
  }

  /// Scores every intent; returns those with a positive score, best first. Terms that start in
  /// a board-review stem's lettered options (from `optionsStart`) weigh
  /// `thresholds.optionWeight` of their weight: the stem says what is asked.
  /// Terms that start inside `ignoring` (a true/false stem's setting) do not count.
  private func rank(_ numbers: [Int], optionsStart: Int? = nil, ignoring: Range<Int>? = nil)
    -> [Classification.Candidate]
  {
    // By intent index: a few dozen lists, most left empty (an empty list allocates nothing).
    var fired = [[Classification.Fired]](repeating: [], count: catalog.intents.count)
    var firedCount = 0
    var seen: [Int] = []
    for start in numbers.indices {
      guard numbers[start] >= 0, ignoring?.contains(start) != true else { continue }
      for posting in tables.postings[numbers[start]] where Self.matches(numbers, at: start, posting.tokens) {
        guard !seen.contains(posting.key) else { continue }
        seen.append(posting.key)
        let inOptions = optionsStart.map { start >= $0 } ?? false
        let weight = inOptions ? posting.weight * thresholds.optionWeight : posting.weight
        if fired[posting.intent].isEmpty { firedCount += 1 }
        fired[posting.intent].append(.init(term: posting.display, weight: weight, negative: posting.negative))
      }
    }
    var candidates: [Classification.Candidate] = []
    candidates.reserveCapacity(firedCount)
    for (index, terms) in fired.enumerated() where !terms.isEmpty {
      let met = tables.requires[index].allSatisfy { group in group.contains { Self.contains(numbers, $0) } }
      let total = terms.reduce(0) { $0 + ($1.negative ? -$1.weight : $1.weight) }
      let score = met ? max(0, total) : 0
      guard score > 0 else { continue }
      candidates.append(
        .init(
          intent: catalog.intents[index].id, score: score, fired: terms, requirementsMet: met))
    }
    return candidates.sorted {
      $0.score != $1.score ? $0.score > $1.score : $0.intent < $1.intent
    }
  }

  static func matches<T: Equatable>(_ tokens: [T], at start: Int, _ phrase: [T]) -> Bool {
    guard start + phrase.count <= tokens.count else { return false }
    for offset in phrase.indices where tokens[start + offset] != phrase[offset] { return false }
    return true
  }

  static func contains<T: Equatable>(_ tokens: [T], _ phrase: [T]) -> Bool {
    guard let first = phrase.first else { return false }
    for index in tokens.indices where tokens[index] == first {
      if matches(tokens, at: index, phrase) { return true }
    }
    return false
  }
}
