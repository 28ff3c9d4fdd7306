import CurbsideTestSupport
import Foundation
import Testing

@testable import CurbsideKit

/// The pattern engine against its oracle, NSRegularExpression (ICU): every pattern the module
/// defines, over every evaluation question, case text and transcript line, and over mutations
/// of them from a fixed seed, must give the same matches with the same group ranges.
@Suite struct PatternEngineTests {
  @Test(arguments: PatternCorpus.patterns.indices)
  func everyPatternMatchesAsNSRegularExpressionDoes(_ index: Int) throws {
    let pattern = PatternCorpus.patterns[index]
    let reference = try ReferencePattern(pattern.source, caseInsensitive: true)
    var mismatches: [String] = []
    for (number, shared) in PatternCorpus.lines.enumerated() {
      // Tests run in parallel over the same lines; a line remembers its gates, so copy it.
      let line = Line(copying: shared)
      Self.compareSearches(pattern, reference, line, deep: number % PatternCorpus.deepEvery == 0) {
        mismatches.append($0)
      }
      if mismatches.count >= 5 { break }
    }
    #expect(mismatches.isEmpty, "\(pattern.source)\n\(mismatches.joined(separator: "\n"))")
    #expect(pattern.exhaustedSearches == 0)
  }

  /// `matches(in:)` on every line (its gate decides whether the engine runs); on the deep
  /// lines also the search without the gate, `match(in:at:)` at every place a word or a run of
  /// punctuation or space starts, and `match(in:endingAt:)` where one ends.
  static func compareSearches(
    _ pattern: Pattern, _ reference: ReferencePattern, _ line: Line, deep: Bool, _ report: (String) -> Void
  ) {
    let whole = 0..<line.count
    let gated = pattern.matches(in: line)
    let open = pattern.isOpen(line)
    if open || deep {
      let expected = reference.matches(line, whole)
      if gated.map(ReferencePattern.ranges) != (open ? expected : []) {
        report(
          "matches in \(line.text.debugDescription): \(gated.map(ReferencePattern.ranges)) vs \(expected)")
      }
      if deep, !open, pattern.allMatches(in: line, whole).map(ReferencePattern.ranges) != expected {
        report("ungated matches in \(line.text.debugDescription)")
      }
    }
    for match in gated
    where match.text != line.substring(match.range) || match.groups != reference.groups(match, line) {
      report("texts of \(match.range) in \(line.text.debugDescription)")
    }
    guard deep else { return }
    for (offset, edge) in PatternCorpus.edges(line).enumerated() {
      let at = pattern.firstMatch(in: line, edge..<line.count, anchored: true).map(ReferencePattern.ranges)
      let atExpected = reference.first(line, edge..<line.count, anchored: true)
      if at != atExpected {
        report("at \(edge) in \(line.text.debugDescription): \(at as Any) vs \(atExpected as Any)")
      }
      let window = [8, 24, 60][offset % 3]
      let before = max(0, edge - window)..<edge
      let ending = pattern.firstMatch(in: line, before, anchored: false).map(ReferencePattern.ranges)
      let endingExpected = reference.first(line, before, anchored: false)
      if ending != endingExpected {
        report(
          "ending at \(edge) in \(line.text.debugDescription): \(ending as Any) vs \(endingExpected as Any)")
      }
    }
  }

  /// The identifier guard's patterns (case-sensitive, with `(?i:...)` inside), read from its
  /// source so they cannot drift.
  @Test func theIdentifierGuardPatternsMatchAsNSRegularExpressionDoes() throws {
    let sources = try PatternCorpus.identifierGuardPatterns()
    #expect(sources.count == 4)
    for source in sources {
      let program = try PatternProgram(source, caseInsensitive: false)
      let reference = try ReferencePattern(source, caseInsensitive: false)
      var mismatches: [String] = []
      for shared in PatternCorpus.lines + PatternCorpus.identifierLines where mismatches.count < 5 {
        let line = Line(copying: shared)
        let found = EngineRun.matches(program, line, 0..<line.count)
        let expected = reference.matches(line, 0..<line.count)
        if found != expected { mismatches.append("\(line.text.debugDescription): \(found) vs \(expected)") }
      }
      #expect(mismatches.isEmpty, "\(source)\n\(mismatches.joined(separator: "\n"))")
    }
  }

  /// Every `Pattern(` written in the fact extractor is among the patterns tested: running the
  /// extractor over the corpus makes them all.
  @Test func theTestedPatternsAreAllThePatternsTheExtractorWrites() throws {
    let folder = Fixtures.root.appendingPathComponent("Sources/CurbsideKit/Extract")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasPrefix("FactExtractor") && $0.hasSuffix(".swift")
    }
    let written = try files.reduce(0) { count, file in
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      return count + text.components(separatedBy: "Pattern(").count - 1
    }
    #expect(written > 100)
    #expect(PatternCorpus.patterns.count == written)
  }

  @Test func theCorpusIsLargeAndMutated() {
    #expect(PatternCorpus.lines.count > 10_000)
    #expect(PatternCorpus.lines.contains { $0.text.unicodeScalars.contains { $0.value > 0xFFFF } })
    #expect(PatternCorpus.lines.contains { $0.text.contains("\u{DF}") })
  }
}

/// NSRegularExpression used the way `Pattern` used it before it had its own engine.
struct ReferencePattern {
  let regex: NSRegularExpression

  init(_ source: String, caseInsensitive: Bool) throws {
    regex = try NSRegularExpression(pattern: source, options: caseInsensitive ? [.caseInsensitive] : [])
  }

  /// A match as its range followed by its group ranges.
  typealias Ranges = [Range<Int>?]

  static func ranges(_ match: Pattern.Match) -> Ranges { [match.range] + match.groupRanges }

  func matches(_ line: Line, _ range: Range<Int>) -> [Ranges] {
    regex.matches(in: line.text, range: NSRange(location: range.lowerBound, length: range.count)).map(
      Self.ranges)
  }

  func first(_ line: Line, _ range: Range<Int>, anchored: Bool) -> Ranges? {
    let searched = NSRange(location: range.lowerBound, length: range.count)
    return regex.firstMatch(in: line.text, options: anchored ? [.anchored] : [], range: searched).map(
      Self.ranges)
  }

  func groups(_ match: Pattern.Match, _ line: Line) -> [String?] {
    match.groupRanges.map { $0.map(line.substring) }
  }

  static func ranges(_ result: NSTextCheckingResult) -> Ranges {
    (0..<result.numberOfRanges).map { index in
      let range = result.range(at: index)
      return range.location == NSNotFound ? nil : range.location..<(range.location + range.length)
    }
  }
}

/// The engine run directly on a program, for patterns that are not `Pattern`s.
enum EngineRun {
  static func matches(_ program: PatternProgram, _ line: Line, _ range: Range<Int>) -> [ReferencePattern
    .Ranges]
  {
    line.units.withUnsafeBufferPointer { units in
      var matcher = PatternMatcher(program, units, in: range)
      return matcher.findAll().map { ranges($0, program) }
    }
  }

  static func first(_ program: PatternProgram, _ line: Line, _ range: Range<Int>, anchored: Bool = false)
    -> ReferencePattern.Ranges?
  {
    line.units.withUnsafeBufferPointer { units in
      var matcher = PatternMatcher(program, units, in: range)
      return matcher.find(from: range.lowerBound, anchored: anchored) ? ranges(matcher.slots, program) : nil
    }
  }

  /// The match and group ranges in `slots` (loop counters follow the groups).
  static func ranges(_ slots: [Int], _ program: PatternProgram) -> ReferencePattern.Ranges {
    (0...program.captureCount).map { group in
      let (start, end) = (slots[2 * group], slots[2 * group + 1])
      return start >= 0 && end >= start ? start..<end : nil
    }
  }
}

/// The lines the engine is compared on, and the patterns compared.
enum PatternCorpus {
  /// Every how many lines the anchored and ending-at searches are compared too.
  static let deepEvery = 80

  /// Each text as the extractor sees it (folded, lower-case), raw lower-case (Unicode kept),
  /// and as written (capitals exercise case-insensitive matching), then the mutations.
  /// Shared by tests running in parallel: each copies a line before searching it (a line
  /// remembers which patterns' gates it opens).
  nonisolated(unsafe) static let lines: [Line] = {
    var seen = Set<String>()
    var lines: [Line] = []
    func add(_ text: String) {
      if seen.insert(text).inserted { lines.append(Line(text)) }
    }
    for text in texts {
      add(Normalizer.foldAndTokenize(text).0.lowercased())
      add(text.lowercased())
      add(text)
    }
    var generator = SeededGenerator(seed: 0x5EED_CAFE)
    let originals = lines.map(\.text)
    for _ in 0..<mutationCount { add(mutation(of: originals, &generator)) }
    return lines
  }()

  static let mutationCount = 1_500

  /// The module's patterns, all made by running the extractor over the corpus, in source order.
  static let patterns: [Pattern] = {
    let extractor = FactExtractor()
    for line in lines { _ = extractor.extract(line.text, turn: 0) }
    return Pattern.all.filter { "\($0.file)".hasPrefix("CurbsideKit/") }.sorted { $0.source < $1.source }
  }()

  static let texts: [String] = {
    let evaluation = Fixtures.root.appendingPathComponent("Tests/Evaluation")
    var texts: [String] = []
    for file in files(evaluation, "tsv") {
      for line in lines(of: file) where !line.hasPrefix("#") {
        let columns = line.components(separatedBy: "\t")
        if columns.count > 1 { texts.append(columns[1]) }
      }
    }
    for file in files(evaluation, "jsonl") {
      for line in lines(of: file) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        else { continue }
        texts += ["text", "question"].compactMap { object[$0] as? String }
      }
    }
    for file in files(Fixtures.transcripts, "txt") {
      texts += lines(of: file).map { $0.hasPrefix(">>> ") ? String($0.dropFirst(4)) : $0 }
    }
    return texts.filter { !$0.isEmpty }
  }()

  private static func files(_ folder: URL, _ suffix: String) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix("." + suffix) }.sorted().map { folder.appendingPathComponent($0) }
  }

  private static func lines(of file: URL) -> [String] {
    ((try? String(contentsOf: file, encoding: .utf8)) ?? "").components(separatedBy: "\n")
  }

  /// What mutations insert: the punctuation the patterns read, and the Unicode ICU treats
  /// specially (full case folds, the Kelvin sign and long s, combining marks, format
  /// characters, Unicode spaces and line ends, digits and letters beyond the BMP).
  static let insertions: [String] = [
    " ", " ", "-", ",", ".", ";", ":", "(", ")", "/", "+", "%", "^", "<", ">", "=", "~", "*", "'", "0",
    "1", "4", "9", "10", "x", "e", "a", "s", "k", "f", "A", "K", "S", "\u{DF}", "\u{1E9E}", "\u{FB01}",
    "\u{FB06}", "\u{212A}", "\u{17F}", "\u{130}", "\u{B5}", "\u{E9}", "\u{301}", "\u{AD}", "\u{200D}",
    "\u{A0}", "\u{3000}", "\u{2028}", "\n", "\r\n", "\u{85}", "\u{1F600}", "\u{1D7D8}", "\u{663}",
    "\u{FF3F}", "_", "\u{2265}", "\u{2212}",
  ]

  /// A line changed by one to four edits: insertions, deletions, duplicated or moved spans, a
  /// span in capitals, and splices of two lines.
  static func mutation(of texts: [String], _ generator: inout SeededGenerator) -> String {
    var units = Array(texts.randomElement(using: &generator)!.unicodeScalars)
    for _ in 0..<Int.random(in: 1...4, using: &generator) {
      let at = Int.random(in: 0...units.count, using: &generator)
      let end = min(units.count, at + Int.random(in: 0...12, using: &generator))
      switch Int.random(in: 0..<6, using: &generator) {
      case 0, 1: units.insert(contentsOf: insertions.randomElement(using: &generator)!.unicodeScalars, at: at)
      case 2: units.removeSubrange(at..<end)
      case 3:
        units.insert(contentsOf: units[at..<end], at: Int.random(in: 0...units.count, using: &generator))
      case 4:
        units.replaceSubrange(
          at..<end, with: String(String.UnicodeScalarView(units[at..<end])).uppercased().unicodeScalars)
      default:
        let other = Array(texts.randomElement(using: &generator)!.unicodeScalars)
        units = Array(units[..<at]) + other[(other.count / 2)...]
      }
    }
    return String(String.UnicodeScalarView(units))
  }

  /// Where a word or a run of punctuation or space starts or ends: where `Pattern.match(in:at:)`
  /// and `match(in:endingAt:)` are called, and more.
  static func edges(_ line: Line) -> [Int] {
    func kind(_ unit: UInt16) -> Int { Line.isWordUnit(unit) ? 0 : unit == 0x20 ? 1 : 2 }
    return (0...line.count).filter {
      $0 == 0 || $0 == line.count || kind(line.units[$0 - 1]) != kind(line.units[$0])
    }
  }

  /// Lines for the identifier guard: names, dates, record and phone numbers.
  nonisolated(unsafe) static let identifierLines: [Line] = [
    "Patient name is John Smith, DOB 12/03/1961", "Dr Smith says MRN 1234567", "call +1 (555) 123-4567",
    "Mrs. Jones, born on 1950-02-03", "ssn 123-45-6789", "MS patients", "mr Brown", "D.O.B. 01.02.2003",
    "WBC 45,000 and 10^-4 and 1234567.", "name: X", "Ms Ünal", "Dr \u{212A}elvin", "hospital number 42",
  ].map(Line.init)

  /// The identifier guard's pattern literals, from its source.
  static func identifierGuardPatterns() throws -> [String] {
    let file = Fixtures.root.appendingPathComponent("Sources/CurbsideKit/Input/IdentifierGuard.swift")
    let source = try String(contentsOf: file, encoding: .utf8)
    let literal = try NSRegularExpression(
      pattern: ##"regex\(\s*#"(.*?)"#\s*\)"##, options: [.dotMatchesLineSeparators])
    let text = source as NSString
    return literal.matches(in: source, range: NSRange(location: 0, length: text.length)).map {
      text.substring(with: $0.range(at: 1))
    }
  }
}
