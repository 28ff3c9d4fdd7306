extension NormalizedText {
  /// The index of the first token of a board-review stem's lettered options, as in "which of
  /// the following ... (a) 10 (b) 30": the token "a" written as "(a)" or "a)", followed later by a
  /// "b" written the same way. Nil when the line lists no options.
  var optionsStart: Int? {
    // Nearly every line has no ")": no scalar array for those.
    guard folded.utf8.contains(UInt8(ascii: ")")) else { return nil }
    let scalars = Array(folded.unicodeScalars)
    /// True when the token is the single letter `letter` closed by ")" in the folded text.
    func isMarker(_ token: Token, _ letter: String) -> Bool {
      token.text == letter && token.span.upperBound < scalars.count
        && scalars[token.span.upperBound] == ")"
    }
    guard let first = tokens.firstIndex(where: { isMarker($0, "a") }),
      tokens[(first + 1)...].contains(where: { isMarker($0, "b") })
    else { return nil }
    return first
  }
}
