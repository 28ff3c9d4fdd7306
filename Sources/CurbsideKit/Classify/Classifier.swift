/// A keyword-and-phrase classifier compiled from the intent catalog.
public struct Classifier: Sendable {
  /// Where a term sits: which intent, which term, positive or negative.
  private struct Posting: Sendable {
    var intent: Int
    var tokens: [String]
    var weight: Double
    var display: String
    var negative: Bool
  }

  public let catalog: IntentCatalog
  public let normalizer: Normalizer
  public var thresholds: Thresholds
  private var postings: [String: [Posting]] = [:]
  private var commands: [String: Int] = [:]
  /// Per intent: groups, each a list of terms, each a token sequence.
  private let requires: [[[[String]]]]

  public init(catalog: IntentCatalog, thresholds: Thresholds = .standard) {
    self.catalog = catalog
    self.normalizer = catalog.normalizer
    self.thresholds = thresholds
    requires = catalog.intents.map { spec in
      spec.requires.map { group in group.map { term in term.split(separator: " ").map(String.init) } }
    }
    for (index, spec) in catalog.intents.enumerated() {
      for term in spec.terms {
        postings[term.tokens[0], default: []].append(
          Posting(intent: index, tokens: term.tokens, weight: term.weight, display: term.display,
                  negative: false))
      }
      for term in spec.negatives {
        postings[term.tokens[0], default: []].append(
          Posting(intent: index, tokens: term.tokens, weight: term.weight, display: term.display,
                  negative: true))
      }
      for command in spec.commands where commands[command] == nil { commands[command] = index }
    }
  }

  /// Classifies a raw line.
  public func classify(_ line: String) -> Classification {
    classify(normalizer.normalize(line))
  }

  /// Classifies an already normalised line.
  public func classify(_ text: NormalizedText) -> Classification {
    let tokens = text.tokens.map(\.text)
    guard !tokens.isEmpty else {
      return Classification(
        intent: .outOfScope, confidence: 0, abstained: true, reason: .empty, ranking: [],
        normalized: text)
    }
    let ranking = rank(tokens)
    if let index = commands[tokens.joined(separator: " ")] {
      return Classification(
        intent: catalog.intents[index].id, confidence: 1, abstained: false, reason: .command,
        ranking: ranking, normalized: text)
    }
    return decide(ranking, tokens: tokens, text: text)
  }

  private func decide(_ ranking: [Classification.Candidate], tokens: [String], text: NormalizedText)
    -> Classification
  {
    func abstain(_ reason: Classification.Reason, confidence: Double = 0) -> Classification {
      Classification(
        intent: .outOfScope, confidence: confidence, abstained: true, reason: reason,
        ranking: ranking, normalized: text)
    }
    let lexicon = catalog.lexicon
    if let foreign = lexicon.foreign.first(where: { Self.contains(tokens, $0.tokens) }),
      !lexicon.anchors.contains(where: { Self.contains(tokens, $0) })
    {
      return abstain(.foreign(foreign.label))
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
    return Classification(
      intent: best.intent, confidence: confidence, abstained: false, reason: .matched,
      ranking: ranking, normalized: text)
  }

  /// Scores every intent; returns those with a positive score, best first.
  private func rank(_ tokens: [String]) -> [Classification.Candidate] {
    var fired: [Int: [Classification.Fired]] = [:]
    var seen = Set<String>()
    for start in tokens.indices {
      guard let list = postings[tokens[start]] else { continue }
      for posting in list where Self.matches(tokens, at: start, posting.tokens) {
        let key = "\(posting.intent)|\(posting.negative)|\(posting.display)"
        guard seen.insert(key).inserted else { continue }
        fired[posting.intent, default: []].append(
          .init(term: posting.display, weight: posting.weight, negative: posting.negative))
      }
    }
    var candidates: [Classification.Candidate] = []
    for (index, terms) in fired {
      let met = requires[index].allSatisfy { group in group.contains { Self.contains(tokens, $0) } }
      let total = terms.reduce(0) { $0 + ($1.negative ? -$1.weight : $1.weight) }
      let score = met ? max(0, total) : 0
      candidates.append(.init(
        intent: catalog.intents[index].id, score: score, fired: terms, requirementsMet: met))
    }
    return candidates.filter { $0.score > 0 }.sorted {
      $0.score != $1.score ? $0.score > $1.score : $0.intent < $1.intent
    }
  }

  static func matches(_ tokens: [String], at start: Int, _ phrase: [String]) -> Bool {
    guard start + phrase.count <= tokens.count else { return false }
    for offset in phrase.indices where tokens[start + offset] != phrase[offset] { return false }
    return true
  }

  static func contains(_ tokens: [String], _ phrase: [String]) -> Bool {
    guard let first = phrase.first else { return false }
    for index in tokens.indices where tokens[index] == first {
      if matches(tokens, at: index, phrase) { return true }
    }
    return false
  }
}
