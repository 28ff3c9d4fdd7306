/// One word of a line for the scope scans: split at spaces, commas, slashes and "&", with
/// whether a clause ends right after it (";" outside parentheses, or a sentence end).
struct LineWord {
  var range: Range<Int>
  /// The word without surrounding brackets, quotes and colons: "(35%)" reads "35%".
  var text: String
  var endsClause: Bool

  static func split(_ line: Line) -> [LineWord] {
    var words: [LineWord] = []
    words.reserveCapacity(line.count / 4)
    var start = -1
    var depth = 0
    func flush(_ end: Int, _ endsClause: Bool) {
      if start >= 0 {
        var from = start
        var to = end
        while from < to, isTrimmed(line.units[from]) { from += 1 }
        while to > from, isTrimmed(line.units[to - 1]) { to -= 1 }
        let text = String(decoding: line.units[from..<to], as: UTF16.self)
        words.append(LineWord(range: start..<end, text: text, endsClause: endsClause))
        start = -1
      } else if endsClause, !words.isEmpty {
        words[words.count - 1].endsClause = true
      }
    }
    var index = 0
    while index < line.count {
      let unit = line.units[index]
      if unit == 0x20 || unit == 0x2C || unit == 0x2F || unit == 0x26 {
        flush(index, false)
      } else if (unit == 0x3B && depth == 0) || line.endsSentence(index) {
        flush(index, true)
      } else {
        if unit == 0x28 { depth += 1 }
        if unit == 0x29 { depth = max(0, depth - 1) }
        if start < 0 { start = index }
      }
      index += 1
    }
    flush(line.count, false)
    return words
  }

  /// Brackets, quotes and colons around a word: ( ) [ ] : " '
  private static func isTrimmed(_ unit: UInt16) -> Bool {
    unit == 0x28 || unit == 0x29 || unit == 0x5B || unit == 0x5D || unit == 0x3A || unit == 0x22
      || unit == 0x27
  }
}
