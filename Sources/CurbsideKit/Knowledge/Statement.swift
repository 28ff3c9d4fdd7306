/// One referenced knowledge statement: the unit every answer sentence comes from.
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

  public var id: String
  public var intent: IntentID
  public var kind: Kind
  public var text: String
  public var refs: [String]
  public var when: [Condition]
  /// Alternatives: at least one group must hold as well ("age ≥ 60, or unfit").
  public var whenAny: [[Condition]] = []
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

/// The statements that answer one clinical intent.
public struct Topic: Sendable {
  public var intent: IntentID
  public var title: String
  public var statements: [Statement]
}
