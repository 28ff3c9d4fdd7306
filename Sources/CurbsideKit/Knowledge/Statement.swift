/// One referenced knowledge statement: the unit every answer sentence comes from.
///
/// A value with its fields in one shared, copy-on-write box: answering a question copies
/// statements between lists many times, and a copy is then one reference count instead of one
/// per field.
@dynamicMemberLookup
public struct Statement: Sendable, Hashable {
  public enum Kind: String, Sendable, CaseIterable {
    case recommendation, evidence, caution
  }

  /// How far the statement could be verified; anything but `verified` is labelled when shown.
  public enum Status: String, Sendable, CaseIterable {
    case verified, secondary, conference, unverified

    public var label: String? {
      switch self {
      case .verified: return nil
      case .secondary: return "secondary report"
      case .conference: return "conference data, not peer-reviewed"
      case .unverified: return "UNVERIFIED"
      }
    }
  }

  /// The statement's fields, read and written as if they were the statement's own.
  public struct Fields: Sendable, Hashable {
    public var id: String
    public var intent: IntentID
    public var kind: Kind
    public var text: String
    public var refs: [String]
    public var when: [Condition]
    /// Alternatives: at least one group must hold as well ("age ≥ 60, or unfit").
    public var whenAny: [[Condition]]
    public var status: Status
    public var detail: Bool
    /// The source article's error that this statement corrects, if any.
    public var corrects: String?
    /// For `risk.high`: the patient fact this feature concerns.
    public var feature: String?
    /// Where it is declared, for diagnostics.
    public var file: String
    public var line: Int
  }

  private final class Box: @unchecked Sendable {
    // Written only through `Statement`'s setter, and only while uniquely referenced.
    var fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var box: Box

  /// Every field, as stored.
  public var fields: Fields { box.fields }

  public init(
    id: String, intent: IntentID, kind: Kind, text: String, refs: [String], when: [Condition],
    whenAny: [[Condition]] = [], status: Status, detail: Bool, corrects: String?, feature: String?,
    file: String, line: Int
  ) {
    box = Box(
      Fields(
        id: id, intent: intent, kind: kind, text: text, refs: refs, when: when, whenAny: whenAny,
        status: status, detail: detail, corrects: corrects, feature: feature, file: file, line: line))
  }

  public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
    get { box.fields[keyPath: field] }
    set {
      if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
      box.fields[keyPath: field] = newValue
    }
  }

  public static func == (a: Statement, b: Statement) -> Bool { a.box === b.box || a.fields == b.fields }

  public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }
}

/// The statements that answer one clinical intent.
public struct Topic: Sendable {
  public var intent: IntentID
  public var title: String
  public var statements: [Statement]
}
