/// Synthetic growth for `bench --scale N`: the engine with every intent, term, synonym and
/// statement cloned N-1 times under renamed tokens, to show how per-question cost grows with
/// the size of the data (the answers to the real questions are those of the original data,
/// except where a misspelling now has a clone as its unique nearest word).
public enum Scaling {
  /// The engine grown `factor` times (1 returns it unchanged).
  public static func scaled(_ engine: Engine, by factor: Int) -> Engine {
    guard factor > 1 else { return engine }
    var lexicon = engine.catalog.lexicon
    var intents = engine.catalog.intents
    var knowledge = engine.knowledge
    for copy in 1..<factor {
      let rename = renamer(copy)
      for rules in engine.catalog.lexicon.rules.values {
        for rule in rules {
          lexicon.addRule(variant: rule.variant.map(rename), canonical: rule.canonical.map(rename))
        }
      }
      lexicon.vocabulary.formUnion(engine.catalog.lexicon.vocabulary.map(rename))
      for spec in engine.catalog.intents {
        var clone = spec
        clone.id = IntentID("\(spec.id.rawValue).clone\(copy)")
        clone.terms = spec.terms.map { term in
          IntentSpec.Term(tokens: term.tokens.map(rename), weight: term.weight, display: term.display)
        }
        clone.negatives = spec.negatives.map { term in
          IntentSpec.Term(tokens: term.tokens.map(rename), weight: term.weight, display: term.display)
        }
        clone.requires = spec.requires.map { group in
          group.map { $0.split(separator: " ").map { rename(String($0)) }.joined(separator: " ") }
        }
        clone.commands = spec.commands.map {
          $0.split(separator: " ").map { rename(String($0)) }.joined(separator: " ")
        }
        intents.append(clone)
      }
      for (intent, topic) in engine.knowledge.topics {
        let id = IntentID("\(intent.rawValue).clone\(copy)")
        var clone = topic
        clone.intent = id
        clone.statements = topic.statements.map { statement in
          var copied = statement
          copied.id = "\(statement.id).clone\(copy)"
          copied.intent = id
          return copied
        }
        knowledge.topics[id] = clone
      }
    }
    lexicon.finishVocabulary()
    let catalog = IntentCatalog(lexicon: lexicon, intents: intents.sorted { $0.id < $1.id })
    return Engine(catalog: catalog, knowledge: knowledge)
  }

  /// Renames a token for clone `copy`: "induction" becomes "inductionqb" for copy 1. Letters,
  /// not digits, so the clones take part in typo correction like real words.
  static func renamer(_ copy: Int) -> (String) -> String {
    var suffix = "q"
    var number = copy
    repeat {
      suffix.append(Character(Unicode.Scalar(UInt8(0x61 + number % 26))))
      number /= 26
    } while number > 0
    return { $0 + suffix }
  }

  /// The sizes that grow, for the report: intents, statements, vocabulary, typo index keys.
  public static func sizes(_ engine: Engine) -> String {
    let statements = engine.knowledge.topics.values.reduce(0) { $0 + $1.statements.count }
    let lexicon = engine.catalog.lexicon
    return "intents \(engine.catalog.intents.count), statements \(statements), "
      + "vocabulary \(lexicon.vocabulary.count), typo keys \(lexicon.typoIndex.keys.count)"
  }
}
