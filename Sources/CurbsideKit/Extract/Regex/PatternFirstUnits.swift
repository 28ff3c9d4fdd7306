/// The UTF-16 units a match can start with: a search tries no other start position.
struct PatternFirstUnits: Sendable, Equatable {
  /// ASCII units, as bits: `low` holds 0x00-0x3F, `high` 0x40-0x7F.
  var low: UInt64 = 0
  var high: UInt64 = 0
  /// True when a unit from 0x80 up may start a match.
  var beyondASCII = false
  /// True when a match may be empty: then it may start anywhere, even at the end.
  var nullable = false

  /// No test: anything may start here.
  static let anything = Self(nullable: true)

  /// True when a match may start with `unit`.
  @inline(__always)
  func admits(_ unit: UInt16) -> Bool {
    if nullable { return true }
    if unit < 0x40 { return low & (1 << UInt64(unit)) != 0 }
    if unit < 0x80 { return high & (1 << UInt64(unit - 0x40)) != 0 }
    return beyondASCII
  }

  mutating func formUnion(_ other: Self) {
    low |= other.low
    high |= other.high
    beyondASCII = beyondASCII || other.beyondASCII
  }

  private mutating func insert(_ unit: UInt32) {
    if unit < 0x40 {
      low |= 1 << UInt64(unit)
    } else if unit < 0x80 {
      high |= 1 << UInt64(unit - 0x40)
    } else {
      beyondASCII = true
    }
  }

  /// The first units of `node`'s matches, and whether it can match the empty string (then the
  /// units of whatever follows may start a match too: `of` leaves the sets to its callers).
  static func of(_ node: PatternNode) -> Self {
    var (units, nullable) = firstUnits(node)
    units.nullable = nullable
    return units
  }

  private static func firstUnits(_ node: PatternNode) -> (units: Self, nullable: Bool) {
    var units = Self()
    switch node {
    case .empty, .assertion, .look: return (units, true)
    case .literal(let points, let folded):
      let first = points[0]
      units.insert(first)
      // Folded letters match the other case; "k", "s" and "f" also "K", "ſ", "ß" and ligatures.
      if folded, PatternParser.isCased(first) {
        units.insert(first & ~0x20)
        if first == 0x6B || first == 0x73 || first == 0x66 { units.beyondASCII = true }
      }
      return (units, false)
    case .oneOf(let set):
      units.low = set.low
      units.high = set.high
      units.beyondASCII = set.reachesBeyondASCII
      return (units, false)
    case .any:
      units.low = ~UInt64(0b1111 << 0x0A)
      units.high = ~0
      units.beyondASCII = true
      return (units, false)
    case .group(let body, _): return firstUnits(body)
    case .sequence(let nodes):
      for node in nodes {
        let part = firstUnits(node)
        units.formUnion(part.units)
        if !part.nullable { return (units, false) }
      }
      return (units, true)
    case .alternation(let nodes):
      var nullable = false
      for node in nodes {
        let part = firstUnits(node)
        units.formUnion(part.units)
        nullable = nullable || part.nullable
      }
      return (units, nullable)
    case .repetition(let body, let min, _, _):
      let part = firstUnits(body)
      return (part.units, part.nullable || min == 0)
    }
  }
}
