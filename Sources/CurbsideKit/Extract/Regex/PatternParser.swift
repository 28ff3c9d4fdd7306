/// Reads a pattern's source into a `PatternNode` tree, in ICU's syntax.
///
/// Supported: literals and escaped punctuation, `\t \n \r \f \a \e \xhh \x{h...} \uhhhh`, `.`,
/// classes `[...]` with ranges, negation and `\w \d \s \W \D \S` inside, the same escapes
/// outside, `\b \B ^ $`, groups `( )` `(?: )`, lookaround `(?= )` `(?! )` `(?<= )` `(?<! )` with
/// a bounded lookbehind, flags `(?i)` `(?-i)` `(?i: )`, alternation, and the quantifiers
/// `* + ? {n} {n,} {n,m}` with their lazy forms. Everything else ICU accepts (backreferences,
/// possessive quantifiers, atomic groups, named groups, `\p{...}`, `\A \z \Z \G`, `\Q...\E`,
/// nested or intersected classes, other flags) throws `PatternError.unsupported`.
struct PatternParser {
  private let scalars: [UInt32]
  private var index = 0
  private var caseInsensitive: Bool
  private(set) var captureCount = 0

  init(_ source: String, caseInsensitive: Bool) {
    scalars = source.unicodeScalars.map(\.value)
    self.caseInsensitive = caseInsensitive
  }

  /// The whole pattern as one node.
  mutating func parse() throws -> PatternNode {
    let node = try parseAlternation()
    if index < scalars.count { throw PatternError.malformed("unbalanced \")\"", at: index) }
    return node
  }

  // MARK: Structure

  private var current: UInt32? { index < scalars.count ? scalars[index] : nil }

  private func peek(_ offset: Int) -> UInt32? {
    index + offset < scalars.count ? scalars[index + offset] : nil
  }

  private mutating func take(_ character: Character) -> Bool {
    guard current == character.unicodeScalars.first!.value else { return false }
    index += 1
    return true
  }

  private mutating func parseAlternation() throws -> PatternNode {
    var branches = [try parseSequence()]
    while take("|") { branches.append(try parseSequence()) }
    return branches.count == 1 ? branches[0] : .alternation(branches)
  }

  private mutating func parseSequence() throws -> PatternNode {
    var items: [PatternNode] = []
    while let scalar = current, scalar != 0x7C, scalar != 0x29 {
      guard let atom = try parseAtom() else { continue }
      items.append(try parseQuantifiers(atom))
    }
    return Self.mergingLiterals(items)
  }

  /// Joins adjacent unquantified literals of the same case mode into runs, as ICU does.
  static func mergingLiterals(_ items: [PatternNode]) -> PatternNode {
    var merged: [PatternNode] = []
    for item in items {
      if case .literal(let points, let folded) = item, case .literal(let previous, folded)? = merged.last {
        merged[merged.count - 1] = .literal(previous + points, folded: folded)
      } else {
        merged.append(item)
      }
    }
    if merged.isEmpty { return .empty }
    return merged.count == 1 ? merged[0] : .sequence(merged)
  }

  /// One atom, or nil for a flag setting such as `(?i)` that matches nothing.
  private mutating func parseAtom() throws -> PatternNode? {
    let start = index
    let scalar = scalars[index]
    index += 1
    switch scalar {
    case 0x28: return try parseGroup(at: start)
    case 0x5B: return .oneOf(try parseClass(at: start))
    case 0x2E: return .any
    case 0x5E: return .assertion(.start)
    case 0x24: return .assertion(.end)
    case 0x5C: return try parseEscape(at: start)
    case 0x2A, 0x2B, 0x3F: throw PatternError.malformed("quantifier without a target", at: start)
    case 0x7B where Self.isDigit(current):
      throw PatternError.malformed("quantifier without a target", at: start)
    default: return try literal(scalar, at: start)
    }
  }

  /// A literal code point in the current case mode. Under case-insensitive matching ASCII
  /// letters are stored lower-case; other cased letters would need Unicode's folding tables.
  private func literal(_ scalar: UInt32, at offset: Int) throws -> PatternNode {
    guard caseInsensitive else { return .literal([scalar], folded: false) }
    if scalar >= 0x80, Self.isCased(scalar) {
      throw PatternError.unsupported("non-ASCII letter under case-insensitive matching", at: offset)
    }
    return .literal([Self.isCased(scalar) ? scalar | 0x20 : scalar], folded: true)
  }

  static func isCased(_ scalar: UInt32) -> Bool {
    if scalar < 0x80 { return (scalar | 0x20) >= 0x61 && (scalar | 0x20) <= 0x7A }
    guard let value = Unicode.Scalar(scalar) else { return false }
    return value.properties.isCased || value.properties.changesWhenCaseMapped
  }

  static func isDigit(_ scalar: UInt32?) -> Bool { scalar.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }

  // MARK: Groups

  private mutating func parseGroup(at start: Int) throws -> PatternNode? {
    if let flags = scanFlags(), flags.terminator == 0x29 {
      // "(?i)": the flag holds to the end of the enclosing group.
      index = flags.end + 1
      caseInsensitive = flags.on
      return nil
    }
    let saved = caseInsensitive
    defer { caseInsensitive = saved }
    var capture: Int?
    var look: PatternLook?
    if take("?") {
      switch current {
      case 0x3A: index += 1
      case 0x3D: look = PatternLook(behind: false, negative: false)
      case 0x21: look = PatternLook(behind: false, negative: true)
      case 0x3C where peek(1) == 0x3D: look = PatternLook(behind: true, negative: false)
      case 0x3C where peek(1) == 0x21: look = PatternLook(behind: true, negative: true)
      default:
        guard let flags = scanFlags(from: index - 1) else {
          throw PatternError.unsupported("group \"(?\(current.map(Self.text) ?? "")\"", at: start)
        }
        index = flags.end + 1
        caseInsensitive = flags.on
      }
      if let look { index += look.behind ? 2 : 1 }
    } else {
      captureCount += 1
      capture = captureCount
    }
    let body = try parseAlternation()
    guard take(")") else { throw PatternError.malformed("missing \")\"", at: start) }
    guard let look else { return .group(body, capture: capture) }
    if look.behind, body.unitLengths.max == nil {
      throw PatternError.unsupported("lookbehind of unbounded length", at: start)
    }
    return .look(body, look)
  }

  /// Reads the flags of "(?i)", "(?-i)" or "(?i:" from `offset`, the "?" (default: the current
  /// position): the case flag they set, and where the ")" or ":" that ends them is.
  private func scanFlags(from offset: Int? = nil) -> (on: Bool, end: Int, terminator: UInt32)? {
    var position = offset ?? index
    guard position < scalars.count, scalars[position] == 0x3F else { return nil }
    position += 1
    var on = true
    var flag: Bool?
    while position < scalars.count {
      switch scalars[position] {
      case 0x69: flag = on
      case 0x2D where on && flag == nil: on = false
      case 0x29, 0x3A:
        guard let flag else { return nil }
        return (flag, position, scalars[position])
      default: return nil
      }
      position += 1
    }
    return nil
  }

  // MARK: Quantifiers

  private mutating func parseQuantifiers(_ atom: PatternNode) throws -> PatternNode {
    let start = index
    guard let (min, max) = try parseQuantifier() else { return atom }
    switch atom {
    case .assertion, .look, .empty:
      throw PatternError.unsupported("quantifier on a zero-width item", at: start)
    default: break
    }
    if let max, max < min { throw PatternError.malformed("{n,m} with m < n", at: start) }
    let greedy = !take("?")
    if current == 0x2B { throw PatternError.unsupported("possessive quantifier", at: index) }
    if let next = current, next == 0x2A || next == 0x3F || (next == 0x7B && Self.isDigit(peek(1))) {
      throw PatternError.malformed("quantifier after a quantifier", at: index)
    }
    return .repetition(atom, min: min, max: max, greedy: greedy)
  }

  /// Reads `*`, `+`, `?`, `{n}`, `{n,}` or `{n,m}`; nil when none stands here.
  private mutating func parseQuantifier() throws -> (Int, Int?)? {
    switch current {
    case 0x2A: index += 1; return (0, nil)
    case 0x2B: index += 1; return (1, nil)
    case 0x3F: index += 1; return (0, 1)
    case 0x7B:
      let start = index
      index += 1
      guard let min = parseNumber() else { throw PatternError.malformed("bad {n,m}", at: start) }
      var max: Int? = min
      if take(",") { max = parseNumber() }
      guard take("}") else { throw PatternError.malformed("bad {n,m}", at: start) }
      return (min, max)
    default: return nil
    }
  }

  private mutating func parseNumber() -> Int? {
    var value: Int?
    while Self.isDigit(current), let digit = current {
      value = (value ?? 0) * 10 + Int(digit - 0x30)
      index += 1
    }
    return value
  }

  // MARK: Escapes

  /// What follows a backslash outside brackets.
  private mutating func parseEscape(at start: Int) throws -> PatternNode {
    guard let scalar = current else { throw PatternError.malformed("trailing backslash", at: start) }
    index += 1
    switch scalar {
    case 0x62: return .assertion(.wordBoundary)
    case 0x42: return .assertion(.notWordBoundary)
    default:
      if let escape = Self.classEscape(scalar) { return .oneOf(PatternClass(escape)) }
      return try literal(try escapedScalar(scalar, at: start), at: start)
    }
  }

  static func classEscape(_ scalar: UInt32) -> PatternClassEscape? {
    switch scalar {
    case 0x77: return .word
    case 0x57: return .notWord
    case 0x64: return .digit
    case 0x44: return .notDigit
    case 0x73: return .space
    case 0x53: return .notSpace
    default: return nil
    }
  }

  /// The literal a backslash and `scalar` stand for: punctuation itself, or a control or
  /// hexadecimal escape. Other letters and digits are ICU features this engine lacks.
  private mutating func escapedScalar(_ scalar: UInt32, at start: Int) throws -> UInt32 {
    switch scalar {
    case 0x74: return 0x09
    case 0x6E: return 0x0A
    case 0x72: return 0x0D
    case 0x66: return 0x0C
    case 0x61: return 0x07
    case 0x65: return 0x1B
    case 0x78: return try hexadecimal(at: start, digits: take("{") ? nil : 2)
    case 0x75: return try hexadecimal(at: start, digits: 4)
    default:
      let isAlphanumeric = Self.isDigit(scalar) || ((scalar | 0x20) >= 0x61 && (scalar | 0x20) <= 0x7A)
      if isAlphanumeric { throw PatternError.unsupported("escape \"\\\(Self.text(scalar))\"", at: start) }
      return scalar
    }
  }

  /// Reads `digits` hexadecimal digits, or up to "}" when `digits` is nil.
  private mutating func hexadecimal(at start: Int, digits: Int?) throws -> UInt32 {
    var value: UInt32 = 0
    var count = 0
    while let scalar = current, digits.map({ count < $0 }) ?? (scalar != 0x7D) {
      guard let digit = Unicode.Scalar(scalar).flatMap({ Character($0).hexDigitValue }) else { break }
      value = value * 16 + UInt32(digit)
      count += 1
      index += 1
    }
    if digits == nil, !take("}") { throw PatternError.malformed("bad \\x{...}", at: start) }
    guard count > 0, count == digits ?? count, value <= 0x10FFFF, Unicode.Scalar(value) != nil else {
      throw PatternError.malformed("bad hexadecimal escape", at: start)
    }
    return value
  }

  // MARK: Classes

  /// A bracketed class, after its "[".
  private mutating func parseClass(at start: Int) throws -> PatternClass {
    var set = PatternClass()
    let negated = take("^")
    if current == 0x5D { throw PatternError.unsupported("\"]\" first in a class", at: index) }
    while let scalar = current, scalar != 0x5D {
      let itemStart = index
      if scalar == 0x5B || (scalar == 0x26 && peek(1) == 0x26) || (scalar == 0x2D && peek(1) == 0x2D) {
        throw PatternError.unsupported("nested or combined classes", at: itemStart)
      }
      index += 1
      if scalar == 0x5C, let escape = current.flatMap(Self.classEscape) {
        index += 1
        if current == 0x2D, peek(1) != 0x5D {
          throw PatternError.malformed("range from a class escape", at: itemStart)
        }
        set.add(escape)
      } else {
        let low = try classScalar(scalar, at: itemStart)
        var high = low
        if current == 0x2D, let next = peek(1), next != 0x5D {
          index += 1
          high = try classScalar(scalar: next, at: index)
          guard high >= low else { throw PatternError.malformed("range out of order", at: itemStart) }
        }
        try checkCase(low...high, at: itemStart)
        set.add(low...high)
      }
    }
    guard take("]") else { throw PatternError.malformed("missing \"]\"", at: start) }
    set.finish(negated: negated, caseInsensitive: caseInsensitive)
    return set
  }

  /// The code point of a class member that starts with `scalar` (already read).
  private mutating func classScalar(_ scalar: UInt32, at start: Int) throws -> UInt32 {
    guard scalar == 0x5C else { return scalar }
    guard let next = current else { throw PatternError.malformed("trailing backslash", at: start) }
    index += 1
    if next == 0x62 { throw PatternError.unsupported("\"\\b\" in a class", at: start) }
    return try escapedScalar(next, at: start)
  }

  /// Reads the upper end of a range, starting at `scalar` (not yet read).
  private mutating func classScalar(scalar: UInt32, at start: Int) throws -> UInt32 {
    index += 1
    if scalar == 0x5C, let escape = current, Self.classEscape(escape) != nil {
      throw PatternError.malformed("range to a class escape", at: start)
    }
    return try classScalar(scalar, at: start)
  }

  /// Case-insensitive classes are closed over case for ASCII only.
  private func checkCase(_ range: ClosedRange<UInt32>, at offset: Int) throws {
    guard caseInsensitive, range.upperBound >= 0x80 else { return }
    let upper = min(range.upperBound, range.lowerBound + 0x10000)
    if (max(0x80, range.lowerBound)...upper).contains(where: Self.isCased) || upper < range.upperBound {
      throw PatternError.unsupported("non-ASCII letters in a case-insensitive class", at: offset)
    }
  }

  static func text(_ scalar: UInt32) -> String { Unicode.Scalar(scalar).map { String($0) } ?? "?" }
}
