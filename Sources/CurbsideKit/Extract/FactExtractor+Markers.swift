import Foundation

/// CD20 (status and percentage; 20% or more is positive) and the Philadelphia chromosome
/// (Ph, BCR::ABL1, t(9;22); Ph-like apart), with attached signs ("CD20-", "Ph+"), words
/// ("BCR-ABL1 negative"), and cues over lists ("negative for CD19, CD20 and CD34").
extension FactExtractor {
  static let cd20 = Pattern(
    #"\bcd\s?-?20\b(?!\s*[-/]?\s*(?:directed|targeted|targeting|antibod\w+|monoclonal|mab|bispecific|car\b|therapy))"#,
    gates: ["cd"])
  static let antiBefore = Pattern(#"\banti\s*-?\s*$"#)
  /// Pieces after "CD20": sign, hyphen, word sign, strength, percentage, fillers.
  static let cd20Pieces: [Pattern] = [
    minusSign, joiner,
    Pattern(
      #"\s*\(?\s*(\+|\(\+\)|\(-\)|pos(?:itive|itivity)?\b|neg(?:ative|ativity)?\b|not\s+(?:expressed|detected)\b|absent\b|detected\b)\s*\)?"#
    ),
    Pattern(
      #"\s*(?:dim|partial(?:ly)?|weak(?:ly)?|heterogeneous|variable|bright|strong(?:ly)?|low|moderate)\b"#),
    Pattern(
      #"\s*\(?\s*("# + comparator
        + #")?\s*(\d{1,3}(?:\.\d+)?)\s*%(?:\s*of\s+(?:the\s+)?(?:leukemic\s+|malignant\s+)?(?:lymphoblasts|blasts|cells|b[\s-]?cells|events)\b)?\s*\)?"#
    ),
    Pattern(
      #"\s*(?:(?:expression|expressed|status|antigen|was|is|were|by\s+flow(?:\s+cytometry)?|level|in|on|of|at|observed|seen|noted|found|approximately|about|only|just)\b|[:=(~])"#
    ),
  ]
  static let cd20PercentBefore = Pattern(
    #"\b(\d{1,3}(?:\.\d+)?)\s*%\s*(?:of\s+(?:the\s+)?(?:leukemic\s+|malignant\s+)?(?:blasts|lymphoblasts|cells|b[\s-]?cells)\s+)?(?:(?:were|was|are|is)\s+)?(?:(?:positive\s+for|expressed|expressing|express)\s+)?(?:surface\s+)?$"#
  )
  /// "dim CD20", "partial CD20 expression": expressed, if weakly.
  static let strengthBefore = Pattern(#"\b(?:dim|partial|weak|bright|heterogeneous|variable)\s+$"#)
  static let negatorBefore = Pattern(#"\b(?:not|no|non|never)\s*-?\s*$"#)
  /// A finding verb before a named marker: "cytogenetics identified the Philadelphia
  /// chromosome", "FISH did not show BCR::ABL1". Group: a negation.
  static let findingVerbBefore = Pattern(
    #"\b(not\s+|never\s+)?(?:identif(?:y|ied)|detect(?:ed)?|show(?:ed|s)?|reveal(?:ed|s)?|demonstrat(?:e|ed|es)|confirm(?:ed|s)?|f(?:ind|ound)|harbou?r(?:ed|s|ing)?|carr(?:y|ied|ies|ying))\s+(?:an?\s+|the\s+)?$"#
  )

  func readCD20(_ findings: inout FactFindings) {
    let line = findings.line
    let anchors = Self.cd20.matches(in: line)
    guard !anchors.isEmpty else { return }
    for anchor in anchors {
      if Self.antiBefore.match(in: line, endingAt: anchor.range.lowerBound, window: 8) != nil { continue }
      let (_, hits) = Self.tail(line, from: anchor.range.upperBound, Self.cd20Pieces)
      var start = anchor.range.lowerBound
      var status: String?
      var weak = false
      var percent: Double?
      var bounded = false
      var percentRange = anchor.range
      for (piece, match) in hits {
        switch piece {
        case 0: status = "negative"
        case 2: status = Self.polarity(match.group(0))
        case 3: weak = true
        case 4:
          percent = Self.number(match.group(1))
          percentRange = match.range
          bounded = !["~", "approximately", "about", nil].contains(match.group(0))
        default: break
        }
      }
      if percent == nil, let before = Self.cd20PercentBefore.match(in: line, endingAt: start, window: 48) {
        percent = Self.number(before.group(0))
        start = before.range.lowerBound
        percentRange = before.range
      }
      let threshold = line.isThreshold(percentRange) || (bounded && line.isQuestion(at: start))
      if let value = percent, value <= 100, !threshold {
        // Trials define CD20-positive as at least 20% of blasts (statement
        // therapy.rituximab.cd20-definition), so a bare percentage decides the status.
        if !bounded { status = value >= 20 ? "positive" : "negative" }
      } else {
        percent = nil
      }
      if status == "positive", let negator = Self.negatorBefore.match(in: line, endingAt: start, window: 8) {
        status = "negative"
        start = negator.range.lowerBound
      }
      if status == nil, Self.strengthBefore.match(in: line, endingAt: start, window: 16) != nil {
        weak = true
      }
      var end = max(
        Self.end(of: hits, fillers: [1, 5], from: anchor.range.upperBound), anchor.range.upperBound)
      if status == nil, let cue = line.cue(before: anchor.range.lowerBound, isItem: Line.isMarkerWord) {
        status = cue.polarity
        start = min(start, cue.at)
      } else if status == nil, let cue = line.cue(after: anchor.range.upperBound, isItem: Line.isMarkerWord) {
        status = cue.polarity
        end = cue.at
      } else if status == nil, weak {
        status = "positive"
      }
      guard let status else { continue }
      let span = start..<end
      let mention = findings.newMention()
      findings.add(.cd20, .word(status), span, mention: mention)
      if let percent, !bounded { findings.add(.cd20Percent, .number(percent), span, mention: mention) }
    }
  }

  static let phLike = Pattern(
    #"\b(?:ph|philadelphia)\s*-?\s*like\b|\bbcr\s*(?:::|-|/)?\s*abl1?\s*-?\s*like\b"#, gates: ["like"])
  static let ph = Pattern(
    #"\b(?:ph(?![a-z0-9])|philadelphia(?:\s+chromosome)?|bcr\s*(?:::|:|-|/|\s)?\s*abl1?\b|t\s*\(\s*9\s*;\s*22\s*\)(?:\s*\(\s*q34[^)]{0,12}\))?)"#,
    gates: ["ph", "bcr", "9;22", "9 ;"])
  static let phPieces: [Pattern] = [
    minusSign, joiner,
    Pattern(
      #"\s*\(?\s*(\+|\(\+\)|\(-\)|pos(?:itive|itivity)?\b|neg(?:ative|ativity)?\b|not\s+(?:detected|identified|found|present|seen)\b|undetectable\b|detected\b|present\b|identified\b|found\b|confirmed\b|absent\b|excluded\b|ruled\s+out\b)\s*\)?"#
    ),
    Pattern(
      #"\s*(?:(?:chromosome|fusion(?:\s+gene)?|gene|transcripts?|rearrangement|translocation|p190|p210|p230|e1a2|b2a2|b3a2|minor|major|m-bcr)\b|\(\s*p\d{3}\s*\))"#
    ),
    Pattern(
      #"\s*(?:(?:status|was|were|is|also|assay|test(?:ing)?|screen(?:ing)?|analysis|result|by\s+(?:fish|rt-?q?pcr|q?pcr|karyotyp\w+|cytogenetics|conventional\s+cytogenetics|ngs|rna-?seq\w*)|on\s+fish|type)\b|[:()])"#
    ),
  ]
  /// A disease noun right after the marker: "BCR::ABL1 ALL", "t(9;22) B-ALL".
  static let diseaseAfter = Pattern(#"\s*-?\s*(?:b[\s-]*)?(?:all\b|acute|leuk|lymphoblastic|disease\b)"#)

  func readPh(_ findings: inout FactFindings) {
    let line = findings.line
    for match in Self.phLike.matches(in: line) {
      if Self.negatorBefore.match(in: line, endingAt: match.range.lowerBound, window: 8) != nil {
        findings.claim(match.range)
        continue
      }
      let mention = findings.newMention()
      findings.add(.phLike, .word("true"), match.range, mention: mention)
      findings.add(.subtype, .word("ph-like"), match.range, rank: 2, mention: mention)
    }
    let anchors = Self.ph.matches(in: line).filter { !findings.isClaimed($0.range) }
    guard !anchors.isEmpty else { return }
    for anchor in anchors {
      let (_, hits) = Self.tail(line, from: anchor.range.upperBound, Self.phPieces)
      var status: String?
      var named = anchor.text.hasPrefix("t") || anchor.text.contains("chromosome")
      for (piece, match) in hits {
        switch piece {
        case 0: status = "negative"
        case 2: status = Self.polarity(match.group(0))
        case 3: named = true
        default: break
        }
      }
      var end = Self.end(of: hits, fillers: [1, 4], from: anchor.range.upperBound)
      var start = anchor.range.lowerBound
      // "not Ph+", "non-Ph ALL", "no t(9;22)"
      if let negator = Self.negatorBefore.match(in: line, endingAt: start, window: 8) {
        status = "negative"
        start = negator.range.lowerBound
      }
      if status == nil, named, let verb = Self.findingVerbBefore.match(in: line, endingAt: start, window: 32)
      {
        status = verb.group(0) == nil ? "positive" : "negative"
        start = verb.range.lowerBound
      }
      if status == nil, let cue = line.cue(before: start, isItem: Line.isGeneWord) {
        status = cue.polarity
        start = cue.at
      } else if status == nil, let cue = line.cue(after: end, isItem: Line.isGeneWord) {
        status = cue.polarity
        end = cue.at
      }
      if status == nil, !anchor.text.hasPrefix("ph") {
        // "BCR::ABL1 ALL" names the disease; a bare "t(9;22)" or "p190 transcript" in a report
        // states the finding; in a question it is only a topic.
        if Self.diseaseAfter.match(in: line, at: end) != nil
          || (named && !line.isQuestion(at: anchor.range.lowerBound)
            && !line.isAboutThresholds(at: anchor.range.lowerBound))
        {
          status = "positive"
        }
      }
      guard let status else { continue }
      findings.add(.ph, .word(status), start..<max(end, anchor.range.upperBound))
    }
  }
}
