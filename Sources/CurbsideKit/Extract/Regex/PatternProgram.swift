/// A compiled pattern: the instructions `PatternMatcher` runs, their tables, and what lets a
/// search skip start positions.
final class PatternProgram: Sendable {
  let instructions: [PatternInstruction]
  let classes: [PatternClass]
  /// Literal runs as UTF-16 units; under case folding ASCII letters are lower-case.
  let strings: [[UInt16]]
  let repeats: [PatternRepeat]
  let loops: [PatternLoop]
  let looks: [PatternLookInfo]
  let branches: [PatternBranch]
  /// The capture groups, numbered from 1.
  let captureCount: Int
  /// Slots 0 and 1 hold the match, 2n and 2n+1 group n; loop counters follow.
  let slotCount: Int
  /// The units a match can start with.
  let firstUnits: PatternFirstUnits
  /// Literals one of which every match contains, if any are worth looking for.
  let requirement: PatternRequirement?
  /// True when every match starts with `^`: only the start of the searched range can match.
  let anchoredAtStart: Bool

  /// Parses and compiles `source`; ICU's `.caseInsensitive` when `caseInsensitive`.
  convenience init(_ source: String, caseInsensitive: Bool) throws {
    var parser = PatternParser(source, caseInsensitive: caseInsensitive)
    let node = try parser.parse()
    self.init(node, captureCount: parser.captureCount)
  }

  init(_ node: PatternNode, captureCount: Int) {
    var compiler = PatternCompiler(slotCount: 2 * (captureCount + 1))
    compiler.emit(node)
    compiler.instructions.append(.succeed)
    instructions = compiler.instructions
    classes = compiler.classes
    strings = compiler.strings
    repeats = compiler.repeats
    loops = compiler.loops
    looks = compiler.looks
    branches = compiler.branches
    slotCount = compiler.slotCount
    self.captureCount = captureCount
    firstUnits = .of(node)
    anchoredAtStart = Self.startsWithCaret(node)
    requirement = PatternRequirement.of(node)
  }

  private static func startsWithCaret(_ node: PatternNode) -> Bool {
    switch node {
    case .assertion(.start): return true
    case .sequence(let nodes): return nodes.first.map(startsWithCaret) ?? false
    case .alternation(let nodes): return nodes.allSatisfy(startsWithCaret)
    case .group(let node, _): return startsWithCaret(node)
    default: return false
    }
  }
}

/// One step of a compiled pattern.
enum PatternInstruction: Sendable {
  /// One unit exactly (never a surrogate).
  case unit(UInt16)
  /// An ASCII letter (stored lower-case) in either case, or its non-ASCII simple case fold.
  case foldedUnit(UInt16)
  /// `strings[n]` exactly, or under full case folding.
  case string(Int)
  case foldedString(Int)
  /// One code point of `classes[n]`.
  case oneOf(Int)
  case any
  case assert(PatternAssertion)
  /// `branches[n]`: goes on at its first address; backtracking resumes at the second.
  case split(Int)
  case jump(Int)
  /// Sets a slot to the position.
  case save(Int)
  /// `repeats[n]`: one code point item repeated in place.
  case repeatOne(Int)
  /// `loops[n]`: a repeated group, as a counter around its body.
  case loopEnter(Int)
  case loopCheck(Int)
  case loopBody(Int)
  case loopNext(Int)
  /// `looks[n]`: a lookaround's start and the end of its body.
  case look(Int)
  case lookEnd(Int)
  case succeed
}

/// What a `repeatOne` repeats: anything that matches exactly one code point.
enum PatternItem: Sendable {
  case unit(UInt16)
  case foldedUnit(UInt16)
  case oneOf(Int)
  case any
}

/// How often a quantified item or group may match, and which way it tries first.
struct PatternBounds: Sendable {
  var min: Int
  /// `Int.max` for no bound.
  var max: Int
  var greedy: Bool
}

struct PatternRepeat: Sendable {
  var item: PatternItem
  var bounds: PatternBounds
  /// Where matching goes on after the repetition.
  var next: Int
}

/// A choice between two addresses, each skipped when what starts there cannot start at the
/// current unit.
struct PatternBranch: Sendable {
  var first: Int
  var second: Int
  var firstUnits: PatternFirstUnits
  var secondUnits: PatternFirstUnits
}

struct PatternLoop: Sendable {
  var bounds: PatternBounds
  /// The slots of the iteration count and of the position the current iteration began at.
  var countSlot: Int
  var positionSlot: Int
  var check: Int
  var body: Int
  var exit: Int
  /// The units an iteration can start with.
  var bodyUnits: PatternFirstUnits
}

struct PatternLookInfo: Sendable {
  var look: PatternLook
  var body: Int
  var next: Int
  /// The lengths in units a lookbehind's body can match, to place its trial starts.
  var minLength: Int
  var maxLength: Int
}
