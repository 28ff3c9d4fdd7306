/// A set of code points a pattern may match in one step: `[a-z\s/-]`, `\w`, `.`'s complement.
///
/// Membership of ASCII is one bit test, decided when the class is built (case closure and
/// negation included); other code points are decided from their Unicode properties, as ICU does.
struct PatternClass: Sendable, Equatable {
  /// The members below 0x80, as bits: `low` holds 0x00-0x3F, `high` 0x40-0x7F.
  private(set) var low: UInt64 = 0
  private(set) var high: UInt64 = 0
  /// Literal members from 0x80 up, before negation.
  private var ranges: [ClosedRange<UInt32>] = []
  /// Property classes among the members (`\w`, `\S`...), before negation.
  private var escapes: [PatternClassEscape] = []
  /// True for `[^...]`: the non-ASCII members are the complement of `ranges` and `escapes`.
  private var negated = false

  /// An empty class: add members, then call `finish`.
  init() {}

  /// The class of one escape outside brackets: `\w`, `\D`...
  init(_ escape: PatternClassEscape) {
    add(escape)
    finish(negated: false, caseInsensitive: false)
  }

  /// Adds the code points `range`.
  mutating func add(_ range: ClosedRange<UInt32>) {
    for ascii in range.lowerBound..<min(range.upperBound + 1, 0x80) { setBit(ascii) }
    if range.upperBound >= 0x80 { ranges.append(max(0x80, range.lowerBound)...range.upperBound) }
  }

  mutating func add(_ escape: PatternClassEscape) {
    for ascii in UInt32(0)..<0x80 where escape.contains(ascii) { setBit(ascii) }
    escapes.append(escape)
  }

  /// Closes the class over case when `caseInsensitive` (ICU closes before it negates), then
  /// negates it for `[^...]`.
  mutating func finish(negated: Bool, caseInsensitive: Bool) {
    if caseInsensitive {
      for letter in UInt32(0x61)...0x7A where contains(letter) || contains(letter - 0x20) {
        setBit(letter)
        setBit(letter - 0x20)
      }
      // The two non-ASCII code points whose simple case folding is an ASCII letter.
      for (letter, partner) in [(UInt32(0x6B), UInt32(0x212A)), (0x73, 0x17F)] where contains(letter) {
        ranges.append(partner...partner)
      }
    }
    if negated {
      low = ~low
      high = ~high
      self.negated = true
    }
  }

  /// True when `value` (a code point, or a lone surrogate) is a member.
  @inline(__always)
  func contains(_ value: UInt32) -> Bool {
    if value < 0x40 { return low & (1 << UInt64(value)) != 0 }
    if value < 0x80 { return high & (1 << UInt64(value - 0x40)) != 0 }
    let member = ranges.contains { $0.contains(value) } || escapes.contains { $0.contains(value) }
    return member != negated
  }

  /// True when a member may be outside ASCII (for the first-unit filter).
  var reachesBeyondASCII: Bool { negated || !ranges.isEmpty || !escapes.isEmpty }

  private mutating func setBit(_ value: UInt32) {
    if value < 0x40 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 0x40) }
  }
}

/// A property class written as an escape: `\w`, `\d`, `\s` and their complements.
enum PatternClassEscape: Sendable, Equatable {
  case word, digit, space
  case notWord, notDigit, notSpace

  func contains(_ value: UInt32) -> Bool {
    switch self {
    case .word: return UnicodeClass.isWord(value)
    case .digit: return UnicodeClass.isDigit(value)
    case .space: return UnicodeClass.isSpace(value)
    case .notWord: return !UnicodeClass.isWord(value)
    case .notDigit: return !UnicodeClass.isDigit(value)
    case .notSpace: return !UnicodeClass.isSpace(value)
    }
  }
}

/// ICU's definitions of the property classes, with an ASCII fast path.
///
/// Non-ASCII code points are looked up in the Swift runtime's Unicode tables, which may be a
/// newer Unicode version than Foundation's ICU: the two differ only on newly assigned characters.
enum UnicodeClass {
  /// `\w`: `[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u200c\u200d]`.
  static func isWord(_ value: UInt32) -> Bool {
    if value < 0x80 {
      return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
        || (value >= 0x30 && value <= 0x39) || value == 0x5F
    }
    if value == 0x200C || value == 0x200D { return true }
    guard let scalar = Unicode.Scalar(value) else { return false }
    if scalar.properties.isAlphabetic { return true }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
    default: return false
    }
  }

  /// `\d`: `\p{Nd}`.
  static func isDigit(_ value: UInt32) -> Bool {
    if value < 0x80 { return value >= 0x30 && value <= 0x39 }
    return Unicode.Scalar(value)?.properties.generalCategory == .decimalNumber
  }

  /// `\s`: `\p{White_Space}`.
  static func isSpace(_ value: UInt32) -> Bool {
    if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
    return Unicode.Scalar(value)?.properties.isWhitespace ?? false
  }

  /// What `.` does not match and what `$` may stand before: LF, VT, FF, CR, NEL, LS, PS.
  static func isLineTerminator(_ value: UInt32) -> Bool {
    (value >= 0x0A && value <= 0x0D) || value == 0x85 || value == 0x2028 || value == 0x2029
  }

  /// True for combining marks and format characters, which `\b` looks through (ICU).
  static func isBoundaryTransparent(_ value: UInt32) -> Bool {
    guard value >= 0x80, let scalar = Unicode.Scalar(value) else { return false }
    return scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .format
  }
}
