import Foundation

/// A compiled regular expression over folded text, with a cheap substring gate.
final class Pattern: @unchecked Sendable {
  /// The expression, compiled on first use: a one-shot question that opens no gate compiles
  /// nothing, and compiling all patterns up front was a third of `curbside ask`'s start-up.
  var regex: NSRegularExpression {
    lock.lock()
    defer { lock.unlock() }
    if let compiled { return compiled }
    // The patterns are literals of this module; a bad one is a programming error caught by tests.
    let made = try! NSRegularExpression(pattern: source, options: [.caseInsensitive])
    compiled = made
    return made
  }
  private let source: String
  private var compiled: NSRegularExpression?
  private let lock = NSLock()
  /// Substrings one of which must occur before the regex is tried; empty means always try.
  let gates: [String]
  /// The gates as UTF-16 units, for `Line.contains`.
  let gateUnits: [[UInt16]]
  /// The pair index of each gate's first two units, or -1 when the pair test is not exact.
  let gatePairs: [Int]
  /// True when a gate must occur as a whole word ("he", not the "he" of "the").
  let wholeWords: Bool

  /// For each gate, true when it must start a word: written with a leading "^" ("^cr").
  let gateStartsWord: [Bool]

  init(_ pattern: String, gates: [String] = [], wholeWords: Bool = false) {
    source = pattern
    self.gates = gates
    self.wholeWords = wholeWords
    gateStartsWord = gates.map { $0.hasPrefix("^") }
    gateUnits = gates.map { Array(($0.hasPrefix("^") ? String($0.dropFirst()) : $0).utf16) }
    gatePairs = gateUnits.map { units in
      guard units.count >= 2, Line.code(units[0]) != 63, Line.code(units[1]) != 63 else { return -1 }
      return Line.pair(units[0], units[1])
    }
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
    if gateUnits.isEmpty { return true }
    for index in gateUnits.indices {
      let pair = gatePairs[index]
      if pair >= 0, !line.hasPair(pair) { continue }
      let needle = gateUnits[index]
      if wholeWords {
        if line.containsWord(needle) { return true }
      } else if gateStartsWord[index] {
        if line.containsWord(needle, prefix: true) { return true }
      } else if (needle.count == 2 && pair >= 0) || line.contains(needle) {
        return true
      }
    }
    return false
  }

  /// Every match in the line, left to right.
  func matches(in line: Line) -> [Match] {
    guard isOpen(line) else { return [] }
    return regex.matches(in: line.text, range: NSRange(location: 0, length: line.count)).map {
      Self.match($0, line)
    }
  }

  /// True when the pattern matches somewhere in `range` of the line.
  func occurs(in line: Line, _ range: Range<Int>) -> Bool {
    guard !range.isEmpty, isOpen(line) else { return false }
    let searched = NSRange(location: range.lowerBound, length: range.count)
    return regex.firstMatch(in: line.text, range: searched) != nil
  }

  /// The match starting exactly at `offset`, if any.
  func match(in line: Line, at offset: Int) -> Match? {
    guard offset <= line.count, isOpen(line) else { return nil }
    let range = NSRange(location: offset, length: line.count - offset)
    return regex.firstMatch(in: line.text, options: [.anchored], range: range).map {
      Self.match($0, line)
    }
  }

  /// The match ending exactly at `offset` that starts earliest within `window` units before it.
  /// The pattern should end with `$`: the search range ends at `offset`.
  func match(in line: Line, endingAt offset: Int, window: Int = 60) -> Match? {
    guard isOpen(line) else { return nil }
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
