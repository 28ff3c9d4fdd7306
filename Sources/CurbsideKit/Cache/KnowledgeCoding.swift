/// Writes and reads a `KnowledgeBase` (header, references, topics) for the start-up cache.
enum KnowledgeCoding {
  static func encode(_ base: KnowledgeBase, into w: inout BinaryWriter) {
    for text in [
      base.version, base.reviewed, base.title, base.scope, base.outOfScope, base.disclaimer,
      base.notLoaded, base.privacy,
    ] {
      w.string(text)
    }
    w.list(base.references.keys.sorted()) { w, key in
      let reference = base.references[key]!
      w.string(key)
      w.string(reference.key)
      w.string(reference.short)
      w.string(reference.citation)
      w.string(reference.level.rawValue)
      w.int(reference.line)
    }
    w.strings(base.referenceOrder)
    w.list(base.topics.keys.sorted()) { w, intent in
      let topic = base.topics[intent]!
      w.string(intent.rawValue)
      w.string(topic.intent.rawValue)
      w.string(topic.title)
      w.list(topic.statements) { w, statement in encode(statement, into: &w) }
    }
    let distinctive = base.distinctive()
    w.list(distinctive.keys.sorted()) { w, id in
      w.string(id)
      w.strings(distinctive[id]!)
    }
  }

  static func decode(_ r: inout BinaryReader) throws(BinaryReader.Corrupt) -> KnowledgeBase {
    var header: [String] = []
    for _ in 0..<8 { header.append(try r.string()) }  // the eight header strings above
    var base = KnowledgeBase(
      version: header[0], reviewed: header[1], title: header[2], scope: header[3],
      outOfScope: header[4], disclaimer: header[5], notLoaded: header[6], privacy: header[7],
      references: [:], referenceOrder: [], topics: [:])
    let references = try r.list { r throws(BinaryReader.Corrupt) in
      let entry = try r.string()
      let key = try r.string()
      let short = try r.string()
      let citation = try r.string()
      guard let level = Reference.Level(rawValue: try r.string()) else { throw BinaryReader.Corrupt() }
      return (entry, Reference(key: key, short: short, citation: citation, level: level, line: try r.int()))
    }
    for (entry, reference) in references { base.references[entry] = reference }
    base.referenceOrder = try r.strings()
    let topics = try r.list { r throws(BinaryReader.Corrupt) in
      let entry = IntentID(try r.string())
      let intent = IntentID(try r.string())
      let title = try r.string()
      let statements = try r.list { r throws(BinaryReader.Corrupt) in try decodeStatement(&r) }
      return (entry, Topic(intent: intent, title: title, statements: statements))
    }
    for (entry, topic) in topics { base.topics[entry] = topic }
    let distinctive = try r.list { r throws(BinaryReader.Corrupt) in (try r.string(), try r.strings()) }
    base.distinctiveWords = Dictionary(distinctive, uniquingKeysWith: { first, _ in first })
    return base
  }

  static func encode(_ s: Statement, into w: inout BinaryWriter) {
    w.string(s.id)
    w.string(s.intent.rawValue)
    w.string(s.kind.rawValue)
    w.string(s.text)
    w.strings(s.refs)
    w.list(s.when) { w, condition in encode(condition, into: &w) }
    w.list(s.whenAny) { w, group in
      w.list(group) { w, condition in encode(condition, into: &w) }
    }
    w.string(s.status.rawValue)
    w.bool(s.detail)
    w.optionalString(s.corrects)
    w.optionalString(s.feature)
    w.string(s.file)
    w.int(s.line)
  }

  static func decodeStatement(_ r: inout BinaryReader) throws(BinaryReader.Corrupt) -> Statement {
    let id = try r.string()
    let intent = IntentID(try r.string())
    guard let kind = Statement.Kind(rawValue: try r.string()) else { throw BinaryReader.Corrupt() }
    let text = try r.string()
    let refs = try r.strings()
    let when = try r.list { r throws(BinaryReader.Corrupt) in try decodeCondition(&r) }
    let whenAny = try r.list { r throws(BinaryReader.Corrupt) in
      try r.list { r throws(BinaryReader.Corrupt) in try decodeCondition(&r) }
    }
    guard let status = Statement.Status(rawValue: try r.string()) else { throw BinaryReader.Corrupt() }
    return Statement(
      id: id, intent: intent, kind: kind, text: text, refs: refs, when: when, whenAny: whenAny,
      status: status,
      detail: try r.bool(), corrects: try r.optionalString(), feature: try r.optionalString(),
      file: try r.string(), line: try r.int())
  }

  static func encode(_ condition: Condition, into w: inout BinaryWriter) {
    w.string(condition.key.rawValue)
    switch condition.test {
    case .range(let range):
      w.int(0)
      w.optionalDouble(range.lower)
      w.bool(range.lowerInclusive)
      w.optionalDouble(range.upper)
      w.bool(range.upperInclusive)
    case .oneOf(let words):
      w.int(1)
      w.strings(words)
    }
  }

  /// A range to overwrite: parsing one (`NumberRange("0")`) costs more than the whole rest of
  /// a statement, so it is done once.
  private static let zero = NumberRange("0")!

  static func decodeCondition(_ r: inout BinaryReader) throws(BinaryReader.Corrupt) -> Condition {
    guard let key = FactKey(rawValue: try r.string()) else { throw BinaryReader.Corrupt() }
    switch try r.int() {
    case 0:
      var range = zero
      range.lower = try r.optionalDouble()
      range.lowerInclusive = try r.bool()
      range.upper = try r.optionalDouble()
      range.upperInclusive = try r.bool()
      return Condition(key: key, test: .range(range))
    case 1:
      return Condition(key: key, test: .oneOf(try r.strings()))
    default:
      throw BinaryReader.Corrupt()
    }
  }
}
