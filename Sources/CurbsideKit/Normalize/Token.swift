/// A normalised word of the input, with where it came from in the original line.
public struct Token: Hashable, Sendable {
  /// The normalised text: lower-case ASCII letters and digits.
  public var text: String
  /// Offsets (in Unicode scalars) of the original text this token was read from.
  public var span: Range<Int>
  /// The text before lexicon rewriting and typo correction, when different.
  public var original: String?

  public init(text: String, span: Range<Int>, original: String? = nil) {
    self.text = text
    self.span = span
    self.original = original
  }
}

/// A line after normalisation: a folded copy for fact extraction and the tokens for classification.
public struct NormalizedText: Sendable {
  /// Lower-case text with Unicode folded to ASCII, punctuation kept (for fact extraction).
  public var folded: String
  /// The classification tokens after lexicon, stemming and typo correction.
  public var tokens: [Token]

  /// The tokens joined by spaces: the canonical normalised form.
  public var text: String { tokens.map(\.text).joined(separator: " ") }
}
