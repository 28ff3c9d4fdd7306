/// Turns a raw line into folded text and classification tokens.
public struct Normalizer: Sendable {
  public var lexicon: Lexicon

  public init(lexicon: Lexicon) { self.lexicon = lexicon }

  /// Normalises a line: fold, tokenise, stem, correct typos, rewrite synonyms.
  public func normalize(_ line: String) -> NormalizedText {
    let (folded, raw) = Self.foldAndTokenize(line)
    var tokens = raw
    for index in tokens.indices {
      let stemmed = Self.stem(tokens[index].text)
      if stemmed != tokens[index].text {
        tokens[index].original = tokens[index].text
        tokens[index].text = stemmed
      }
      let word = tokens[index].text
      if !lexicon.vocabulary.contains(word), !lexicon.known.contains(word),
        !word.contains(where: \.isNumber), let corrected = lexicon.typoIndex.correction(for: word)
      {
        tokens[index].original = tokens[index].original ?? word
        tokens[index].text = corrected
      }
    }
    return NormalizedText(folded: folded, tokens: lexicon.rewrite(tokens))
  }

  /// Normalises a term from the data files: as a question, but never typo-corrected.
  public func terms(_ text: String) -> [String] {
    let (_, raw) = Self.foldAndTokenize(text)
    let stemmed = raw.map { Token(text: Self.stem($0.text), span: $0.span) }
    return lexicon.rewrite(stemmed).map(\.text)
  }

  /// Folds Unicode and splits into alphanumeric tokens, keeping scalar offsets.
  static func foldAndTokenize(_ line: String) -> (String, [Token]) {
    var folded = ""
    folded.reserveCapacity(line.utf8.count)
    var tokens: [Token] = []
    var current = ""
    var start = 0
    var offset = 0
    func flush(_ end: Int) {
      if !current.isEmpty {
        tokens.append(Token(text: current, span: start..<end))
        current = ""
      }
    }
    for scalar in line.unicodeScalars {
      defer { offset += 1 }
      // Apostrophes join: "don't" is one word, "ALL's" is "alls".
      if scalar == "'" || scalar == "\u{2019}" || scalar == "`" { continue }
      guard let piece = Folding.fold(scalar) else {
        folded.append(" ")
        flush(offset)
        continue
      }
      folded.append(piece)
      for character in piece.unicodeScalars {
        if ("0"..."9").contains(character) || ("a"..."z").contains(character) {
          if current.isEmpty { start = offset }
          current.unicodeScalars.append(character)
        } else {
          flush(offset)
        }
      }
    }
    flush(offset)
    return (folded, tokens)
  }

  /// A light plural strip: "regimens" → "regimen", never "status" or "analysis".
  static func stem(_ word: String) -> String {
    let utf8 = word.utf8
    guard utf8.count >= 5, word.hasSuffix("s") else { return word }
    for keep in ["ss", "us", "is", "ous", "ys"] where word.hasSuffix(keep) { return word }
    if word.hasSuffix("eries") || word.hasSuffix("ecies") { return word }
    if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
    return String(word.dropLast())
  }
}
