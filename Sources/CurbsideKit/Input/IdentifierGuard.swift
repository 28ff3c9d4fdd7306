/// Spots lines that look like patient identifiers, which must never reach the history file.
///
/// Tuned to flag names with titles, dates of birth, record numbers and phone numbers, and never
/// the numbers of clinical shorthand: "WBC 45,000", "MRD 10^-4", "t(9;22)", "72 yo", "day 29",
/// "hyper-CVAD course 1", "CD20 45%", "MS patients" (see the unit tests for the full list).
public enum IdentifierGuard {
  /// What kind of identifier a line seems to hold.
  public enum Finding: String, Sendable {
    case dateOfBirth = "a date of birth"
    case recordNumber = "a medical record number"
    case phoneNumber = "a phone number"
    case name = "a name"
  }

  /// Patterns in the order they are tried; the first that matches names the finding.
  private static let patterns: [(PatternProgram, Finding)] = [
    // A date of birth, or any full calendar date (dd/mm/yyyy, yyyy-mm-dd).
    (
      regex(
        #"(?i)\b(?:dob|d\.o\.b\.?|date\s+of\s+birth|born\s+(?:on|in)\b)|\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}\b|\b(?:19|20)\d{2}-\d{1,2}-\d{1,2}\b"#
      ), .dateOfBirth
    ),
    // A record number by name, a US social security number, or a run of 7 or more digits
    // (no count or dose in this field is written that way: 45,000 and 1.2e6 are not).
    (
      regex(
        #"(?i)\b(?:mrn|medical\s+record|record\s+(?:no|number)|hospital\s+(?:no|number)|nhs\s+(?:no|number)|ssn|patient\s+id)\b|\b\d{3}-\d{2}-\d{4}\b|(?<![\d.,^-])\d{7,}\b"#
      ), .recordNumber
    ),
    // A phone number: optional country code, then 3-3-4 digits with separators.
    (regex(#"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b"#), .phoneNumber),
    // "name is", "name:", or a title before a capitalised word ("Dr Smith", not "MS patients").
    (regex(#"(?i:\bname\s*(?:is\b|:))|\b(?i:mr|mrs|ms|miss|dr)\.?\s+[A-Z][a-z]+"#), .name),
  ]

  /// The first kind of identifier found in `line`, or nil.
  public static func check(_ line: String) -> Finding? {
    Array(line.utf16).withUnsafeBufferPointer { units in
      patterns.first { program, _ in
        var matcher = PatternMatcher(program, units, in: 0..<units.count)
        return matcher.find(from: 0)
      }?.1
    }
  }

  private static func regex(_ pattern: String) -> PatternProgram {
    do {
      return try PatternProgram(pattern, caseInsensitive: false)
    } catch {
      // The patterns are literals of this file; a bad one is a programming error caught by tests.
      fatalError("identifier pattern \(pattern): \(error)")
    }
  }
}
