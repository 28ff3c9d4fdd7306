import Foundation

/// The pattern fragments and number readers the fact readers share, over folded lower-case text
/// ("≥" is ">=", "⁹" is "9", "µ" is "u", "×" is "x", "⁻" is "-").
extension FactExtractor {
  /// A "-" that is a sign, not a hyphen: "CD20-", "Ph- ALL". It must touch the word before it.
  static let minusSign = Pattern(#"-(?=[\s,;.)/]|$)"#)
  /// A hyphen joining a word to its polarity: "CD20-negative".
  static let joiner = Pattern(#"\s*-(?=\s*[a-z(])"#)

  /// A comparator before a number: the number is a bound, not a value.
  static let comparator =
    #"(?:<=|>=|<|>|~|at\s+least|at\s+most|less\s+than|more\s+than|greater\s+than|fewer\s+than|over|under|below|above|approximately|about|up\s+to)"#

  /// An MRD level: "0.01%", "10^-4", "10-4" (from "10⁻⁴"), "1 x 10^-4", "1e-4", "10(-4)".
  static let level =
    #"(?:\d+(?:[.,]\d+)?\s*(?:x|\*)\s*)?10\s*(?:\^|e|\*\*)?\s*\(?\s*-\s*\d{1,2}\s*\)?(?!\d|\.\d)|\d+(?:[.,]\d+)?\s*e\s*-\s*\d{1,2}\b|\d*[.,]?\d+\s*%"#

  /// A time point of a measurement: "after induction", "end of consolidation", "day 29".
  static let timepoint =
    #"\b(?:(?:(?:after|following)\s+|post[\s-]*|end[\s-]+of[\s-]+|completion\s+of\s+)(?:the\s+)?(?:first\s+|second\s+)?(?:induction|consolidation|re-?induction|(?:cycle|course|block)\s*\d|(?:\d|one|two|three|first|second)\s+(?:cycles?|courses?|blocks?)(?:\s+of\s+[a-z][\w-]*)?)\b|eoi\b|eoc\b|(?:before\s+|prior\s+to\s+|pre[\s-]*)(?:allo(?:geneic)?[\s-]*)?(?:transplant\w*|hsct|sct|hct|bmt)\b|(?:day|d)\s*\+?\s*\d{1,3}\b|(?:week|wk)\s*\d{1,2}\b|(?:month|mo)\s*\d{1,2}\b|\d{1,2}\s*months?\b|tp\s*\d\b)"#

  /// A number: "45", "4.5", "45,000".
  static func number(_ text: String?) -> Double? {
    guard let text else { return nil }
    return Double(text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: ""))
  }

  /// "positive" or "negative" from "+", "pos", "-neg", "undetectable", "not detected"...
  static func polarity(_ text: String?) -> String? {
    guard let raw = text?.trimmingCharacters(in: CharacterSet(charactersIn: " ()")), !raw.isEmpty
    else { return nil }
    let t = raw.replacingOccurrences(of: "  ", with: " ")
    if t.hasPrefix("undetect") || t.hasPrefix("not") || t.hasPrefix("no ") || t.contains("neg")
      || t == "-" || t.hasPrefix("absent") || t.hasPrefix("excluded") || t.hasPrefix("ruled")
      || t.hasPrefix("below") || t.hasPrefix("cleared") || t.hasPrefix("uninvolved")
      || t.hasPrefix("clear") || t.hasPrefix("free") || t.hasPrefix("without") || t == "normal"
      || t == "unremarkable"
    {
      return "negative"
    }
    return "positive"
  }

  /// An MRD level as a fraction: "0.01%" → 0.0001, "10-4" → 0.0001, "2 x 10^-3" → 0.002.
  static func mrdLevel(_ text: String?) -> Double? {
    guard var t = text?.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: "."),
      !t.isEmpty
    else { return nil }
    if t.hasSuffix("%") {
      guard let percent = Double(t.dropLast()), percent <= 100 else { return nil }
      return percent / 100
    }
    for noise in ["^", "(", ")", "**"] { t = t.replacingOccurrences(of: noise, with: "") }
    t = t.replacingOccurrences(of: "*", with: "x")
    var mantissa = 1.0
    if let x = t.firstIndex(of: "x") {
      mantissa = Double(t[..<x]) ?? 1
      t = String(t[t.index(after: x)...])
    }
    if let e = t.range(of: "e-") {
      let head = t[..<e.lowerBound]
      // "10e-4" is how physicians type 10^-4.
      if head != "10" { mantissa *= head.isEmpty ? 1 : (Double(head) ?? 1) }
      guard let exponent = Double(t[e.upperBound...]) else { return nil }
      return round(mantissa * pow10(-exponent))
    }
    if t.hasPrefix("10-"), let exponent = Double(t.dropFirst(3)) {
      return round(mantissa * pow10(-exponent))
    }
    return nil
  }

  static func pow10(_ exponent: Double) -> Double {
    var result = 1.0
    for _ in 0..<Int(abs(exponent)) { result *= 10 }
    return exponent < 0 ? 1 / result : result
  }

  /// Rounds away binary noise: 1.5e-4 stays 1.5e-4, not 1.4999999e-4.
  static func round(_ value: Double) -> Double {
    guard value != 0 else { return 0 }
    let digits = 12 - Int(log10(abs(value)).rounded(.down))
    let scale = pow(10, Double(digits))
    return (value * scale).rounded() / scale
  }

  /// A time point as Curbside writes it: "post-induction" → "after induction", "d29" → "day 29".
  static func timepointName(_ text: String) -> String {
    var t = text.replacingOccurrences(of: "-", with: " ")
    while t.contains("  ") { t = t.replacingOccurrences(of: "  ", with: " ") }
    t = t.trimmingCharacters(in: .whitespaces)
    for (from, to) in [
      ("eoi", "end of induction"), ("eoc", "end of consolidation"), ("following ", "after "),
      ("completion of ", "end of "), ("the ", ""), ("prior to ", "before "), ("+", ""),
    ] {
      t = t.replacingOccurrences(of: from, with: to)
    }
    if t.hasPrefix("post") { t = "after " + t.dropFirst(4).trimmingCharacters(in: .whitespaces) }
    if t.hasPrefix("pre") && !t.hasPrefix("pre ") { t = "before " + t.dropFirst(3) }
    if t.hasPrefix("pre ") { t = "before " + t.dropFirst(4) }
    if t.hasPrefix("before ") { t = "before transplant" }
    for (short, long) in [("d", "day "), ("wk", "week ")] where t.hasPrefix(short) {
      let rest = t.dropFirst(short.count).trimmingCharacters(in: .whitespaces)
      if let first = rest.first, first.isNumber { t = long + rest }
    }
    t = t.replacingOccurrences(of: "day  ", with: "day ").replacingOccurrences(of: "week  ", with: "week ")
    return t
  }

  /// Reads the words after an anchor with a set of piece patterns, in any order, until none
  /// fits: each hit is the index of the piece and its match.
  static func tail(
    _ line: Line, from start: Int, _ pieces: [Pattern], limit: Int = 10
  ) -> (end: Int, hits: [(Int, Pattern.Match)]) {
    var position = start
    var hits: [(Int, Pattern.Match)] = []
    outer: for _ in 0..<limit {
      for (index, piece) in pieces.enumerated() {
        if let match = piece.match(in: line, at: position), !match.range.isEmpty {
          hits.append((index, match))
          position = match.range.upperBound
          continue outer
        }
      }
      break
    }
    return (position, hits)
  }

  /// The end of the last hit that was not a filler: where a fact's span stops.
  static func end(of hits: [(Int, Pattern.Match)], fillers: Set<Int>, from start: Int) -> Int {
    hits.last { !fillers.contains($0.0) }?.1.range.upperBound ?? start
  }
}
