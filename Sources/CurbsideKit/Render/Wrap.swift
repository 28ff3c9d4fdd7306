/// Greedy word wrapping with a hanging indent.
enum Wrap {
  /// True when `text` is non-empty, has no newline, no leading, trailing or double space.
  static func isSingleSpaced(_ text: String) -> Bool {
    var previous: UInt8 = 0x20
    for byte in text.utf8 {
      if byte == 0x0A || (byte == 0x20 && previous == 0x20) { return false }
      previous = byte
    }
    return previous != 0x20
  }

  /// `text` wrapped to `width` columns; the first line starts with `first`, the rest with `rest`.
  static func lines(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
    // Fits on one line with single spaces already: nothing to split (JSON's unwrapped text).
    if first.utf8.count + text.utf8.count <= width, isSingleSpaced(text) {
      return [first + text]
    }
    var lines: [String] = []
    var current = first
    var currentWidth = first.count
    var empty = true
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
      let length = word.count
      if !empty, currentWidth + 1 + length > width {
        lines.append(current)
        current = rest
        currentWidth = rest.count
        empty = true
      }
      if !empty {
        current += " "
        currentWidth += 1
      }
      current += word
      currentWidth += length
      empty = false
    }
    if !empty || lines.isEmpty { lines.append(current) }
    return lines
  }
}
