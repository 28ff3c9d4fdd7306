import Foundation

/// One folded line as the fact extractor reads it: the text, its UTF-16 units (the offsets a
/// fact's span uses), and the look-ups the patterns share: gates, sentences, clauses and words.
final class Line {
  let text: String
  let ns: NSString
  let units: [UInt16]
  /// True when the line holds a digit: every numeric pattern needs one.
  let hasDigit: Bool

  init(_ text: String) {
    self.text = text
    ns = text as NSString
    units = Array(text.utf16)
    hasDigit = units.contains { $0 >= 0x30 && $0 <= 0x39 }
  }

  var count: Int { units.count }

  /// The unit at `index`, or a space outside the line.
  subscript(index: Int) -> UInt16 { index >= 0 && index < units.count ? units[index] : 0x20 }

  func substring(_ range: Range<Int>) -> String {
    ns.substring(with: NSRange(location: range.lowerBound, length: range.count))
  }

  /// True when `needle` occurs in the line: a plain scan, cheaper than any regex.
  func contains(_ needle: [UInt16]) -> Bool {
    guard let first = needle.first, needle.count <= units.count else { return needle.isEmpty }
    var index = 0
    let last = units.count - needle.count
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
    let opening = substring(range).drop { $0 == " " || $0 == "-" || $0 == "," }
    return Self.questionOpeners.contains { opening.hasPrefix($0) }
  }

  static let questionOpeners = [
    "what ", "which ", "how ", "why ", "when ", "should ", "does ", "do ", "is ", "are ", "can ",
    "could ", "would ", "will ", "whats ", "whether ",
  ]

  /// True when the sentence holding `index` names a threshold or asks for a definition:
  /// its numbers are cut-offs, not this patient's values.
  func isAboutThresholds(at index: Int) -> Bool {
    let words = substring(sentence(around: index))
    return ["threshold", "cutoff", "cut-off", "cut off", "meaning", "definition", "defined as"]
      .contains { words.contains($0) }
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
