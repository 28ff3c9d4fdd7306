import Foundation

/// A compiled regular expression over folded text, with a cheap substring gate.
struct Pattern: @unchecked Sendable {
  let regex: NSRegularExpression
  /// Substrings one of which must occur before the regex is tried; empty means always try.
  let gates: [String]

  init(_ pattern: String, gates: [String] = []) {
    // The patterns are literals of this module; a bad one is a programming error caught by tests.
    regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    self.gates = gates
  }

  /// A match: its range and its capture groups (nil when a group did not take part).
  struct Match {
    var range: Range<Int>
    var text: String
    var groups: [String?]
  }

  func matches(in text: String) -> [Match] {
    if !gates.isEmpty, !gates.contains(where: { text.contains($0) }) { return [] }
    let ns = text as NSString
    return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { result in
      let groups = (1..<max(1, result.numberOfRanges)).map { index -> String? in
        let range = result.range(at: index)
        return range.location == NSNotFound ? nil : ns.substring(with: range)
      }
      let range = result.range
      return Match(
        range: range.location..<(range.location + range.length),
        text: ns.substring(with: range), groups: groups)
    }
  }
}
