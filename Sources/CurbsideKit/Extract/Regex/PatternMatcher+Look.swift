/// Lookahead and lookbehind in `PatternMatcher`.
///
/// A lookaround runs its body above a `look` frame on the same stack. When the body matches,
/// the choices it left are cut (a lookaround is atomic) but the slot restores are kept, so
/// backtracking past the lookaround still undoes its captures; a negative lookaround instead
/// undoes everything and fails. When the body fails, backtracking reaches the `look` frame: a
/// lookbehind tries its next start, a negative lookaround succeeds, a positive one fails.
extension PatternMatcher {
  /// Starts the body of `looks[index]` at `position`; the next instruction, or nil to fail.
  mutating func enterLook(_ index: Int, _ position: inout Int) -> Int? {
    let info = program.looks[index]
    var state = PatternLookState(look: index, position: position, limit: limit, start: position, frame: 0)
    if info.look.behind {
      // ICU tries the starts nearest first, on code point boundaries, within the body's lengths.
      guard let start = lookbehindStart(position - info.minLength, state, info) else {
        return info.look.negative ? info.next : nil
      }
      state.start = start
      limit = position
    } else {
      limit = upper
    }
    state.frame = stack.count
    lookStates.append(state)
    push(.look, lookStates.count - 1, 0)
    position = state.start
    return info.body
  }

  /// The body of the innermost lookaround matched at `position`.
  mutating func leaveLook(_ position: inout Int) -> Int? {
    let state = lookStates[lookStates.count - 1]
    let info = program.looks[state.look]
    if info.look.behind, position != state.position { return nil }
    if info.look.negative {
      // Undo the body, then fail as if the look frame had been reached.
      while let frame = stack.popLast(), frame.kind != .look || frame.a != lookStates.count - 1 {
        if frame.kind == .restore { slots[frame.a] = frame.b }
      }
      lookStates.removeLast()
      limit = state.limit
      return nil
    }
    // Keep the body's slot restores, drop its choices and the look frame.
    var kept = state.frame
    for index in (state.frame + 1)..<stack.count where stack[index].kind == .restore {
      stack[kept] = stack[index]
      kept += 1
    }
    stack.removeLast(stack.count - kept)
    lookStates.removeLast()
    limit = state.limit
    position = state.position
    return info.next
  }

  /// Backtracking reached the look frame of the innermost lookaround: its body failed from the
  /// current start. True when matching resumes (in `pc` at `position`).
  mutating func lookFailed(_ pc: inout Int, _ position: inout Int) -> Bool {
    var state = lookStates[lookStates.count - 1]
    let info = program.looks[state.look]
    if info.look.behind, state.start > lower,
      let start = lookbehindStart(
        state.start - codePoint(before: state.start, above: lower).width, state, info)
    {
      state.start = start
      lookStates[lookStates.count - 1] = state
      push(.look, lookStates.count - 1, 0)
      limit = state.position
      pc = info.body
      position = start
      return true
    }
    lookStates.removeLast()
    limit = state.limit
    guard info.look.negative else { return false }
    pc = info.next
    position = state.position
    return true
  }

  /// `candidate` moved back onto a code point boundary, or nil when it is before the range or
  /// further back than the body can reach.
  private mutating func lookbehindStart(_ candidate: Int, _ state: PatternLookState, _ info: PatternLookInfo)
    -> Int?
  {
    var start = candidate
    if start > lower, start < upper, text[start] & 0xFC00 == 0xDC00, text[start - 1] & 0xFC00 == 0xD800 {
      start -= 1
    }
    guard start >= lower, info.maxLength == Int.max || start >= state.position - info.maxLength else {
      return nil
    }
    return start
  }
}

/// A lookaround in progress.
struct PatternLookState {
  /// Its index in `program.looks`.
  var look: Int
  /// The position it looks from, and the consuming limit outside it.
  var position: Int
  var limit: Int
  /// Where the current trial of a lookbehind's body starts.
  var start: Int
  /// The stack height of its look frame.
  var frame: Int
}
