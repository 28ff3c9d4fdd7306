/// Turns a raw line into folded text and classification tokens.
public struct Normalizer: Sendable {
  public var lexicon: Lexicon

  public init(lexicon: Lexicon) { self.lexicon = lexicon }

  /// Normalises a line: fold, tokenise, stem, correct typos, rewrite synonyms.
  public func normalize(_ line: String) -> NormalizedText {
    let (folded, raw) = Self.foldAndTokenize(line)
    var tokens = Self.readingTrailingMinus(raw, in: line)
    for index in tokens.indices {
      let stemmed = Self.stem(tokens[index].text)
      if stemmed != tokens[index].text {
        tokens[index].original = tokens[index].text
        tokens[index].text = stemmed
      }
      let word = tokens[index].text
      if !lexicon.vocabulary.contains(word), !lexicon.known.contains(word),
        !word.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
        let corrected = lexicon.typoIndex.correction(for: word)
      {
        tokens[index].original = tokens[index].original ?? word
        tokens[index].text = corrected
      }
    }
    return NormalizedText(folded: folded, tokens: lexicon.rewrite(tokens))
  }

  /// "Ph-, MRD 10^-3", "CD20- B-ALL": a word written with a trailing minus states a negative
  /// result, so a `negative` token follows it ("ph negative", which the lexicon reads as
  /// Ph-negative) instead of the minus vanishing with the punctuation and "Ph-" reading as "Ph".
  /// A minus joining two words ("hyper-CVAD"), a number ("10^-3", "5- and 10-year") or an arrow
  /// ("induction->maintenance") is not one.
  static func readingTrailingMinus(_ tokens: [Token], in line: String) -> [Token] {
    guard line.utf8.contains(UInt8(ascii: "-")) else { return tokens }
    let scalars = Array(line.unicodeScalars)
    var output: [Token] = []
    output.reserveCapacity(tokens.count + 1)
    for token in tokens {
      output.append(token)
      let end = token.span.upperBound
      guard end < scalars.count, scalars[end] == "-",
        end + 1 == scalars.count || endsResult(scalars[end + 1]),
        token.text.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A })
      else { continue }
      output.append(Token(text: "negative", span: end..<(end + 1), original: "-"))
    }
    return output
  }

  /// What may follow a result's minus: a space or the punctuation that ends a listed result.
  private static func endsResult(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isWhitespace || ",;:.)/".unicodeScalars.contains(scalar)
  }

  /// Normalises a term from the data files: as a question, but never typo-corrected.
  public func terms(_ text: String) -> [String] {
    let (_, raw) = Self.foldAndTokenize(text)
    let stemmed = raw.map { Token(text: Self.stem($0.text), span: $0.span) }
    return lexicon.rewrite(stemmed).map(\.text)
  }

  /// Folds Unicode and splits into alphanumeric tokens, keeping scalar offsets.
  ///
  /// Folding only ever yields ASCII, so the folded text and the tokens are built as bytes; plain
  /// ASCII input (nearly every line) takes a fast path that never calls `Folding.fold`.
  static func foldAndTokenize(_ line: String) -> (String, [Token]) {
    var folded: [UInt8] = []
    folded.reserveCapacity(line.utf8.count)
    var tokens: [Token] = []
    var current: [UInt8] = []
    var start = 0
    var offset = 0
    func flush(_ end: Int) {
      if !current.isEmpty {
        tokens.append(Token(text: String(decoding: current, as: UTF8.self), span: start..<end))
        current.removeAll(keepingCapacity: true)
      }
    }
    func take(_ byte: UInt8) {
      folded.append(byte)
      if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) {  // 0-9, a-z
        if current.isEmpty { start = offset }
        current.append(byte)
      } else {
        flush(offset)
      }
    }
    for scalar in line.unicodeScalars {
      defer { offset += 1 }
      // Apostrophes join: "don't" is one word, "ALL's" is "alls".
      if scalar == "'" || scalar == "\u{2019}" || scalar == "`" { continue }
      let value = scalar.value
      if value < 0x80 {
        // As Folding.fold for ASCII: controls separate, capitals are lower-cased.
        if value < 0x20 || value == 0x7F {
          folded.append(0x20)
          flush(offset)
        } else {
          take(value >= 0x41 && value <= 0x5A ? UInt8(value + 0x20) : UInt8(value))
        }
        continue
      }
      guard let piece = Folding.fold(scalar) else {
        folded.append(0x20)
        flush(offset)
        continue
      }
      for byte in piece.utf8 { take(byte) }
    }
    flush(offset)
    return (String(decoding: folded, as: UTF8.self), tokens)
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
