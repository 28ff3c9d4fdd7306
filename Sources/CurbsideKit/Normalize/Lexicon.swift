/// The shared vocabulary: synonyms rewritten to canonical tokens, the words typo correction may
/// reach, completion words, and the scope cues. Loaded from `Intents/lexicon.yaml`.
public struct Lexicon: Sendable {
  /// One rewrite: a token sequence and the canonical tokens that replace it.
  struct Rule: Sendable {
    var variant: [String]
    var canonical: [String]
  }

  /// A disease or topic outside B-ALL, with the name Curbside gives it when abstaining.
  public struct ForeignTerm: Sendable {
    public var tokens: [String]
    public var label: String
  }

  /// Rules indexed by their first token, longest variant first.
  var rules: [String: [Rule]] = [:]
  /// Words of the vocabulary, which typo correction may map to.
  var vocabulary: Set<String> = []
  /// Ordinary words that are never typo-corrected and never become corrections.
  var known: Set<String> = []
  /// Words offered by tab completion.
  public var completions: [String] = []
  public var foreign: [ForeignTerm] = []
  public var anchors: [[String]] = []
  /// Foreign terms that, in a line describing the patient, are a comorbidity, not the topic.
  public var comorbidities: [[String]] = []
  /// Words that make a short, unclassified line a follow-up on the last topic ("what dose?").
  public var followUpCues: Set<String> = []
  /// Phrases that open a what-if ("and if", "what about").
  public var whatIfCues: [[String]] = []
  /// Words that make a line a question even when no intent term fires ("Burkitt regimen").
  public var asks: Set<String> = []
  /// Plural words that make a line's facts describe a group, not this patient ("children").
  public var population: Set<String> = []
  /// Words that refer back to the last named drug or regimen ("it", "that regimen").
  public var references: Set<String> = []
  var typoIndex = TypoIndex(words: [])

  public init() {}

  mutating func addRule(variant: [String], canonical: [String]) {
    guard let first = variant.first, variant != canonical else { return }
    var list = rules[first, default: []]
    list.append(Rule(variant: variant, canonical: canonical))
    list.sort { ($0.variant.count, $0.variant.joined()) > ($1.variant.count, $1.variant.joined()) }
    rules[first] = list
  }

  /// Rebuilds the typo index once the vocabulary is complete.
  mutating func finishVocabulary() {
    typoIndex = TypoIndex(words: vocabulary.subtracting(known).sorted())
  }

  /// Rewrites synonyms to canonical tokens, longest match first, left to right.
  func rewrite(_ tokens: [Token]) -> [Token] {
    var output: [Token] = []
    output.reserveCapacity(tokens.count)
    var index = 0
    outer: while index < tokens.count {
      if let candidates = rules[tokens[index].text] {
        for rule in candidates where index + rule.variant.count <= tokens.count {
          var matches = true
          for offset in 1..<rule.variant.count
          where tokens[index + offset].text != rule.variant[offset] {
            matches = false
            break
          }
          guard matches else { continue }
          let last = tokens[index + rule.variant.count - 1]
          let span = tokens[index].span.lowerBound..<last.span.upperBound
          let original = tokens[index..<(index + rule.variant.count)]
            .map { $0.original ?? $0.text }.joined(separator: " ")
          for word in rule.canonical {
            output.append(Token(text: word, span: span, original: original))
          }
          index += rule.variant.count
          continue outer
        }
      }
      output.append(tokens[index])
      index += 1
    }
    return output
  }
}
