/// Literals one of which every match contains: a search over a range holding none of them can
/// stop before trying a single start position (the `mrdUnknown` reader would otherwise try
/// three nested repetitions at every letter of every line).
struct PatternRequirement: Sendable {
  /// The literals as UTF-16 units, lower-case when `folded`.
  let literals: [[UInt16]]
  let folded: Bool
  /// The first units of the literals, as bits over ASCII (`low`: 0x00-0x3F, `high`: 0x40-0x7F).
  private let low: UInt64
  private let high: UInt64

  /// More literals than this cost more to look for than the search they would save.
  static let mostLiterals = 12
  /// Shorter literals occur too often to rule anything out.
  static let shortestLiteral = 3

  /// The best requirement of `node`, or nil when it has none worth testing.
  static func of(_ node: PatternNode) -> Self? {
    guard let (literals, folded) = candidates(node), literals.count <= mostLiterals,
      literals.allSatisfy({ $0.count >= shortestLiteral }),
      literals.allSatisfy({ $0.allSatisfy { $0 < 0x80 } })
    else { return nil }
    return Self(literals: literals.map { $0.map { UInt16($0) } }, folded: folded)
  }

  private init(literals: [[UInt16]], folded: Bool) {
    self.literals = literals
    self.folded = folded
    var (low, high) = (UInt64(0), UInt64(0))
    for first in literals.map({ $0[0] }) {
      for unit in folded && PatternParser.isCased(UInt32(first)) ? [first, first & ~0x20] : [first] {
        if unit < 0x40 { low |= 1 << UInt64(unit) } else { high |= 1 << UInt64(unit - 0x40) }
      }
    }
    (self.low, self.high) = (low, high)
  }

  /// The literals one of which `node`'s matches contain, with their case mode; nil for none.
  private static func candidates(_ node: PatternNode) -> ([[UInt32]], Bool)? {
    switch node {
    case .literal(let points, let folded): return ([points], folded)
    case .group(let body, _): return candidates(body)
    case .repetition(let body, let min, _, _): return min > 0 ? candidates(body) : nil
    case .sequence(let nodes):
      // The set whose shortest literal is longest, then the smallest set.
      return nodes.compactMap(candidates).min { a, b in
        let (shortestA, shortestB) = (a.0.map(\.count).min() ?? 0, b.0.map(\.count).min() ?? 0)
        return shortestA != shortestB ? shortestA > shortestB : a.0.count < b.0.count
      }
    case .alternation(let nodes):
      var literals: [[UInt32]] = []
      var modes = Set<Bool>()
      for node in nodes {
        guard let (branch, folded) = candidates(node) else { return nil }
        literals += branch
        modes.insert(folded)
      }
      return modes.count == 1 ? (literals, modes.first!) : nil
    default: return nil
    }
  }

  /// False only when no literal occurs in `range` of `text`, so no match can. Text beyond
  /// ASCII could match a folded literal without holding it ("ß" for "ss"): it always passes.
  func mayMatch(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
    var index = range.lowerBound
    while index < range.upperBound {
      let unit = text[index]
      if unit >= 0x80 {
        if folded { return true }
        index += 1
        continue
      }
      let bit = unit < 0x40 ? low & (1 << UInt64(unit)) : high & (1 << UInt64(unit - 0x40))
      if bit != 0, literals.contains(where: { occurs($0, text, at: index, before: range.upperBound) }) {
        return true
      }
      index += 1
    }
    return false
  }

  private func occurs(
    _ literal: [UInt16], _ text: UnsafeBufferPointer<UInt16>, at index: Int, before end: Int
  )
    -> Bool
  {
    guard index + literal.count <= end else { return false }
    for offset in literal.indices {
      var unit = text[index + offset]
      if folded, unit >= 0x41, unit <= 0x5A { unit |= 0x20 }
      if unit != literal[offset] { return false }
    }
    return true
  }
}
