extension NormalizedText {
  /// The token indices of a true/false stem's setting: "True or false: in UKALL XII/E2993, <the
  /// claim>" names the study or group the claim comes from in an opening "in ...," clause. Nil
  /// when the line is not a true/false stem, or the clause is missing or longer than
  /// `settingLength` tokens.
  var trueFalseSetting: Range<Int>? {
    let words = tokens.map(\.text)
    guard words.count > 5, Array(words.prefix(3)) == ["true", "or", "false"], words[3] == "in"
    else { return nil }
    let scalars = Array(folded.unicodeScalars)
    for index in 4..<min(words.count, 4 + Self.settingLength) {
      let end = tokens[index].span.upperBound
      if end < scalars.count, scalars[end] == "," { return 3..<(index + 1) }
    }
    return nil
  }

  /// The longest setting clause, in tokens after "in": 6 covers "in UKALL XII/ECOG E2993" and
  /// "in the Berry meta-analysis"; a longer clause is part of the claim.
  static let settingLength = 6
}
