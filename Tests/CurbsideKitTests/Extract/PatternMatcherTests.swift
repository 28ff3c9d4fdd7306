import Foundation
import Testing

@testable import CurbsideKit

/// The engine's semantics on small patterns. Each expectation is what ICU gives, and is also
/// checked against NSRegularExpression so that a wrong expectation cannot pass.
@Suite struct PatternMatcherTests {
  typealias Ranges = ReferencePattern.Ranges

  /// Every match of `source` in `text` (case-insensitive, as `Pattern` compiles) is `expected`.
  func expectMatches(
    _ source: String, _ text: String, _ expected: [Ranges], caseInsensitive: Bool = true,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let line = Line(text)
    let program = try PatternProgram(source, caseInsensitive: caseInsensitive)
    let found = EngineRun.matches(program, line, 0..<line.count)
    let icu = try ReferencePattern(source, caseInsensitive: caseInsensitive).matches(line, 0..<line.count)
    #expect(found == expected, "\(source) in \(text.debugDescription)", sourceLocation: sourceLocation)
    #expect(icu == expected, "ICU: \(source) in \(text.debugDescription)", sourceLocation: sourceLocation)
  }

  @Test func greedyTakesMostAndLazyTakesLeast() throws {
    try expectMatches("a+", "aaa", [[0..<3]])
    try expectMatches("a+?", "aaa", [[0..<1], [1..<2], [2..<3]])
    try expectMatches("(a+?)(a*)", "aaa", [[0..<3, 0..<1, 1..<3]])
    try expectMatches("a{1,3}?b", "aaab", [[0..<4]])
    try expectMatches("(?:\\s*\\w+){0,3}?\\s*end", "one two end", [[0..<11]])
    try expectMatches("x??y", "xy", [[0..<2]])
  }

  @Test func countedRepetitionsHonourTheirBounds() throws {
    try expectMatches("a{2,3}", "aaaaa", [[0..<3], [3..<5]])
    try expectMatches("a{2}", "aaaaa", [[0..<2], [2..<4]])
    try expectMatches("\\d{3,}", "12 1234", [[3..<7]])
    try expectMatches("(?:ab){1,2}?c", "ababc", [[0..<5]])
    try expectMatches("(?:ab){2}", "ab abab", [[3..<7]])
  }

  @Test func alternativesAreTriedInOrder() throws {
    try expectMatches("a|ab", "ab", [[0..<1]])
    try expectMatches("ab|a", "ab", [[0..<2]])
    try expectMatches("(?:no|not)\\b", "not", [[0..<3]])
    try expectMatches("\\b(?:ps|performance\\s+status)\\b", "performance status 1", [[0..<18]])
  }

  @Test func groupsReportTheirLastIterationAndNilWhenUnused() throws {
    try expectMatches("((a)(b(c)))", "abc", [[0..<3, 0..<3, 0..<1, 1..<3, 2..<3]])
    try expectMatches("(a)|b", "b", [[0..<1, nil]])
    try expectMatches("(?:(a)|b)+", "ab", [[0..<2, 0..<1]])
    try expectMatches("(a|b)+", "abba", [[0..<4, 3..<4]])
    try expectMatches("(\\d{1,3})?x", "x 12x", [[0..<1, nil], [2..<5, 2..<4]])
  }

  @Test func emptyIterationsEndALoopAsInICU() throws {
    try expectMatches("(a?)*b", "aab", [[0..<3, 2..<2]])
    try expectMatches("(a|b?)+c", "abc", [[0..<3, 2..<2]])
    try expectMatches("(a?){2,3}b", "ab", [[0..<2, 1..<1]])
  }

  @Test func emptyMatchesAdvanceOneCodePoint() throws {
    try expectMatches("a*", "baab", [[0..<0], [1..<3], [3..<3], [4..<4]])
    try expectMatches("(x)?", "a\u{1F600}", [[0..<0, nil], [1..<1, nil], [3..<3, nil]])
  }

  @Test func lookaroundLooksWithoutConsuming() throws {
    try expectMatches("(?<=a\\s)b", "a b b", [[2..<3]])
    try expectMatches("(?<!x)b", "xb b", [[3..<4]])
    try expectMatches("(?<![\\w.])\\d", "a1 2 .3", [[3..<4]])
    try expectMatches("(?<!low\\s)(?<!low-)\\bhypo", "low hypo low-hypo hypo", [[18..<22]])
    try expectMatches("a(?=b)", "ab ac", [[0..<1]])
    try expectMatches("a(?!b)", "ab ac", [[3..<4]])
    try expectMatches("(?=(a))a", "a", [[0..<1, 0..<1]])
    try expectMatches("(?!(a))b", "b", [[0..<1, nil]])
    try expectMatches(
      "(?:^|(?<=[,;]))\\s*(\\d)", "1, 2;3 4", [[0..<1, 0..<1], [2..<4, 3..<4], [5..<6, 5..<6]])
  }

  @Test func wordBoundariesAtTheEdgesAndAroundMarks() throws {
    try expectMatches("\\bcd\\b", "cd", [[0..<2]])
    try expectMatches("\\bcd\\b", "xcd cd-", [[4..<6]])
    try expectMatches("\\B", "ab", [[1..<1]])
    try expectMatches("\\b", "a\u{301}b", [[0..<0], [3..<3]])
    try expectMatches("x\\b", "x\u{AD}", [])
    try expectMatches("\\bb", "\u{E9}b b", [[3..<4]])
  }

  @Test func anchorsMatchAtTheEndsAndBeforeAFinalLineEnd() throws {
    try expectMatches("^\\s*(\\d+)", "  72, m", [[0..<4, 2..<4]])
    try expectMatches("^a", "ba", [])
    try expectMatches("a$", "a\n", [[0..<1]])
    try expectMatches("a$", "a\r\n", [[0..<1]])
    try expectMatches("a$", "a\n\n", [])
    try expectMatches("anti\\s*-?\\s*$", "not anti - ", [[4..<11]])
  }

  @Test func caseInsensitiveMatchingFoldsAsICUDoes() throws {
    try expectMatches("wbc", "WBC Wbc", [[0..<3], [4..<7]])
    try expectMatches("[a-z]+", "AbC", [[0..<3]])
    try expectMatches("k", "\u{212A}", [[0..<1]])
    try expectMatches("[^a-z]", "\u{17F}1", [[1..<2]])
    // A run of literals folds fully ("ss" is "ß"); a single letter only simply.
    try expectMatches("ss", "\u{DF}", [[0..<1]])
    try expectMatches("s(?:)s", "\u{DF}", [])
    try expectMatches("first", "\u{FB01}rst", [[0..<4]])
    try expectMatches("as", "a\u{DF}", [])
    try expectMatches("(?i:mr)\\s+[A-Z][a-z]+", "MR Smith mr smith", [[0..<8]], caseInsensitive: false)
    try expectMatches("a(?i)b|c", "aB C", [[0..<2], [3..<4]], caseInsensitive: false)
  }

  @Test func classesFollowUnicodeProperties() throws {
    try expectMatches("\\s+", "a\u{A0}\u{3000}b", [[1..<3]])
    try expectMatches("\\w+", "caf\u{E9}_1", [[0..<6]])
    try expectMatches("\\d", "\u{663}x", [[0..<1]])
    try expectMatches(".", "\u{1F600}a\n", [[0..<2], [2..<3]])
    try expectMatches("[^a]", "\u{1F600}a", [[0..<2]])
    try expectMatches("[\\s,;.)/-]+", "a ,;./-)b", [[1..<8]])
  }

  @Test func theSearchedRangeIsAllTheMatcherSees() throws {
    let line = Line("ab cd")
    let lookbehind = try PatternProgram("(?<=a)b", caseInsensitive: true)
    #expect(EngineRun.first(lookbehind, line, 1..<5) == nil)
    let boundary = try PatternProgram("\\bb", caseInsensitive: true)
    #expect(EngineRun.first(boundary, line, 1..<5) == [1..<2])
    let caret = try PatternProgram("^b", caseInsensitive: true)
    #expect(EngineRun.first(caret, line, 1..<5) == [1..<2])
    let dollar = try PatternProgram("a$", caseInsensitive: true)
    #expect(EngineRun.first(dollar, line, 0..<1) == [0..<1])
    let anchored = try PatternProgram("c", caseInsensitive: true)
    #expect(EngineRun.first(anchored, line, 0..<5, anchored: true) == nil)
    #expect(EngineRun.first(anchored, line, 3..<5, anchored: true) == [3..<4])
  }

  @Test func catastrophicBacktrackingRunsOutOfStepsAndReportsNoMatch() throws {
    let pattern = Pattern(#"(a+)+b"#)
    let line = Line(String(repeating: "a", count: 10_000))
    let clock = ContinuousClock()
    let start = clock.now
    #expect(pattern.matches(in: line).isEmpty)
    #expect(clock.now - start < .seconds(2))
    #expect(pattern.exhaustedSearches == 1)
    // A match further on is not found either: the search stops at the first blow-up.
    let later = Line(String(repeating: "a", count: 40) + "x ab")
    #expect(pattern.matches(in: later).isEmpty)
    #expect(pattern.exhaustedSearches == 2)
    #expect(Pattern(#"a+b"#).matches(in: later).map(\.range) == [42..<44])
  }

  @Test func aTenMegabyteLineNeitherRecursesNorHangs() {
    let line = Line(String(repeating: "ab ", count: 3_500_000))
    let clock = ContinuousClock()
    let start = clock.now
    #expect(Pattern(#"\bzz\b"#).matches(in: line).isEmpty)
    #expect(Pattern(#"(?:\s*(?:ab|cd))*\s*zz"#).match(in: line, at: 0) == nil)
    #expect(Pattern(#"ab$"#).match(in: line, endingAt: 8) != nil)
    #expect(clock.now - start < .seconds(20))
  }

  @Test(arguments: [
    #"(a)\1"#, "a++", "a*+", #"\p{L}"#, "(?>a)", "[[a]]", "[a&&b]", "(?<name>a)", #"\A"#, #"\z"#, "(?x)a",
    "(?<=a+)b", #"\Qa\E"#, "(?#c)", "é",
  ])
  func unsupportedSyntaxFailsToCompile(_ source: String) {
    #expect(throws: PatternError.self) { try PatternProgram(source, caseInsensitive: true) }
  }

  @Test(arguments: ["(a", "a)", "[a", "a{2,1}", "*a", #"a\"#, "a**"])
  func malformedPatternsFailToCompile(_ source: String) {
    #expect(throws: PatternError.self) { try PatternProgram(source, caseInsensitive: true) }
  }
}
