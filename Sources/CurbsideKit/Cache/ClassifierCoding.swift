/// Writes and reads the classifier's derived tables for the start-up cache.
///
/// Every stored field is listed here and in `CacheSchema`.
enum ClassifierCoding {
  static func encode(_ tables: ClassifierTables, into w: inout BinaryWriter) {
    // The words in number order: reading them back numbers them again.
    var words = [String](repeating: "", count: tables.words.count)
    for (word, number) in tables.words { words[number] = word }
    w.strings(words)
    w.list(tables.postings) { w, list in
      w.list(list) { w, posting in
        w.int(posting.intent)
        w.list(posting.tokens) { w, token in w.int(token) }
        w.double(posting.weight)
        w.string(posting.display)
        w.bool(posting.negative)
        w.int(posting.key)
      }
    }
    w.list(tables.commands.sorted { $0.key < $1.key }) { w, command in
      w.string(command.key)
      w.int(command.value)
    }
    w.list(tables.requires) { w, groups in w.list(groups) { w, group in w.list(group, ints) } }
    w.list(tables.foreign, ints)
    w.list(tables.foreignByFirst, ints)
    w.list(tables.anchors, ints)
  }

  /// The tables stored in `r`, checked against a catalog of `intentCount` intents.
  static func decode(_ r: inout BinaryReader, intentCount: Int) throws(BinaryReader.Corrupt)
    -> ClassifierTables
  {
    let list = try r.strings()
    var words: [String: Int] = [:]
    words.reserveCapacity(list.count)
    for (number, word) in list.enumerated() { words[word] = number }
    guard words.count == list.count else { throw BinaryReader.Corrupt() }
    let postings = try r.list { r throws(BinaryReader.Corrupt) in
      try r.list { r throws(BinaryReader.Corrupt) in
        ClassifierTables.Posting(
          intent: try r.int(), tokens: try ints(&r), weight: try r.double(), display: try r.string(),
          negative: try r.bool(), key: try r.int())
      }
    }
    var commands: [String: Int] = [:]
    for (command, intent) in try r.list({ r throws(BinaryReader.Corrupt) in (try r.string(), try r.int()) }) {
      commands[command] = intent
    }
    let requires = try r.list { r throws(BinaryReader.Corrupt) in
      try r.list { r throws(BinaryReader.Corrupt) in
        try r.list { r throws(BinaryReader.Corrupt) in try ints(&r) }
      }
    }
    let tables = ClassifierTables(
      words: words, postings: postings, commands: commands, requires: requires,
      foreign: try r.list { r throws(BinaryReader.Corrupt) in try ints(&r) },
      foreignByFirst: try r.list { r throws(BinaryReader.Corrupt) in try ints(&r) },
      anchors: try r.list { r throws(BinaryReader.Corrupt) in try ints(&r) })
    guard tables.isSound(intentCount: intentCount) else { throw BinaryReader.Corrupt() }
    return tables
  }

  private static func ints(_ w: inout BinaryWriter, _ values: [Int]) {
    w.list(values) { w, value in w.int(value) }
  }

  private static func ints(_ r: inout BinaryReader) throws(BinaryReader.Corrupt) -> [Int] {
    try r.list { r throws(BinaryReader.Corrupt) in try r.int() }
  }
}
