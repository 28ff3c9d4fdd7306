import Foundation

/// A compiled regular expression over folded text, with a cheap substring gate.
struct Pattern: @unchecked Sendable {
  let regex: NSRegularExpression
  /// Substrings one of which must occur before the regex is tried; empty means always try.
  let gates: [String]
  /// The gates as UTF-16 units, for `Line.contains`.
  let gateUnits: [[UInt16]]

  init(_ pattern: String, gates: [String] = []) {
    // The patterns are literals of this module; a bad one is a programming error caught by tests.
    regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    self.gates = gates
    gateUnits = gates.map { Array($0.utf16) }
  }

  /// A match: its range and its capture groups (nil when a group did not take part).
  struct Match {
    var range: Range<Int>
    var text: String
    var groups: [String?]
    /// The ranges of the capture groups, nil when a group did not take part.
    var groupRanges: [Range<Int>?]

    /// The capture group `index` (0-based), or nil.
    func group(_ index: Int) -> String? { index < groups.count ? groups[index] : nil }
  }

  /// True when one of the gates occurs in the line (or there are none).
  func isOpen(_ line: Line) -> Bool {
    gateUnits.isEmpty || gateUnits.contains { line.contains($0) }
  }

  func matches(in text: String) -> [Match] { matches(in: Line(text)) }

  /// Every match in the line, left to right.
  func matches(in line: Line) -> [Match] {
    guard isOpen(line) else { return [] }
    return regex.matches(in: line.text, range: NSRange(location: 0, length: line.count)).map {
      Self.match($0, line)
    }
  }

  /// The match starting exactly at `offset`, if any.
  func match(in line: Line, at offset: Int) -> Match? {
    guard offset <= line.count else { return nil }
    let range = NSRange(location: offset, length: line.count - offset)
    return regex.firstMatch(in: line.text, options: [.anchored], range: range).map {
      Self.match($0, line)
    }
  }

  /// The match ending exactly at `offset` that starts earliest within `window` units before it.
  /// The pattern should end with `$`: the search range ends at `offset`.
  func match(in line: Line, endingAt offset: Int, window: Int = 60) -> Match? {
    let start = max(0, offset - window)
    let range = NSRange(location: start, length: offset - start)
    return regex.firstMatch(in: line.text, range: range).map { Self.match($0, line) }
  }

  private static func match(_ result: NSTextCheckingResult, _ line: Line) -> Match {
    var groups: [String?] = []
    var ranges: [Range<Int>?] = []
    for index in 1..<max(1, result.numberOfRanges) {
      let range = result.range(at: index)
      if range.location == NSNotFound {
        groups.append(nil)
        ranges.append(nil)
      } else {
        groups.append(line.ns.substring(with: range))
        ranges.append(range.location..<(range.location + range.length))
      }
    }
    let range = result.range
    return Match(
      range: range.location..<(range.location + range.length),
      text: line.ns.substring(with: range), groups: groups, groupRanges: ranges)
  }
}
