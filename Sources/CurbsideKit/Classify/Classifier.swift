/// A keyword-and-phrase classifier compiled from the intent catalog.
///
/// Every word of the terms, requirements and scope cues is numbered once at start; a line's
/// tokens are looked up once and matched as numbers, so the cost per line grows with its
/// length and the postings of its words, not with the size of the catalog.
public struct Classifier: Sendable {
  /// Where a term sits: which intent, which term, positive or negative.
  private struct Posting: Sendable {
    var intent: Int
    var tokens: [Int]
    var weight: Double
    var display: String
    var negative: Bool
    /// The same number for postings of one intent, sign and display text (fired once a line).
    var key: Int
  }

  public let catalog: IntentCatalog
  public let normalizer: Normalizer
  public var thresholds: Thresholds
  /// Word numbers of every word the classifier reads.
  private var words: [String: Int] = [:]
  /// Postings by the number of their first word.
  private var postings: [Int: [Posting]] = [:]
  private var commands: [String: Int] = [:]
  /// Per intent: groups, each a list of terms, each a word-number sequence.
  private var requires: [[[[Int]]]] = []
  /// The lexicon's out-of-scope terms as word numbers, in lexicon order, and by first word.
  private var foreign: [[Int]] = []
  private var foreignByFirst: [Int: [Int]] = [:]
  private var anchors: [[Int]] = []

  public init(catalog: IntentCatalog, thresholds: Thresholds = .standard) {
    self.catalog = catalog
    self.normalizer = catalog.normalizer
    self.thresholds = thresholds
    let termCount = catalog.intents.reduce(0) { $0 + $1.terms.count + $1.negatives.count }
    var words: [String: Int] = [:]
    words.reserveCapacity(termCount * 2)  // about two words a term, most shared
    /// The number of `word`, given on first sight.
    func number(_ word: String) -> Int {
      if let known = words[word] { return known }
      words[word] = words.count
      return words.count - 1
    }
    /// One number per (intent, sign, display text): a term listed twice fires once.
    struct TermKey: Hashable {
      var intent: Int
      var negative: Bool
      var display: String
    }
    var keys: [TermKey: Int] = [:]
    keys.reserveCapacity(termCount)
    var requires: [[[[Int]]]] = []
    var postings: [Int: [Posting]] = [:]
    postings.reserveCapacity(termCount)
    for (index, spec) in catalog.intents.enumerated() {
      var groups: [[[Int]]] = []
      for group in spec.requires {
        var terms: [[Int]] = []
        for term in group { terms.append(term.split(separator: " ").map { number(String($0)) }) }
        groups.append(terms)
      }
      requires.append(groups)
      for (terms, negative) in [(spec.terms, false), (spec.negatives, true)] {
        for term in terms {
          var tokens: [Int] = []
          for token in term.tokens { tokens.append(number(token)) }
          let key = TermKey(intent: index, negative: negative, display: term.display)
          let keyNumber = keys[key] ?? keys.count
          keys[key] = keyNumber
          postings[tokens[0], default: []].append(
            Posting(
              intent: index, tokens: tokens, weight: term.weight, display: term.display,
              negative: negative, key: keyNumber))
        }
      }
      for command in spec.commands where commands[command] == nil { commands[command] = index }
    }
    let lexicon = catalog.lexicon
    for term in lexicon.foreign {
      var tokens: [Int] = []
      for token in term.tokens { tokens.append(number(token)) }
      if let first = tokens.first { foreignByFirst[first, default: []].append(foreign.count) }
      foreign.append(tokens)
    }
    for anchor in lexicon.anchors {
      var tokens: [Int] = []
      for token in anchor { tokens.append(number(token)) }
      anchors.append(tokens)
    }
    self.words = words
    self.requires = requires
    self.postings = postings
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
    let numbers = text.tokens.map { words[$0.text] ?? -1 }
    let ranking = rank(numbers, optionsStart: text.optionsStart)
    if !commands.isEmpty, let index = commands[text.text] {
      return Classification(
        intent: catalog.intents[index].id, confidence: 1, abstained: false, reason: .command,
        ranking: ranking, normalized: text)
    }
    return decide(ranking, numbers: numbers, text: text)
  }

  /// Classifies `text` as if `excluded` had matched nothing: what a line asks besides a why.
  public func classify(_ text: NormalizedText, excluding excluded: IntentID) -> Classification {
    let numbers = text.tokens.map { words[$0.text] ?? -1 }
    let ranking = rank(numbers, optionsStart: text.optionsStart).filter { $0.intent != excluded }
    return decide(ranking, numbers: numbers, text: text)
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
      !anchors.contains(where: { Self.contains(numbers, $0) })
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
      guard let candidates = foreignByFirst[number] else { continue }
      for index in candidates where index < (found ?? Int.max) {
        if Self.contains(numbers, foreign[index]) { found = index }
      }
    }
    return found
  }

  /// Scores every intent; returns those with a positive score, best first. Terms that start in
  /// a board-review stem's lettered options (from `optionsStart`) weigh
  /// `thresholds.optionWeight` of their weight: the stem says what is asked.
  private func rank(_ numbers: [Int], optionsStart: Int? = nil) -> [Classification.Candidate] {
    var fired: [Int: [Classification.Fired]] = [:]
    var seen: [Int] = []
    for start in numbers.indices {
      guard let list = postings[numbers[start]] else { continue }
      for posting in list where Self.matches(numbers, at: start, posting.tokens) {
        guard !seen.contains(posting.key) else { continue }
        seen.append(posting.key)
        let inOptions = optionsStart.map { start >= $0 } ?? false
        let weight = inOptions ? posting.weight * thresholds.optionWeight : posting.weight
        fired[posting.intent, default: []].append(
          .init(term: posting.display, weight: weight, negative: posting.negative))
      }
    }
    var candidates: [Classification.Candidate] = []
    candidates.reserveCapacity(fired.count)
    for (index, terms) in fired {
      let met = requires[index].allSatisfy { group in group.contains { Self.contains(numbers, $0) } }
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
