/// Scope scans: the polarity a cue gives a mention across a list of like mentions, as in
/// "negative for CD19, CD10 and CD20" or "BCR::ABL1 and KMT2A rearrangements were not detected".
extension Line {
  /// The polarity ("positive" or "negative") a cue before the mention at `start` gives it,
  /// reaching back over fillers and over `items` (like mentions that carry no polarity).
  func cueBefore(_ start: Int, items: [Range<Int>] = [], isItem: (String) -> Bool = { _ in false }) -> String?
  {
    cue(before: start, items: items, isItem: isItem)?.polarity
  }

  /// The cue before the mention at `start`: its polarity and where the cue's words begin.
  func cue(
    before start: Int, items: [Range<Int>] = [], isItem: (String) -> Bool = { _ in false }
  ) -> (polarity: String, at: Int)? {
    let words = self.words
    guard var index = words.lastIndex(where: { $0.range.upperBound <= start }) else { return nil }
    var following = ""
    // After "or", the words of the earlier item are skipped: "no fever, mass or CNS disease".
    var loose = 0
    for _ in 0..<16 {
      guard index >= 0 else { return nil }
      let word = words[index]
      if word.endsClause { return nil }
      let text = word.text
      if isItem(text) || items.contains(where: { $0.overlaps(word.range) }) {
        following = ""
        index -= 1
        continue
      }
      if Self.negativeBefore.contains(text) { return ("negative", word.range.lowerBound) }
      if text == "negative" || text == "neg" {
        return following == "for" ? ("negative", word.range.lowerBound) : nil
      }
      if text == "positive" || text == "pos" || text == "positivity" {
        return following == "for" ? ("positive", word.range.lowerBound) : nil
      }
      if Self.positiveBefore.contains(text) || (text == "expression" && following == "of") {
        // "did not express CD20", "lack of expression of CD20"
        for back in 1...2 where index - back >= 0 {
          let earlier = words[index - back]
          if earlier.endsClause { break }
          if Self.negativeBefore.contains(earlier.text) || earlier.text == "didnt" {
            return ("negative", earlier.range.lowerBound)
          }
        }
        return ("positive", word.range.lowerBound)
      }
      if text == "or" || text == "nor" {
        loose = 8
      } else if !Self.fillers.contains(text) {
        guard loose > 0, Self.isPlainWord(text) else { return nil }
        loose -= 1
      }
      following = text
      index -= 1
    }
    return nil
  }

  /// The polarity a cue after the mention ending at `end` gives it: "... were negative".
  func cueAfter(_ end: Int, items: [Range<Int>] = [], isItem: (String) -> Bool = { _ in false }) -> String? {
    cue(after: end, items: items, isItem: isItem)?.polarity
  }

  /// The cue after the mention ending at `end`: its polarity and where the cue's words end.
  func cue(
    after end: Int, items: [Range<Int>] = [], isItem: (String) -> Bool = { _ in false }
  ) -> (polarity: String, at: Int)? {
    let words = self.words
    if let own = words.last(where: { $0.range.lowerBound < end }), own.range.upperBound >= end,
      own.endsClause
    {
      return nil
    }
    guard var index = words.firstIndex(where: { $0.range.lowerBound >= end }) else { return nil }
    for _ in 0..<10 {
      guard index < words.count else { return nil }
      let word = words[index]
      let text = word.text
      if isItem(text) || items.contains(where: { $0.overlaps(word.range) }) {
      } else if Self.negativeAfter.contains(text) {
        return ("negative", word.range.upperBound)
      } else if text == "not" || text == "no" || text == "never" {
        guard index + 1 < words.count, Self.positiveAfter.contains(words[index + 1].text) else { return nil }
        return ("negative", words[index + 1].range.upperBound)
      } else if Self.positiveAfter.contains(text) {
        return ("positive", word.range.upperBound)
      } else if !Self.fillersAfter.contains(text) {
        return nil
      }
      if word.endsClause { return nil }
      index += 1
    }
    return nil
  }

  /// A word that may be skipped in a list after "or": letters only, not a cue.
  static func isPlainWord(_ text: String) -> Bool {
    !text.isEmpty && text.utf16.allSatisfy { Line.isLetter($0) || $0 == 0x2D }
      && !positiveAfter.contains(text) && !negativeAfter.contains(text) && text != "with" && text != "but"
  }

  /// A gene or translocation word in a list: "BCR::ABL1", "KMT2A", "(MLL)", "t(4;11)".
  static func isGeneWord(_ text: String) -> Bool {
    geneWords.contains { text.hasPrefix($0) }
  }

  static let geneWords = [
    "bcr", "abl", "kmt2a", "mll", "etv6", "runx1", "tcf3", "pbx1", "crlf2", "p2ry8", "jak2", "ikzf1",
    "tp53", "myc", "igh", "t(", "iamp21", "cdkn2a", "pax5", "dux4", "znf384", "mef2d", "pdgfrb",
    "p190", "p210", "e1a2", "b2a2", "b3a2",
  ]

  /// A flow marker without a sign of its own, in a list: "CD19", "TdT", "HLA-DR".
  static func isMarkerWord(_ text: String) -> Bool {
    guard markerWords.contains(where: { text.hasPrefix($0) }), let last = text.utf16.last else {
      return false
    }
    return Line.isLetter(last) || Line.isDigit(last)
      ? !(text.hasSuffix("pos") || text.hasSuffix("neg") || text.hasSuffix("positive")
        || text.hasSuffix("negative")
        || text.hasSuffix("dim") || text.hasSuffix("bright"))
      : false
  }

  static let markerWords = ["cd", "ccd", "cycd", "tdt", "hla", "mpo", "sig", "kappa", "lambda"]

  static let negativeBefore: Set<String> = [
    "no", "not", "without", "lacking", "lacked", "lacks", "lack", "absence", "absent", "free",
    "denies", "denied", "never", "neither", "nor", "excluded", "non",
  ]
  static let positiveBefore: Set<String> = [
    "expressed", "expressing", "express", "expresses", "coexpressed", "coexpressing",
    "harbored", "harboring", "harbouring", "harboured", "carried", "carrying",
  ]
  static let fillers: Set<String> = [
    "and", "or", "&", "the", "any", "a", "an", "of", "for", "including", "such", "as", "well",
    "both", "either", "evidence", "signs", "history", "known", "significant", "prior",
    "previous", "past", "medical", "detectable", "other", "antigens", "markers", "rearrangements",
    "rearrangement", "fusion", "fusions", "genes", "gene", "mutations", "mutation", "deletion",
    "deletions", "translocation", "translocations", "transcript", "transcripts", "abnormalities",
    "also", "surface", "cytoplasmic", "aberrant", "evident", "apparent", "clinical", "radiologic",
  ]
  static let negativeAfter: Set<String> = [
    "negative", "neg", "absent", "undetectable", "unmutated", "wild-type", "wildtype", "wt",
    "excluded", "undetected", "intact", "unrearranged", "germline",
  ]
  static let positiveAfter: Set<String> = [
    "positive", "pos", "detected", "present", "identified", "found", "expressed", "rearranged",
    "mutated", "deleted", "observed", "demonstrated", "confirmed", "seen", "involved",
  ]
  static let fillersAfter: Set<String> = [
    "and", "or", "&", "were", "was", "is", "are", "all", "both", "also", "by", "fish", "pcr",
    "rt-pcr", "rt-qpcr", "karyotype", "testing", "tests", "studies", "analysis", "cytogenetics",
    "molecular", "rearrangement", "rearrangements", "fusion", "fusions", "gene", "genes",
    "transcript", "transcripts", "serologies", "serology", "each", "likewise", "antigens",
    "markers", "expression", "surface", "antigen", "core", "antibody", "antibodies", "status",
  ]
}
