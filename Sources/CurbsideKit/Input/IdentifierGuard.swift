import Foundation

/// Spots lines that look like patient identifiers, which must never reach the history file.
public enum IdentifierGuard {
  /// What kind of identifier a line seems to hold.
  public enum Finding: String, Sendable {
    case dateOfBirth = "a date of birth"
    case recordNumber = "a medical record number"
    case phoneNumber = "a phone number"
    case name = "a name"
  }

  private static let patterns: [(Pattern, Finding)] = [
    (Pattern(#"\b(?:dob|d\.o\.b|date\s+of\s+birth|born\s+(?:on|in)?)\b|\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b"#), .dateOfBirth),
    (Pattern(#"\b(?:mrn|medical\s+record|record\s+(?:no|number)|hospital\s+(?:no|number)|nhs\s+(?:no|number)|ssn)\b|\b\d{7,}\b"#), .recordNumber),
    (Pattern(#"(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"#), .phoneNumber),
    (Pattern(#"\b(?:name\s*(?:is|:)|(?:mr|mrs|ms|miss|dr)\.?\s+[a-z]{2,})"#), .name),
  ]

  /// The first kind of identifier found in `line`, or nil.
  public static func check(_ line: String) -> Finding? {
    let text = line.lowercased()
    for (pattern, finding) in patterns where !pattern.matches(in: text).isEmpty { return finding }
    return nil
  }
}
