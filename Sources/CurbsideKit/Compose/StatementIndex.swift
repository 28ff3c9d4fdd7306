import Foundation

/// The distinctive words of each statement in its topic, so that a question naming one
/// ("PAX5alt prognosis?", "rituximab schedule in hyper-CVAD", "CNS relapse 50% to 17%?") is
/// answered with that statement even when it is a detail held back for `more`.
///
/// A word is distinctive when it is rare in the whole knowledge (a trial, a marker, a regimen:
/// at most `maximumGlobalSpread` statements), occurs in at most `maximumSpread` statements of
/// the topic, and is not a common word. The index is built on first use.
final class StatementIndex: @unchecked Sendable {
  /// A word in more statements of the topic than this names the topic, not a statement.
  static let maximumSpread = 2
  /// A word in more statements of the knowledge than this is a general word ("dose", "flow",
  /// "frontline"), which would bring details forward by chance; names are rarer.
  static let maximumGlobalSpread = 4
  /// At most this many held-back statements are brought forward for one question, so that a
  /// question with many words cannot empty `more`.
  static let maximumPromoted = 2
  /// A matching bare number ("50", "17") counts half a word: numbers are shared by chance more
  /// often than names are, so two of them, or one with a word, are needed.
  static let numberWeight = 0.5

  private let lock = NSLock()
  /// For each topic, each distinctive word with the statements it names; the topic's own words
  /// (title and intent terms) are left out.
  private var postings: [IntentID: [String: [String]]] = [:]
  /// The globally rare words of each statement, from the knowledge (or computed once).
  private var distinctive: [String: [String]]?
  private let knowledge: KnowledgeBase

  init(knowledge: KnowledgeBase) { self.knowledge = knowledge }

  /// The ids of the held-back statements of `topic` that `question` names, best first. Words
  /// in `topicWords` (the words that found the topic) name the topic, not a statement.
  func named(
    in question: String, topicWords: () -> Set<String>, topic: Topic, among heldBack: [Statement]
  ) -> Set<String> {
    guard !heldBack.isEmpty else { return [] }
    let index = postings(topic, topicWords)
    var scores: [String: Double] = [:]
    var counted: [String] = []
    Self.forEachWord(in: question) { word in
      guard let ids = index[word], !counted.contains(word) else { return }
      counted.append(word)
      for id in ids where heldBack.contains(where: { $0.id == id }) {
        scores[id, default: 0] += Self.isNumber(word) ? Self.numberWeight : 1
      }
    }
    let best = scores.filter { $0.value >= 1 }.sorted {
      $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
    }
    return Set(best.prefix(Self.maximumPromoted).map(\.key))
  }

  /// The postings of `topic`, built once.
  private func postings(_ topic: Topic, _ naming: () -> Set<String>) -> [String: [String]] {
    lock.lock()
    defer { lock.unlock() }
    if let built = postings[topic.intent] { return built }
    let own = naming().union(Self.words(of: topic.title))
    let rare = distinctive ?? knowledge.distinctive()
    distinctive = rare
    // A globally rare word is in the rare list of every statement that has it, so its spread
    // in the topic can be counted from those lists.
    let each = topic.statements.map { ($0.id, rare[$0.id] ?? []) }
    var spread: [String: Int] = [:]
    for (_, words) in each { for word in words { spread[word, default: 0] += 1 } }
    var built: [String: [String]] = [:]
    for (id, words) in each {
      for word in words where !own.contains(word) && spread[word]! <= Self.maximumSpread {
        built[word, default: []].append(id)
      }
    }
    postings[topic.intent] = built
    return built
  }

  /// For each statement id, its words in at most `maximumGlobalSpread` statements of
  /// `statements`, sorted.
  static func distinctiveWords(of statements: [Statement]) -> [String: [String]] {
    let each = statements.map { ($0.id, words(of: $0)) }
    let global = spread(of: each.map(\.1))
    var result: [String: [String]] = [:]
    for (id, words) in each {
      result[id] = words.filter { global[$0]! <= maximumGlobalSpread }.sorted()
    }
    return result
  }

  /// The words of a statement: its text and the correction it carries.
  static func words(of statement: Statement) -> Set<String> {
    words(of: statement.text + " " + (statement.corrects ?? ""))
  }

  /// In how many of the sets each word occurs.
  static func spread(of sets: [Set<String>]) -> [String: Int] {
    var spread: [String: Int] = [:]
    for set in sets { for word in set { spread[word, default: 0] += 1 } }
    return spread
  }

  /// Lowercased ASCII words and numbers of `text`, without common words: four letters or
  /// more, or two or more characters with a digit ("e1910", "17").
  static func words(of text: String) -> Set<String> {
    var result: Set<String> = []
    forEachWord(in: text) { result.insert($0) }
    return result
  }

  /// Calls `body` with each word of `words(of:)`, in order, repeats included.
  static func forEachWord(in text: String, _ body: (String) -> Void) {
    var current: [UInt8] = []
    current.reserveCapacity(32)
    func flush() {
      defer { current.removeAll(keepingCapacity: true) }
      let hasDigit = current.contains { $0 >= 0x30 && $0 <= 0x39 }
      guard current.count >= 4 || (hasDigit && current.count >= 2) else { return }
      let word = String(decoding: current, as: UTF8.self)
      if !common.contains(word) { body(word) }
    }
    for byte in text.utf8 {
      switch byte {
      case 0x30...0x39, 0x61...0x7A: current.append(byte)
      case 0x41...0x5A: current.append(byte + 0x20)
      default: flush()
      }
    }
    flush()
  }

  static func isNumber(_ word: String) -> Bool { word.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

  /// Words of questions and statements that name no particular statement.
  static let common: Set<String> = [
    "what", "which", "when", "where", "does", "should", "would", "could", "about", "with", "from",
    "that", "this", "these", "those", "than", "then", "there", "their", "they", "have", "been", "were",
    "into", "over", "under", "only", "also", "more", "most", "less", "after", "before", "during",
    "patient", "patients", "adult", "adults", "child", "children", "year", "years", "old", "month",
    "months", "give", "given", "used", "good", "best", "role",
  ]
}
