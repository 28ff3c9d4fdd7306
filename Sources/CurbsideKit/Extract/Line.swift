import Foundation

/// One folded line as the fact extractor reads it: the text, its UTF-16 units (the offsets a
/// fact's span uses), and the look-ups the patterns share: gates, sentences, clauses and words.
final class Line {
  let text: String
  let units: [UInt16]
  /// True when the line holds a digit: every numeric pattern needs one.
  let hasDigit: Bool

  /// Which pairs of adjacent units occur, as bits indexed by `Line.pair`: a gate whose first
  /// two units never occur together is closed without a scan.
  private let pairs: [UInt64]

  init(_ text: String) {
    self.text = text
    units = Array(text.utf16)
    var digit = false
    var pairs = [UInt64](repeating: 0, count: 64)
    var previous = Self.code(0x20)
    for unit in units {
      if unit >= 0x30 && unit <= 0x39 { digit = true }
      let code = Self.code(unit)
      let index = previous &* 64 &+ code
      pairs[index >> 6] |= 1 << UInt64(index & 63)
      previous = code
    }
    hasDigit = digit
    self.pairs = pairs
  }

  /// A 6-bit code for a unit: letters, digits and the punctuation the patterns use get their
  /// own codes; everything else shares 63.
  static func code(_ unit: UInt16) -> Int {
    switch unit {
    case 0x61...0x7A: return Int(unit - 0x61) + 1
    case 0x30...0x39: return Int(unit - 0x30) + 27
    case 0x20: return 37
    case 0x2D: return 38
    case 0x28: return 39
    case 0x29: return 40
    case 0x3B: return 41
    case 0x2F: return 42
    case 0x3A: return 43
    case 0x2B: return 44
    case 0x2C: return 45
    case 0x2E: return 46
    case 0x5E: return 47
    case 0x3C: return 48
    case 0x3E: return 49
    case 0x25: return 50
    case 0x3D: return 51
    default: return 63
    }
  }

  /// The pair index of two units, for `hasPair`.
  static func pair(_ a: UInt16, _ b: UInt16) -> Int { code(a) * 64 + code(b) }

  /// True when the pair with index `pair` may occur (exactly, unless a unit has code 63).
  func hasPair(_ pair: Int) -> Bool { pairs[pair >> 6] & (1 << UInt64(pair & 63)) != 0 }

  var count: Int { units.count }

  /// The same line with nothing remembered yet: a line remembers its gates, so threads that
  /// search one text at once each need their own.
  init(copying other: Line) {
    text = other.text
    units = other.units
    hasDigit = other.hasDigit
    pairs = other.pairs
  }

  /// Per pattern number: 0 not yet asked, 1 a gate is open, 2 every gate is closed.
  private var gateStates: [UInt8] = []

  func gateState(_ pattern: Int) -> Bool? {
    pattern < gateStates.count && gateStates[pattern] != 0 ? gateStates[pattern] == 1 : nil
  }

  func setGateState(_ pattern: Int, _ open: Bool) {
    if pattern >= gateStates.count {
      gateStates.append(contentsOf: repeatElement(0, count: pattern - gateStates.count + 1))
    }
    gateStates[pattern] = open ? 1 : 2
  }

  /// The unit at `index`, or a space outside the line.
  subscript(index: Int) -> UInt16 { index >= 0 && index < units.count ? units[index] : 0x20 }

  /// The text of `range` (units of a surrogate pair split by it read as U+FFFD).
  func substring(_ range: Range<Int>) -> String {
    String(decoding: units[range], as: UTF16.self)
  }

  /// True when `needle` occurs in the line: a plain scan, cheaper than any regex.
  func contains(_ needle: [UInt16]) -> Bool { contains(needle, in: 0..<units.count) }

  /// True when `needle` occurs within `range` of the line.
  func contains(_ needle: [UInt16], in range: Range<Int>) -> Bool {
    let range = max(0, range.lowerBound)..<min(units.count, range.upperBound)
    guard let first = needle.first, needle.count <= range.count else { return needle.isEmpty }
    var index = range.lowerBound
    let last = range.upperBound - needle.count
    while index <= last {
      if units[index] == first {
        var offset = 1
        while offset < needle.count, units[index + offset] == needle[offset] { offset += 1 }
        if offset == needle.count { return true }
      }
      index += 1
    }
    return false
  }

  func contains(_ needle: String) -> Bool { contains(Array(needle.utf16)) }

  /// True when `needle` occurs as a whole word: no letter or digit touches either end (only the
  /// start, when `prefix`).
  func containsWord(_ needle: [UInt16], prefix: Bool = false) -> Bool {
    guard let first = needle.first, needle.count <= units.count else { return false }
    var index = 0
    let last = units.count - needle.count
    while index <= last {
      if units[index] == first, !Self.isWordUnit(self[index - 1]) {
        var offset = 1
        while offset < needle.count, units[index + offset] == needle[offset] { offset += 1 }
        if offset == needle.count, prefix || !Self.isWordUnit(self[index + offset]) { return true }
      }
      index += 1
    }
    return false
  }

  static func isWordUnit(_ unit: UInt16) -> Bool { isLetter(unit) || isDigit(unit) }

  // MARK: Sentences and clauses

  /// True when the unit at `index` ends a sentence: "?", "!", or "." not inside a number.
  func endsSentence(_ index: Int) -> Bool {
    switch self[index] {
    case 0x3F, 0x21: return true
    case 0x2E: return !Self.isDigit(self[index + 1]) && self[index + 1] != 0x2E
    default: return false
    }
  }

  /// The sentence holding `index`.
  func sentence(around index: Int) -> Range<Int> {
    var start = min(index, count)
    while start > 0, !endsSentence(start - 1) { start -= 1 }
    var end = max(index, start)
    while end < count, !endsSentence(end) { end += 1 }
    return start..<min(count, end + 1)
  }

  /// True when the sentence holding `index` asks: it ends with "?" or opens with a question word.
  func isQuestion(at index: Int) -> Bool {
    let range = sentence(around: index)
    if range.upperBound > 0, self[range.upperBound - 1] == 0x3F { return true }
    var start = range.lowerBound
    while start < range.upperBound, units[start] == 0x20 || units[start] == 0x2D || units[start] == 0x2C {
      start += 1
    }
    return Self.questionOpeners.contains { opener in
      start + opener.count <= range.upperBound && units[start..<(start + opener.count)].elementsEqual(opener)
    }
  }

  static let questionOpeners: [[UInt16]] = [
    "what ", "which ", "how ", "why ", "when ", "should ", "does ", "do ", "is ", "are ", "can ",
    "could ", "would ", "will ", "whats ", "whether ",
  ].map { Array($0.utf16) }

  /// True when the sentence holding `index` names a threshold or asks for a definition:
  /// its numbers are cut-offs, not this patient's values.
  func isAboutThresholds(at index: Int) -> Bool {
    let sentence = sentence(around: index)
    return Self.cutOffWords.contains { contains($0, in: sentence) }
      || Self.definitionWords.contains { contains($0, in: sentence) }
  }

  static let cutOffWords = ["threshold", "cutoff", "cut-off", "cut off"].map { Array($0.utf16) }
  static let definitionWords = ["meaning", "definition", "defined as"].map { Array($0.utf16) }

  /// True when the value at `range` is a cut-off rather than this patient's value: the sentence
  /// defines something, or "threshold" or "cut-off" stands right next to the value.
  func isThreshold(_ value: Range<Int>) -> Bool {
    let range = min(value.lowerBound, count)..<min(value.upperBound, count)
    let sentence = sentence(around: range.lowerBound)
    if Self.definitionWords.contains(where: { contains($0, in: sentence) }) { return true }
    let before = max(clauseStart(before: range.lowerBound), range.lowerBound - 24)..<range.lowerBound
    let after = range.upperBound..<min(clauseEnd(after: range.upperBound), range.upperBound + 16)
    return Self.cutOffWords.contains { contains($0, in: before) || contains($0, in: after) }
  }

  /// The start of the clause holding `index`: after the last ";" outside parentheses, or the
  /// sentence start.
  func clauseStart(before index: Int) -> Int {
    var depth = 0
    var position = min(index, count)
    while position > 0 {
      let unit = self[position - 1]
      if endsSentence(position - 1) { break }
      if unit == 0x29 { depth += 1 }
      if unit == 0x28 { depth = max(0, depth - 1) }
      if unit == 0x3B, depth == 0 { break }
      position -= 1
    }
    return position
  }

  /// The end of the clause holding `index`.
  func clauseEnd(after index: Int) -> Int {
    var depth = 0
    var position = max(0, index)
    while position < count {
      let unit = self[position]
      if endsSentence(position) { break }
      if unit == 0x28 { depth += 1 }
      if unit == 0x29 { depth = max(0, depth - 1) }
      if unit == 0x3B, depth == 0 { break }
      position += 1
    }
    return position
  }

  /// The words of the line, split at spaces, commas and slashes, found on first use.
  lazy var words: [LineWord] = LineWord.split(self)

  static func isDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }
  static func isLetter(_ unit: UInt16) -> Bool { unit >= 0x61 && unit <= 0x7A }
}
