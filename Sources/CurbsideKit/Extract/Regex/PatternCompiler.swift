/// Turns a `PatternNode` tree into the instructions of a `PatternProgram`.
struct PatternCompiler {
  var instructions: [PatternInstruction] = []
  var classes: [PatternClass] = []
  var strings: [[UInt16]] = []
  var repeats: [PatternRepeat] = []
  var loops: [PatternLoop] = []
  var looks: [PatternLookInfo] = []
  var branches: [PatternBranch] = []
  var slotCount: Int

  init(slotCount: Int) { self.slotCount = slotCount }

  mutating func emit(_ node: PatternNode) {
    switch node {
    case .empty: break
    case .literal(let points, let folded): emitLiteral(points, folded: folded)
    case .oneOf(let set): instructions.append(.oneOf(add(set)))
    case .any: instructions.append(.any)
    case .assertion(let assertion): instructions.append(.assert(assertion))
    case .group(let body, let capture):
      if let capture { instructions.append(.save(2 * capture)) }
      emit(body)
      if let capture { instructions.append(.save(2 * capture + 1)) }
    case .look(let body, let look): emitLook(body, look)
    case .sequence(let nodes): for node in nodes { emit(node) }
    case .alternation(let nodes): emitAlternation(nodes)
    case .repetition(let body, let min, let max, let greedy):
      emitRepetition(body, min: min, max: max ?? Int.max, greedy: greedy)
    }
  }

  private mutating func add(_ set: PatternClass) -> Int {
    if let index = classes.firstIndex(of: set) { return index }
    classes.append(set)
    return classes.count - 1
  }

  private mutating func emitLiteral(_ points: [UInt32], folded: Bool) {
    if points.count == 1, let item = item(for: .literal(points, folded: folded)) {
      switch item {
      case .unit(let unit): instructions.append(.unit(unit))
      case .foldedUnit(let unit): instructions.append(.foldedUnit(unit))
      case .oneOf(let index): instructions.append(.oneOf(index))
      case .any: instructions.append(.any)
      }
      return
    }
    let units = points.flatMap { Array(String(Unicode.Scalar($0)!).utf16) }
    strings.append(units)
    let cased = points.contains(where: PatternParser.isCased)
    instructions.append(folded && cased ? .foldedString(strings.count - 1) : .string(strings.count - 1))
  }

  /// The single code point item a node stands for, or nil when it is not one.
  private mutating func item(for node: PatternNode) -> PatternItem? {
    switch node {
    case .literal(let points, let folded) where points.count == 1:
      let point = points[0]
      if point > 0xFFFF {
        var set = PatternClass()
        set.add(point...point)
        set.finish(negated: false, caseInsensitive: false)
        return .oneOf(add(set))
      }
      return folded && PatternParser.isCased(point) ? .foldedUnit(UInt16(point)) : .unit(UInt16(point))
    case .oneOf(let set): return .oneOf(add(set))
    case .any: return .any
    default: return nil
    }
  }

  private mutating func emitAlternation(_ nodes: [PatternNode]) {
    var exits: [Int] = []
    for (index, node) in nodes.enumerated() {
      guard index < nodes.count - 1 else {
        emit(node)
        break
      }
      let split = emitSplit()
      emit(node)
      exits.append(instructions.count)
      instructions.append(.jump(0))
      branches[split.branch] = PatternBranch(
        first: split.at + 1, second: instructions.count, firstUnits: .of(node),
        secondUnits: .of(.alternation(Array(nodes[(index + 1)...]))))
    }
    for exit in exits { instructions[exit] = .jump(instructions.count) }
  }

  /// Appends a split to fill in later: its address and its branch.
  private mutating func emitSplit() -> (at: Int, branch: Int) {
    branches.append(PatternBranch(first: 0, second: 0, firstUnits: .anything, secondUnits: .anything))
    instructions.append(.split(branches.count - 1))
    return (instructions.count - 1, branches.count - 1)
  }

  private mutating func emitRepetition(_ body: PatternNode, min: Int, max: Int, greedy: Bool) {
    if let item = item(for: body) {
      repeats.append(
        PatternRepeat(
          item: item, bounds: PatternBounds(min: min, max: max, greedy: greedy),
          next: instructions.count + 1))
      instructions.append(.repeatOne(repeats.count - 1))
    } else if max == 0 {
      return
    } else if min == 1, max == 1 {
      emit(body)
    } else if min == 0, max == 1 {
      let split = emitSplit()
      emit(body)
      let (end, units) = (instructions.count, PatternFirstUnits.of(body))
      branches[split.branch] =
        greedy
        ? PatternBranch(first: split.at + 1, second: end, firstUnits: units, secondUnits: .anything)
        : PatternBranch(first: end, second: split.at + 1, firstUnits: .anything, secondUnits: units)
    } else {
      emitLoop(body, min: min, max: max, greedy: greedy)
    }
  }

  private mutating func emitLoop(_ body: PatternNode, min: Int, max: Int, greedy: Bool) {
    let index = loops.count
    let enter = instructions.count
    loops.append(
      PatternLoop(
        bounds: PatternBounds(min: min, max: max, greedy: greedy), countSlot: slotCount,
        positionSlot: slotCount + 1,
        check: enter + 1, body: enter + 2, exit: 0, bodyUnits: .of(body)))
    slotCount += 2
    instructions += [.loopEnter(index), .loopCheck(index), .loopBody(index)]
    emit(body)
    instructions.append(.loopNext(index))
    loops[index].exit = instructions.count
  }

  private mutating func emitLook(_ body: PatternNode, _ look: PatternLook) {
    let index = looks.count
    let lengths = body.unitLengths
    looks.append(
      PatternLookInfo(
        look: look, body: instructions.count + 1, next: 0, minLength: lengths.min,
        maxLength: lengths.max ?? Int.max))
    instructions.append(.look(index))
    emit(body)
    instructions.append(.lookEnd(index))
    looks[index].next = instructions.count
  }
}
