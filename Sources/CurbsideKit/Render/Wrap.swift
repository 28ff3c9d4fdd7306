/// Greedy word wrapping with a hanging indent.
enum Wrap {
  /// True when `text` is non-empty, has no newline, no leading, trailing or double space.
  static func isSingleSpaced(_ text: String) -> Bool {
    var copy = text
    return copy.withUTF8(ByteScan.isSingleSpaced)
  }

  /// True when `text` fits on one line after `first` as it is: nothing to split.
  static func fitsAsIs(_ text: String, width: Int, first: String) -> Bool {
    first.utf8.count + text.utf8.count <= width && isSingleSpaced(text)
  }

  /// `text` wrapped to `width` columns; the first line starts with `first`, the rest with `rest`.
  static func lines(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
    // Fits on one line with single spaces already: nothing to split (JSON's unwrapped text).
    if fitsAsIs(text, width: width, first: first) { return [first + text] }
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

  /// Appends the lines of `lines(text, ...)` to `out`, each followed by a newline.
  static func append(_ text: String, width: Int, first: String = "", rest: String = "", to out: inout String)
  {
    if fitsAsIs(text, width: width, first: first) {
      out += first
      out += text
      out += "\n"
      return
    }
    for line in lines(text, width: width, first: first, rest: rest) {
      out += line
      out += "\n"
    }
  }
}
