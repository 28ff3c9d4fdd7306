import Foundation

/// Residual and sanctuary disease: MRD (status, level as a fraction, time point) and CNS
/// status (CNS1-3, "CNS involvement", "no CNS disease", "CSF negative", "blasts in the CSF").
extension FactExtractor {
  static let mrd = Pattern(
    #"\b(?:mrd|minimal\s+residual\s+disease|measurable\s+residual\s+disease)\b(?:\s*\(\s*mrd\s*\))?"#,
    gates: ["mrd", "residual"])
  /// Pieces after "MRD": sign, hyphen, status word, time point, level, fillers.
  static let mrdPieces: [Pattern] = [
    minusSign, joiner,
    Pattern(
      #"\s*\(?\s*(\+|(?:positive|positivity|pos|negative|negativity|neg|detectable|undetectable|not\s+detect(?:ed|able)|detected|persistent|persisting|rising|present|absent|cleared)\b|below\s+(?:the\s+)?(?:level\s+of\s+|limit\s+of\s+)?(?:detection|threshold|quantification)\w*)"#
    ),
    Pattern(#"\s*(?:at\s+|on\s+|by\s+)?(?:the\s+)?("# + timepoint + #")"#),
    Pattern(
      #"\s*\(?\s*(<=|>=|<|>|~|below|less\s+than|under|above|greater\s+than|more\s+than|at\s+least|approximately|about|of)?\s*("#
        + level + #")\s*\)?"#),
    Pattern(
      #"\s*(?:(?:by\s+(?:(?:multi(?:parameter|color|colour)|\d+-?colou?r|eight-colou?r|ten-colou?r)\s+)?(?:flow(?:\s+cytometry)?|fcm|mfc|ngs|next[\s-]generation\s+sequencing|pcr|rq-?pcr|qpcr|rt-?qpcr|clonoseq|ig/tcr(?:\s+pcr)?|ig\s+pcr|high[\s-]throughput\s+sequencing)|was|is|were|remained|remains|became|level|levels|status|assessment|assessed|result|results|of|at|the|testing|measured|evaluated|showed|revealed|still|value|in\s+(?:the\s+)?(?:bone\s+marrow|bm|marrow|peripheral\s+blood|pb|blood)|approximately|about|only|detected|found|achieved|attained|obtained|documented|confirmed)\b|\(\s*[a-z][a-z\s/-]{0,20}\)|[=:(),~])"#
    ),
  ]
  static let mrdUnknown = Pattern(
    #"(?:\s*\w+){0,3}?\s*(?:pending|not\s+(?:yet\s+)?(?:available|done|assessed|evaluable|performed|known)|unavailable|unknown)\b"#
  )
  /// Before "MRD": a time point ("end-of-induction MRD", "day 29 bone marrow showed MRD") and a
  /// status ("no detectable MRD").
  static let mrdBefore = Pattern(
    #"(?:(?:at\s+(?:the\s+)?)?("# + timepoint
      + #")\s*,?\s*(?:(?:bone\s+marrow|bm|marrow|peripheral\s+blood|pb|aspirate|flow|ngs|pcr|evaluation|assessment|examination|showed|revealed|demonstrated|the)\s+){0,4})?(?:\b(no|not|without|undetectable|negative|positive|detectable|persistent|persisting|rising|residual)\s+(?:detectable\s+)?(?:(?:bone\s+marrow|bm|marrow|flow|ngs)\s+)?)?$"#
  )
  /// A second reading after the first: "2 x 10^-2 at the end of induction and 10^-4 after
  /// consolidation".
  static let mrdAgain = Pattern(
    #"\s*,?\s*(?:and|then|but|while|whereas|followed\s+by|later)\s+(?:was\s+|became\s+|to\s+)?"#)
  static let upperBound = [">=", ">", "above", "greater than", "more than", "at least"]

  func readMRD(_ findings: inout FactFindings) {
    let line = findings.line
    for anchor in Self.mrd.matches(in: line) {
      if Self.mrdUnknown.match(in: line, at: anchor.range.upperBound) != nil { continue }
      var from = anchor.range.upperBound
      var read: Pattern.Match?
      if let before = Self.mrdBefore.match(in: line, endingAt: anchor.range.lowerBound, window: 64),
        !before.range.isEmpty
      {
        read = before
      }
      var end = readMRDMention(
        &findings, start: read?.range.lowerBound ?? anchor.range.lowerBound, anchor: anchor.range, from: from,
        before: read)
      // Further readings joined by "and": each is a mention of its own, the last one wins.
      for _ in 0..<3 {
        guard end > from, let again = Self.mrdAgain.match(in: line, at: end) else { break }
        from = again.range.upperBound
        end = readMRDMention(
          &findings, start: from, anchor: from..<from, from: from, before: nil, needsValue: true)
      }
    }
  }

  /// Reads one MRD mention whose words after the anchor begin at `from`; returns where it ends
  /// (`from` when nothing was read).
  private func readMRDMention(
    _ findings: inout FactFindings, start: Int, anchor: Range<Int>, from: Int, before: Pattern.Match?,
    needsValue: Bool = false
  ) -> Int {
    let line = findings.line
    let (stop, hits) = Self.tail(line, from: from, Self.mrdPieces)
    var status: String?
    var levelText: String?
    var levelRange = from..<from
    var comparator = ""
    var when: String?
    var end = from
    for (piece, match) in hits {
      switch piece {
      case 0: status = "negative"
      case 2: status = Self.polarity(match.group(0))
      case 3: when = match.group(0)
      case 4:
        levelText = match.group(1)
        levelRange = match.groupRanges[1] ?? match.range
        comparator = match.group(0) ?? ""
      default: break
      }
      if piece != 5 && piece != 1 { end = match.range.upperBound }
    }
    if needsValue, status == nil, levelText == nil { return from }
    var start = start
    if let before {
      if when == nil, let tp = before.group(0) { when = tp }
      if let word = before.group(1) {
        let negative = ["no", "not", "without", "undetectable", "negative"].contains(word)
        if status == nil || negative { status = negative ? "negative" : "positive" }
      }
      if before.group(0) == nil, before.group(1) == nil { start = anchor.lowerBound }
    }
    var level = Self.mrdLevel(levelText)
    if line.isThreshold(levelRange)
      || (line.isQuestion(at: anchor.lowerBound) && Self.upperBound.contains(comparator))
    {
      level = nil
    }
    if let value = level, status == nil {
      // A level below the usual flow threshold of 10^-4, or written "<", reads as negative.
      let below = comparator.hasPrefix("<") || ["below", "less than", "under"].contains(comparator)
      status = below || value < 0.0001 ? "negative" : "positive"
    }
    guard let status else { return from }
    let span = start..<max(end, anchor.upperBound)
    let mention = findings.newMention()
    findings.add(.mrd, .word(status), span, mention: mention)
    if let level { findings.add(.mrdLevel, .number(level), span, mention: mention) }
    if let when { findings.add(.mrdTimepoint, .word(Self.timepointName(when)), span, mention: mention) }
    return stop
  }

  static let cnsGrade = Pattern(
    #"\bcns\s*-?\s*(?:status\s*)?(?::|of|is|was|=)?\s*(?:cns\s*-?\s*)?([123])[abc]?\b(?!\s*%)"#,
    gates: ["cns"])
  static let cns = Pattern(
    #"\b(?:cns|central\s+nervous\s+system|(?:lepto)?meningeal)\b"#, gates: ["cns", "central", "mening"])
  /// Pieces after "CNS": sign, hyphen, status word, disease noun, fillers.
  static let cnsPieces: [Pattern] = [
    minusSign, joiner,
    Pattern(#"\s*\(?\s*(\+|(?:positive|pos|negative|neg|not\s+involved|uninvolved|involved|clear|free)\b)"#),
    Pattern(
      #"\s*(?:involvement|disease|leuka?emia|infiltration|infiltrates?|lesions?|relapse|localization|metastas\w+|spread)\b"#
    ),
    Pattern(
      #"\s*(?:(?:was|is|were|status|also|at\s+(?:diagnosis|presentation)|by\s+(?:csf|lp|mri|imaging|cytospin|cytology|flow\s+cytometry))\b|:)"#
    ),
  ]
  static let cnsTopic = Pattern(
    #"\s*(?:risk|prophylaxis|directed|penetration|rates?|incidence|therapy|treatment|irradiation)\b"#)
  static let cnsCue = Pattern(
    #"\b(?:with|has|had|have|known|presence\s+of|developed|showed|revealed|confirmed|isolated|and)\s+(?:an?\s+)?(?:isolated\s+)?$"#
  )
  static let csf = Pattern(
    #"\b(?:csf|cerebrospinal\s+fluid|spinal\s+fluid|lumbar\s+puncture|lp)\b"#,
    gates: ["csf", "cerebro", "spinal", "lumbar", "lp"])
  static let csfPieces: [Pattern] = [
    Pattern(
      #"\s*(?:negative|neg|clear|normal|unremarkable|free\s+of\s+(?:leuka?emic\s+|malignant\s+)?(?:blasts|cells|disease)|without\s+(?:leuka?emic\s+)?blasts|no\s+(?:evidence\s+of\s+)?(?:leuka?emic\s+|malignant\s+)?(?:blasts|lymphoblasts|cells|disease|involvement)|not\s+involved|uninvolved)\b"#
    ),
    Pattern(
      #"\s*(?:\+|(?:positive|pos|involved|involvement|with\s+(?:leuka?emic\s+)?blasts|contained\s+blasts|infiltrat\w+|(?:leuka?emic\s+|malignant\s+)?(?:blasts|lymphoblasts))\b)"#
    ),
    Pattern(
      #"\s*(?:(?:was|were|is|cytology|cytospin|examination|analysis|studies|study|exam|evaluation|findings|showed|shows|show|revealed|reveals|demonstrated|contained|contains|had|has|\d+\s*(?:wbc|cells|white\s+cells|leu[ck]ocytes)?\s*(?:/\s*(?:ul|mm3|mcl|hpf))?|by\s+flow(?:\s+cytometry)?|flow\s+cytometry|at\s+(?:diagnosis|presentation)|and|also)\b|[:()])"#
    ),
  ]
  static let blastsInCSF = Pattern(
    #"(\bno\s+)?(?:leuka?emic\s+)?(?:blasts|lymphoblasts)\s+(?:(?:were|was|are)\s+)?(?:also\s+)?(?:(?:seen|found|detected|identified|present)\s+)?in\s+(?:the\s+)?$"#
  )

  func readCNS(_ findings: inout FactFindings) {
    let line = findings.line
    for match in line.hasDigit ? Self.cnsGrade.matches(in: line) : [] {
      let grade = match.group(0) ?? "1"
      findings.add(.cns, .word(grade == "1" ? "negative" : "positive"), match.range)
    }
    for anchor in Self.cns.matches(in: line) where !findings.isClaimed(anchor.range) {
      let (_, hits) = Self.tail(line, from: anchor.range.upperBound, Self.cnsPieces)
      var status: String?
      var noun = false
      var relapse = false
      for (piece, match) in hits {
        if piece == 0 { status = "negative" }
        if piece == 2 { status = Self.polarity(match.group(0)) }
        if piece == 3 {
          noun = true
          relapse = relapse || match.text.contains("relapse")
        }
      }
      let end = Self.end(of: hits, fillers: [1, 4], from: anchor.range.upperBound)
      if Self.cnsTopic.match(in: line, at: end) != nil { continue }
      var start = anchor.range.lowerBound
      if let cue = line.cue(before: start), cue.polarity == "negative" || status == nil {
        status = cue.polarity
        start = cue.at
      }
      if status == nil, noun {
        let cued = Self.cnsCue.match(in: line, endingAt: start, window: 24) != nil
        // "CNS relapse" is a topic ("prevention of CNS relapse") unless it happened to someone.
        if cued || (!relapse && !line.isQuestion(at: start)) { status = "positive" }
      }
      guard let status, end > anchor.range.upperBound || start < anchor.range.lowerBound else { continue }
      findings.add(.cns, .word(status), start..<max(end, anchor.range.upperBound))
    }
    for anchor in Self.csf.matches(in: line) {
      let (_, hits) = Self.tail(line, from: anchor.range.upperBound, Self.csfPieces)
      var status: String?
      if let first = hits.first(where: { $0.0 < 2 }) { status = first.0 == 0 ? "negative" : "positive" }
      var start = anchor.range.lowerBound
      if status == nil, let before = Self.blastsInCSF.match(in: line, endingAt: start, window: 48) {
        status = before.group(0) == nil ? "positive" : "negative"
        start = before.range.lowerBound
      }
      guard let status else { continue }
      findings.add(
        .cns, .word(status), start..<Self.end(of: hits, fillers: [2], from: anchor.range.upperBound))
    }
  }
}
