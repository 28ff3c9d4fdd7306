/// The interpreter loop of `PatternMatcher` and its backtracking stack.
extension PatternMatcher {
  /// Runs the program from its first instruction at `start`; true on a match, whose end is
  /// then in slot 1. On failure every slot is as before.
  mutating func run(from start: Int) -> Bool {
    let instructions = program.instructions
    var pc = 0
    var position = start
    while true {
      steps += 1
      if steps > Self.stepBudget { return giveUp() }
      // The next instruction; -1 to fail and backtrack.
      var next = pc + 1
      switch instructions[pc] {
      case .unit(let unit):
        if position < limit && text[position] == unit { position += 1 } else { next = -1 }
      case .foldedUnit(let letter):
        if position < limit && Self.folds(text[position], to: letter) { position += 1 } else { next = -1 }
      case .string(let index):
        if let end = match(string: index, at: position) { position = end } else { next = -1 }
      case .foldedString(let index):
        if let end = match(foldedString: index, at: position) { position = end } else { next = -1 }
      case .oneOf(let index):
        if let end = match(.oneOf(index), at: position) { position = end } else { next = -1 }
      case .any:
        if let end = match(.any, at: position) { position = end } else { next = -1 }
      case .assert(let assertion): if !holds(assertion, at: position) { next = -1 }
      case .split(let index): next = split(index, position)
      case .jump(let target): next = target
      case .save(let slot): set(slot, to: position)
      case .repeatOne(let index): next = repeatOne(index, &position)
      case .loopEnter(let index): set(program.loops[index].countSlot, to: 0)
      case .loopCheck(let index): next = loopCheck(index, position)
      case .loopBody(let index): set(program.loops[index].positionSlot, to: position)
      case .loopNext(let index):
        let loop = program.loops[index]
        set(loop.countSlot, to: slots[loop.countSlot] + 1)
        next = loop.check
      case .look(let index): next = enterLook(index, &position) ?? -1
      case .lookEnd: next = leaveLook(&position) ?? -1
      case .succeed:
        slots[1] = position
        return true
      }
      if next >= 0 {
        pc = next
      } else if !backtrack(&pc, &position) {
        return false
      }
    }
  }

  /// Abandons the search: the attempt ran out of steps.
  private mutating func giveUp() -> Bool {
    exhausted = true
    stack.removeAll()
    lookStates.removeAll()
    for index in slots.indices { slots[index] = -1 }
    limit = upper
    return false
  }

  // MARK: The stack

  @inline(__always)
  mutating func push(_ kind: PatternFrame.Kind, _ a: Int, _ b: Int, _ c: Int = 0) {
    stack.append(PatternFrame(kind: kind, a: a, b: b, c: c))
  }

  /// Sets a slot, remembering its old value for backtracking.
  @inline(__always)
  mutating func set(_ slot: Int, to value: Int) {
    push(.restore, slot, slots[slot])
    slots[slot] = value
  }

  /// Undoes choices back to the latest one that can resume, and resumes it; false when none
  /// is left.
  mutating func backtrack(_ pc: inout Int, _ position: inout Int) -> Bool {
    while let frame = stack.popLast() {
      steps += 1
      switch frame.kind {
      case .restore: slots[frame.a] = frame.b
      case .choice:
        pc = frame.a
        position = frame.b
        return true
      case .greedy:
        // Give back one code point, down to the fewest the repetition needs.
        let back = frame.b - codePoint(before: frame.b, above: frame.c).width
        if back > frame.c { push(.greedy, frame.a, back, frame.c) }
        pc = frame.a
        position = back
        return true
      case .lazy:
        let repeated = program.repeats[frame.a]
        guard let end = match(repeated.item, at: frame.b) else { continue }
        if frame.c + 1 < repeated.bounds.max { push(.lazy, frame.a, end, frame.c + 1) }
        pc = repeated.next
        position = end
        return true
      case .look:
        if lookFailed(&pc, &position) { return true }
      }
      if steps > Self.stepBudget { return giveUp() }
    }
    return false
  }

  /// Takes the first branch that can start here, leaving a choice of the second if it can;
  /// -1 when neither can.
  @inline(__always)
  private mutating func split(_ index: Int, _ position: Int) -> Int {
    let branch = program.branches[index]
    let second = admits(branch.secondUnits, position)
    guard admits(branch.firstUnits, position) else { return second ? branch.second : -1 }
    if second { push(.choice, branch.second, position) }
    return branch.first
  }

  /// True when a match of something starting with `units` may start at `position`.
  @inline(__always)
  private mutating func admits(_ units: PatternFirstUnits, _ position: Int) -> Bool {
    position < limit ? units.admits(text[position]) : units.nullable
  }

  // MARK: Repetition

  /// A repeated single item: the fewest it needs, then as many (greedy) or as few (lazy) as it
  /// may, leaving one frame to give back or take more on backtracking.
  private mutating func repeatOne(_ index: Int, _ position: inout Int) -> Int {
    let repeated = program.repeats[index]
    var end = position
    var count = 0
    while count < repeated.bounds.min {
      guard let next = match(repeated.item, at: end) else { return -1 }
      end = next
      count += 1
    }
    if repeated.bounds.greedy {
      let floor = end
      while count < repeated.bounds.max, let next = match(repeated.item, at: end) {
        end = next
        count += 1
      }
      if end > floor { push(.greedy, repeated.next, end, floor) }
    } else if count < repeated.bounds.max {
      push(.lazy, index, end, count)
    }
    steps += count
    position = end
    return repeated.next
  }

  /// Decides whether a repeated group goes round once more: it must reach its minimum, may not
  /// pass its maximum, and stops after an iteration past the minimum that matched nothing.
  private mutating func loopCheck(_ index: Int, _ position: Int) -> Int {
    let loop = program.loops[index]
    let count = slots[loop.countSlot]
    let canIterate = admits(loop.bodyUnits, position)
    if count < loop.bounds.min { return canIterate ? loop.body : -1 }
    if !canIterate || count >= loop.bounds.max
      || (count > loop.bounds.min && position == slots[loop.positionSlot])
    {
      return loop.exit
    }
    if loop.bounds.greedy {
      push(.choice, loop.exit, position)
      return loop.body
    }
    push(.choice, loop.body, position)
    return loop.exit
  }
}

/// One entry of the backtracking stack.
struct PatternFrame {
  enum Kind: UInt8 {
    /// Resume at instruction `a`, position `b`.
    case choice
    /// Set slot `a` back to `b`.
    case restore
    /// A greedy repetition at `b` gives back one code point (not below `c`), resuming at `a`.
    case greedy
    /// The lazy repetition `repeats[a]` at `b` takes one more item (it has `c`).
    case lazy
    /// The body of lookaround state `a` failed from its current start.
    case look
  }

  var kind: Kind
  var a: Int
  var b: Int
  var c: Int
}
