import Foundation

/// A compiled regular expression over folded text, with a cheap substring gate.
///
/// The expression runs on `PatternMatcher`, a backtracking engine over the line's UTF-16 units
/// with ICU's semantics for the syntax the fact extractor uses (PatternEngineTests holds it to
/// NSRegularExpression on every pattern).
final class Pattern: @unchecked Sendable {
  /// The expression, compiled on first use: a one-shot question that opens no gate compiles
  /// nothing.
  var program: PatternProgram {
    lock.lock()
    defer { lock.unlock() }
    if let compiled { return compiled }
    do {
      let made = try PatternProgram(source, caseInsensitive: true)
      compiled = made
      return made
    } catch {
      // The patterns are literals of this module; a bad one is a programming error caught by tests.
      fatalError("pattern \(source): \(error)")
    }
  }
  /// The expression as written.
  let source: String
  private var compiled: PatternProgram?
  private let lock = NSLock()
  private var exhausted = 0
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

  /// The order in which the pattern was made: its slot in `Line`'s gate memo.
  private(set) var number = 0

  /// The file that made the pattern.
  let file: StaticString

  init(_ pattern: String, gates: [String] = [], wholeWords: Bool = false, file: StaticString = #fileID) {
    source = pattern
    self.file = file
    self.gates = gates
    self.wholeWords = wholeWords
    gateStartsWord = gates.map { $0.hasPrefix("^") }
    gateUnits = gates.map { Array(($0.hasPrefix("^") ? String($0.dropFirst()) : $0).utf16) }
    gatePairs = gateUnits.map { units in
      guard units.count >= 2, Line.code(units[0]) != 63, Line.code(units[1]) != 63 else { return -1 }
      return Line.pair(units[0], units[1])
    }
    number = Self.registry.add(self)
  }

  /// Every pattern made so far, in the order made (the differential tests run them all).
  static var all: [Pattern] { registry.patterns }
  private static let registry = Registry()

  /// How many searches of this pattern gave up on the step budget (reported as no match).
  var exhaustedSearches: Int {
    lock.lock()
    defer { lock.unlock() }
    return exhausted
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

  /// True when one of the gates occurs in the line (or there are none). Readers ask this many
  /// times a line (once a search), so the line remembers the answer.
  func isOpen(_ line: Line) -> Bool {
    if gateUnits.isEmpty { return true }
    if let known = line.gateState(number) { return known }
    let open = scanGates(line)
    line.setGateState(number, open)
    return open
  }

  private func scanGates(_ line: Line) -> Bool {
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
    return allMatches(in: line, 0..<line.count)
  }

  /// True when the pattern matches somewhere in `range` of the line.
  func occurs(in line: Line, _ range: Range<Int>) -> Bool {
    guard !range.isEmpty, isOpen(line) else { return false }
    return search(program, line, Self.clamped(range, line)) { matcher, start in matcher.find(from: start) }
  }

  /// The match starting exactly at `offset`, if any.
  func match(in line: Line, at offset: Int) -> Match? {
    guard offset <= line.count, isOpen(line) else { return nil }
    return firstMatch(in: line, offset..<line.count, anchored: true)
  }

  /// The match ending exactly at `offset` that starts earliest within `window` units before it.
  /// The pattern should end with `$`: the search range ends at `offset`.
  func match(in line: Line, endingAt offset: Int, window: Int = 60) -> Match? {
    guard isOpen(line) else { return nil }
    return firstMatch(in: line, max(0, offset - window)..<offset, anchored: false)
  }

  // MARK: Searching, without the gates

  /// Every match within `range`, which is all the matcher sees of the line (as with an
  /// NSRegularExpression search range).
  func allMatches(in line: Line, _ range: Range<Int>) -> [Match] {
    let (program, range) = (program, Self.clamped(range, line))
    var found: [[Int]] = []
    _ = search(program, line, range) { matcher, _ in
      found = matcher.findAll()
      return true
    }
    return found.map { Self.match($0, program.captureCount, line) }
  }

  /// The leftmost match within `range`, or the match at its start when `anchored`.
  func firstMatch(in line: Line, _ range: Range<Int>, anchored: Bool) -> Match? {
    let (program, range) = (program, Self.clamped(range, line))
    var slots: [Int]?
    _ = search(program, line, range) { matcher, start in
      guard matcher.find(from: start, anchored: anchored) else { return false }
      slots = matcher.slots
      return true
    }
    return slots.map { Self.match($0, program.captureCount, line) }
  }

  /// Runs `body` with a matcher over `range` of the line and counts a search that ran out of
  /// steps.
  private func search(
    _ program: PatternProgram, _ line: Line, _ range: Range<Int>, _ body: (inout PatternMatcher, Int) -> Bool
  ) -> Bool {
    line.units.withUnsafeBufferPointer { units in
      var matcher = PatternMatcher(program, units, in: range)
      let result = body(&matcher, range.lowerBound)
      if matcher.exhausted {
        lock.lock()
        exhausted += 1
        lock.unlock()
      }
      return result
    }
  }

  private static func clamped(_ range: Range<Int>, _ line: Line) -> Range<Int> {
    let lower = min(max(0, range.lowerBound), line.count)
    return lower..<min(max(lower, range.upperBound), line.count)
  }

  private static func match(_ slots: [Int], _ captureCount: Int, _ line: Line) -> Match {
    var groups: [String?] = []
    var ranges: [Range<Int>?] = []
    for group in 1..<(captureCount + 1) {
      let (start, end) = (slots[2 * group], slots[2 * group + 1])
      let range = start >= 0 && end >= start ? start..<end : nil
      ranges.append(range)
      groups.append(range.map(line.substring))
    }
    let range = slots[0]..<slots[1]
    return Match(range: range, text: line.substring(range), groups: groups, groupRanges: ranges)
  }

  /// The patterns made so far, behind a lock: patterns are made lazily, from any thread.
  private final class Registry: @unchecked Sendable {
    private var made: [Pattern] = []
    private let lock = NSLock()

    /// Adds `pattern`, returning its number.
    func add(_ pattern: Pattern) -> Int {
      lock.lock()
      defer { lock.unlock() }
      made.append(pattern)
      return made.count - 1
    }

    var patterns: [Pattern] {
      lock.lock()
      defer { lock.unlock() }
      return made
    }
  }
}
