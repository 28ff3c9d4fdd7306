/// Greedy word wrapping with a hanging indent.
enum Wrap {
  /// `text` wrapped to `width` columns; the first line starts with `first`, the rest with `rest`.
  static func lines(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
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
