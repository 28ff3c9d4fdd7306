/// One node of a parsed pattern: what `PatternParser` reads and `PatternCompiler` compiles.
indirect enum PatternNode: Sendable, Equatable {
  /// Matches the empty string: `()`, an empty alternative.
  case empty
  /// Literal code points in a row; `folded` under case-insensitive matching. ICU matches a run
  /// of two or more with full case folding ("ss" matches "ß") and a single one with simple
  /// folding, so the parser merges runs the way ICU does.
  case literal([UInt32], folded: Bool)
  /// One code point of a class.
  case oneOf(PatternClass)
  /// `.`: one code point that does not end a line.
  case any
  case assertion(PatternAssertion)
  /// A group; `capture` is its 1-based number, nil for `(?:...)`.
  case group(PatternNode, capture: Int?)
  case look(PatternNode, PatternLook)
  case sequence([PatternNode])
  case alternation([PatternNode])
  /// `max` nil for no upper bound.
  case repetition(PatternNode, min: Int, max: Int?, greedy: Bool)
}

/// A zero-width test of the position.
enum PatternAssertion: Sendable, Equatable {
  /// `^`, `$`, `\b`, `\B`.
  case start, end, wordBoundary, notWordBoundary
}

/// A lookaround: which way it looks and whether its body must match or must not.
struct PatternLook: Sendable, Equatable {
  var behind: Bool
  var negative: Bool
}

extension PatternNode {
  /// True when the node matches exactly one code point (the matcher repeats those in place).
  var isSingleCodePoint: Bool {
    switch self {
    case .literal(let points, _): return points.count == 1
    case .oneOf, .any: return true
    default: return false
    }
  }

  /// The fewest and most UTF-16 units a match can span (nil: unbounded), for lookbehind.
  var unitLengths: (min: Int, max: Int?) {
    switch self {
    case .empty, .assertion, .look: return (0, 0)
    case .literal(let points, let folded):
      let units = points.reduce(0) { $0 + ($1 > 0xFFFF ? 2 : 1) }
      // Under full folding one unit may stand for up to three ("ﬃ" is "ffi").
      return (folded && points.count > 1 ? (units + 2) / 3 : units, units)
    case .oneOf, .any: return (1, 2)
    case .group(let node, _): return node.unitLengths
    case .sequence(let nodes):
      return nodes.reduce((0, 0)) { total, node in
        let part = node.unitLengths
        return (total.0 + part.min, total.1.flatMap { sum in part.max.map { sum + $0 } })
      }
    case .alternation(let nodes):
      let parts = nodes.map(\.unitLengths)
      let most = parts.allSatisfy { $0.max != nil } ? parts.compactMap(\.max).max() ?? 0 : nil
      return (parts.map(\.min).min() ?? 0, most)
    case .repetition(let node, let min, let max, _):
      let part = node.unitLengths
      return (part.min * min, max.flatMap { count in part.max.map { $0 * count } })
    }
  }
}
