/// What the classifier derives from the catalog: every word of the terms, requirements and scope
/// cues numbered once, and the terms as postings under the number of their first word.
///
/// Derived data only, so the start-up cache stores it (`ClassifierCoding`) instead of deriving
/// it again at every start: numbering 1,500 terms cost a tenth of `curbside ask`.
struct ClassifierTables: Sendable {
  /// Where a term sits: which intent, which term, positive or negative.
  struct Posting: Sendable {
    var intent: Int
    var tokens: [Int]
    var weight: Double
    var display: String
    var negative: Bool
    /// The same number for postings of one intent, sign and display text (fired once a line).
    var key: Int
  }

  /// Word numbers of every word the classifier reads.
  var words: [String: Int] = [:]
  /// Postings by the number of their first word (one list per word, most of them empty).
  var postings: [[Posting]] = []
  /// Command lines ("help", "sources") and the intent each names.
  var commands: [String: Int] = [:]
  /// Per intent: groups, each a list of terms, each a word-number sequence.
  var requires: [[[[Int]]]] = []
  /// The lexicon's out-of-scope terms as word numbers, in lexicon order.
  var foreign: [[Int]] = []
  /// Per word number: the foreign terms that start with it.
  var foreignByFirst: [[Int]] = []
  var anchors: [[Int]] = []
}

extension ClassifierTables {
  /// Derives the tables (the memberwise initialiser rebuilds stored ones).
  init(catalog: IntentCatalog) {
    self.init()
    let termCount = catalog.intents.reduce(0) { $0 + $1.terms.count + $1.negatives.count }
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
    var byFirst: [Int: [Posting]] = [:]
    byFirst.reserveCapacity(termCount)
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
          byFirst[tokens[0], default: []].append(
            Posting(
              intent: index, tokens: tokens, weight: term.weight, display: term.display,
              negative: negative, key: keyNumber))
        }
      }
      for command in spec.commands where commands[command] == nil { commands[command] = index }
    }
    let lexicon = catalog.lexicon
    var foreignFirsts: [(word: Int, term: Int)] = []
    for term in lexicon.foreign {
      var tokens: [Int] = []
      for token in term.tokens { tokens.append(number(token)) }
      if let first = tokens.first { foreignFirsts.append((first, foreign.count)) }
      foreign.append(tokens)
    }
    for anchor in lexicon.anchors {
      var tokens: [Int] = []
      for token in anchor { tokens.append(number(token)) }
      anchors.append(tokens)
    }
    postings = (0..<words.count).map { byFirst[$0] ?? [] }
    foreignByFirst = Array(repeating: [], count: words.count)
    for (word, term) in foreignFirsts { foreignByFirst[word].append(term) }
  }

  /// True when every number points inside the tables and the catalog of `intentCount` intents:
  /// stored tables that fail this are not used.
  func isSound(intentCount: Int) -> Bool {
    let wordCount = words.count
    func inside(_ numbers: [Int], _ bound: Int) -> Bool { numbers.allSatisfy { $0 >= 0 && $0 < bound } }
    return postings.count == wordCount && foreignByFirst.count == wordCount
      && requires.count == intentCount
      && inside(Array(words.values), wordCount)
      && inside(Array(commands.values), intentCount)
      && postings.allSatisfy { list in
        list.allSatisfy { !$0.tokens.isEmpty && $0.intent >= 0 && $0.intent < intentCount }
      }
      && foreignByFirst.allSatisfy { inside($0, foreign.count) }
  }
}
