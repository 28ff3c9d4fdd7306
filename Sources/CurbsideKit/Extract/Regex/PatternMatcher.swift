/// Runs a `PatternProgram` over UTF-16 units by backtracking, the way ICU does: leftmost match,
/// alternatives in order, greedy and lazy quantifiers, captures as of the last iteration.
///
/// The searched range is the whole world, as NSRegularExpression's default bounds make it:
/// lookaround and `\b` see nothing outside it, and `^` and `$` match at its ends. Backtracking
/// keeps its choices on an explicit stack, never the call stack, so line length cannot
/// overflow anything, and each start position gets a step budget: a pattern that exhausts it
/// (catastrophic backtracking) ends the search with no match and sets `exhausted`.
///
/// The read-only helpers are `mutating` too: an unoptimised build (the tests') then passes the
/// matcher in place instead of copying it, with its arrays, on every call.
struct PatternMatcher {
  /// The steps (instructions run, units consumed, choices undone) one attempt at one start
  /// position may take. Over the test corpus, 2,000-character lines included (the longest the
  /// input allows), no attempt of the fact extractor's patterns takes more than about 18,500
  /// (the reader of pending MRD results, at a long word); an exponential blow-up passes this
  /// within milliseconds, which is when we stop it.
  static let stepBudget = 100_000

  let program: PatternProgram
  let text: UnsafeBufferPointer<UInt16>
  /// The searched range: matches, lookaround and assertions stay inside it.
  let lower: Int
  let upper: Int
  /// After a match: the start and end of the match (slots 0, 1) and of each group, -1 unset.
  var slots: [Int]
  /// True when an attempt ran out of steps; the search stopped there.
  var exhausted = false

  var stack: [PatternFrame] = []
  var lookStates: [PatternLookState] = []
  /// How far consuming may go: the range's end, or the position a lookbehind looks from.
  var limit: Int
  var steps = 0

  init(_ program: PatternProgram, _ text: UnsafeBufferPointer<UInt16>, in range: Range<Int>) {
    self.program = program
    self.text = text
    lower = range.lowerBound
    upper = range.upperBound
    limit = range.upperBound
    slots = Array(repeating: -1, count: program.slotCount)
    stack.reserveCapacity(32)
  }

  // MARK: Searching

  /// Finds the leftmost match starting at `start` or later (exactly at `start` when
  /// `anchored`); its ranges are then in `slots`.
  mutating func find(from start: Int, anchored: Bool = false) -> Bool {
    reset()
    if anchored { return attempt(at: start) }
    if program.anchoredAtStart { return start == lower && attempt(at: lower) }
    if let requirement = program.requirement, !requirement.mayMatch(text, start..<upper) { return false }
    let first = program.firstUnits
    var position = start
    while position <= upper {
      if !first.nullable {
        if position == upper { return false }
        if !first.admits(text[position]) {
          position += 1
          continue
        }
      }
      if attempt(at: position) { return true }
      if exhausted { return false }
      position += position < upper ? codePoint(at: position, below: upper).width : 1
    }
    return false
  }

  /// Every match left to right, as ICU's `findNext` finds them: a search goes on where the
  /// last match ended, one code point further after an empty match.
  mutating func findAll() -> [[Int]] {
    var found: [[Int]] = []
    var start = lower
    while find(from: start) {
      found.append(slots)
      let (from, to) = (slots[0], slots[1])
      if from == to {
        if to >= upper { break }
        start = to + codePoint(at: to, below: upper).width
      } else {
        start = to
      }
    }
    return found
  }

  private mutating func reset() {
    stack.removeAll(keepingCapacity: true)
    lookStates.removeAll(keepingCapacity: true)
    for index in slots.indices { slots[index] = -1 }
    limit = upper
  }

  private mutating func attempt(at start: Int) -> Bool {
    steps = 0
    slots[0] = start
    if run(from: start) { return true }
    slots[0] = -1
    return false
  }

  // MARK: Units

  /// The code point at `index` and its width in units, pairing surrogates below `end`.
  @inline(__always)
  mutating func codePoint(at index: Int, below end: Int) -> (value: UInt32, width: Int) {
    let unit = UInt32(text[index])
    if unit & 0xFC00 == 0xD800, index + 1 < end {
      let trail = UInt32(text[index + 1])
      if trail & 0xFC00 == 0xDC00 { return (0x10000 + ((unit - 0xD800) << 10) + (trail - 0xDC00), 2) }
    }
    return (unit, 1)
  }

  /// The code point ending at `index` and its width, pairing surrogates above `start`.
  mutating func codePoint(before index: Int, above start: Int) -> (value: UInt32, width: Int) {
    let unit = UInt32(text[index - 1])
    if unit & 0xFC00 == 0xDC00, index - 2 >= start {
      let lead = UInt32(text[index - 2])
      if lead & 0xFC00 == 0xD800 { return (0x10000 + ((lead - 0xD800) << 10) + (unit - 0xDC00), 2) }
    }
    return (unit, 1)
  }

  /// The position after `item` matched at `position`, or nil.
  @inline(__always)
  mutating func match(_ item: PatternItem, at position: Int) -> Int? {
    guard position < limit else { return nil }
    switch item {
    case .unit(let unit): return text[position] == unit ? position + 1 : nil
    case .foldedUnit(let letter): return Self.folds(text[position], to: letter) ? position + 1 : nil
    case .oneOf(let index):
      let (value, width) = codePoint(at: position, below: limit)
      return program.classes[index].contains(value) ? position + width : nil
    case .any:
      let (value, width) = codePoint(at: position, below: limit)
      return UnicodeClass.isLineTerminator(value) ? nil : position + width
    }
  }

  /// True when `unit`'s simple case fold is the lower-case ASCII letter `letter`.
  @inline(__always)
  static func folds(_ unit: UInt16, to letter: UInt16) -> Bool {
    if unit | 0x20 == letter { return true }
    return (unit == 0x212A && letter == 0x6B) || (unit == 0x17F && letter == 0x73)
  }

  /// The position after `string` matched at `position`, or nil.
  mutating func match(string index: Int, at position: Int) -> Int? {
    let string = program.strings[index]
    guard position + string.count <= limit else { return nil }
    for offset in string.indices where text[position + offset] != string[offset] { return nil }
    return position + string.count
  }

  /// The position after `string` matched under full case folding ("ss" matches "ß"), or nil.
  mutating func match(foldedString index: Int, at position: Int) -> Int? {
    let string = program.strings[index]
    var at = position
    var offset = 0
    while offset < string.count {
      guard at < limit else { return nil }
      let unit = text[at]
      at += 1
      if unit < 0x80 {
        let lower = unit >= 0x41 && unit <= 0x5A ? unit | 0x20 : unit
        guard lower == string[offset] else { return nil }
        offset += 1
      } else if let expansion = Self.fullFolds[unit] {
        // The whole expansion must match: ICU fails a match that ends inside one.
        guard offset + expansion.count <= string.count,
          string[offset..<(offset + expansion.count)].elementsEqual(expansion)
        else { return nil }
        offset += expansion.count
      } else {
        guard unit == string[offset] else { return nil }
        offset += 1
      }
    }
    return at
  }

  /// The non-ASCII code points whose full case folding is all ASCII (Unicode CaseFolding.txt,
  /// statuses C and F): the only ones that can match an ASCII pattern under folding.
  static let fullFolds: [UInt16: [UInt16]] = [
    0x00DF: [0x73, 0x73], 0x1E9E: [0x73, 0x73], 0x017F: [0x73], 0x212A: [0x6B],
    0xFB00: [0x66, 0x66], 0xFB01: [0x66, 0x69], 0xFB02: [0x66, 0x6C], 0xFB03: [0x66, 0x66, 0x69],
    0xFB04: [0x66, 0x66, 0x6C], 0xFB05: [0x73, 0x74], 0xFB06: [0x73, 0x74],
  ]

  // MARK: Assertions

  mutating func holds(_ assertion: PatternAssertion, at position: Int) -> Bool {
    switch assertion {
    case .start: return position == lower
    case .end: return isEnd(position)
    case .wordBoundary: return isWordBoundary(position)
    case .notWordBoundary: return !isWordBoundary(position)
    }
  }

  /// `$`: the end of the range, or before a line terminator (CR LF as one) that ends it.
  private mutating func isEnd(_ position: Int) -> Bool {
    if position >= upper { return true }
    if position == upper - 1 {
      let value = codePoint(at: position, below: upper).value
      return UnicodeClass.isLineTerminator(value)
        && !(value == 0x0A && position > lower && text[position - 1] == 0x0D)
    }
    return position == upper - 2 && text[position] == 0x0D && text[position + 1] == 0x0A
  }

  /// `\b`, as ICU decides it: a word character on one side and not on the other, where
  /// combining marks and format characters belong to the character before them.
  private mutating func isWordBoundary(_ position: Int) -> Bool {
    var isWord = false
    if position < upper {
      var value = codePoint(at: position, below: upper).value
      if value & 0xFC00 == 0xDC00, position > lower {
        let before = codePoint(before: position + 1, above: lower)
        if before.width == 2 { value = before.value }
      }
      if UnicodeClass.isBoundaryTransparent(value) { return false }
      isWord = UnicodeClass.isWord(value)
    }
    var index = position
    while index > lower {
      let (value, width) = codePoint(before: index, above: lower)
      index -= width
      if !UnicodeClass.isBoundaryTransparent(value) { return isWord != UnicodeClass.isWord(value) }
    }
    return isWord
  }
}
