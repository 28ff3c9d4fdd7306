import Foundation

/// Counts and scores read next to the word that names them: the white count in any unit
/// (normalised to x10^9/L), the ECOG performance status, and the time to complete remission.
extension FactExtractor {
  static let wbcAnchor = Pattern(
    #"\b(?:wbc|wcc|tlc|white\s+(?:blood\s+)?(?:cells?\s+)?(?:count|cells?)|white\s+count|total\s+leu[ck]ocyte\s+count|leu[ck]ocytes?(?:\s+count)?|(?:hyper)?leu[ck]ocytosis)(?:\s*\(\s*(?:wbc|tlc|wcc)\s*\))?"#,
    gates: ["wbc", "wcc", "tlc", "white", "leu"])
  /// The words between the anchor and the number: "count was elevated at", "of approximately".
  static let wbcFiller =
    #"(?:\s*(?:(?:counts?|of|was|were|is|at|approximately|approx|about|around|elevated|increased|raised|markedly|high|measured|showed|revealed|rose|rising|to|fell|dropped|decreased|on\s+admission|at\s+(?:initial\s+)?(?:diagnosis|presentation|admission|relapse)|on\s+presentation|initial(?:ly)?|in\s+(?:the\s+)?peripheral\s+blood|reached|found|be|had|been|reported|as)\b\.?|[=:~(]))*\s*"#
  /// The number and its unit. Groups: number, "k", exponent, "G/L", per-volume.
  static let wbcValue =
    #"(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:\s\d{3})+(?=\s*(?:/|cells|per))|\d{1,3}(?:\.\d{3})+(?=\s*(?:/|cells))|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)?)\s*(k\b|thousand\b)?\s*(?:(?:x|\*)\s*10\s*(?:\^|e|\*\*)?\s*\(?\s*(\d)\s*\)?|(g\s*/\s*l|gpt\s*/\s*l|/\s*nl)\b)?\s*(?:(?:cells\s*)?/\s*(ul|mm3|mm\^3|mcl|cumm|cmm|cu\s*mm|microliter|l|liter|litre)\b)?"#
  static let wbcAfter = Pattern(wbcFiller + wbcValue)
  /// A correction right after the value: "150, corrected to 15 x10^9/L". Same groups.
  static let wbcCorrected = Pattern(
    #"\s*[,;]?\s*(?:(?:later|since|then|and)\s+)?(?:corrected|revised|amended|changed)\s+to\s+"# + wbcValue)
  /// The number before the anchor: "45k WBC", "45,000/µL leukocytes".
  static let wbcBefore = Pattern(#"\b"# + wbcValue + #"\s*$"#)
  /// A cerebrospinal fluid count is not the blood count.
  static let csfWord = Pattern(#"\b(?:csf|cerebrospinal|spinal\s+fluid|lumbar\s+puncture|cytospin)\b"#)
  static let csfAfter = Pattern(#"\s*(?:in|of)\s+(?:the\s+)?(?:csf|cerebrospinal|spinal)"#)

  func readWBC(_ findings: inout FactFindings) {
    let line = findings.line
    for anchor in Self.wbcAnchor.matches(in: line) {
      if var match = Self.wbcAfter.match(in: line, at: anchor.range.upperBound), match.group(0) != nil {
        if let corrected = Self.wbcCorrected.match(in: line, at: match.range.upperBound),
          corrected.group(0) != nil
        {
          match = corrected
        }
        addWBC(&findings, match, anchor.range.lowerBound..<match.range.upperBound)
      } else if let match = Self.wbcBefore.match(in: line, endingAt: anchor.range.lowerBound, window: 32),
        !match.range.isEmpty
      {
        addWBC(&findings, match, match.range.lowerBound..<anchor.range.upperBound)
      }
    }
  }

  private func addWBC(_ findings: inout FactFindings, _ match: Pattern.Match, _ span: Range<Int>) {
    let line = findings.line
    guard !findings.isClaimed(span), let raw = match.group(0) else { return }
    if Self.csfWord.occurs(in: line, line.clauseStart(before: span.lowerBound)..<span.lowerBound) { return }
    if Self.csfAfter.match(in: line, at: span.upperBound) != nil { return }
    guard
      let value = Self.wbcValue(
        raw, thousands: match.group(1) != nil, exponent: match.group(2),
        perLitreG: match.group(3) != nil, volume: match.group(4))
    else { return }
    findings.add(.wbc, .number(value), span)
  }

  /// The lengths of the runs of ASCII digits that `text` is made of, split at `separator`, or
  /// nil when anything else occurs or a run is empty ("12,400" gives [2, 3]).
  static func digitGroups(_ text: String, separator: UInt8) -> [Int]? {
    var groups = [0]
    for byte in text.utf8 {
      if byte == separator {
        guard groups[groups.count - 1] > 0 else { return nil }
        groups.append(0)
      } else if byte >= 0x30, byte <= 0x39 {
        groups[groups.count - 1] += 1
      } else {
        return nil
      }
    }
    return groups[groups.count - 1] > 0 ? groups : nil
  }

  /// A white count in x10^9/L from its number and unit, or nil when implausible.
  static func wbcValue(_ raw: String, thousands: Bool, exponent: String?, perLitreG: Bool, volume: String?)
    -> Double?
  {
    // "12,4 G/L" is 12.4 written the European way; "12,400" is twelve thousand four hundred.
    let commaGroups = digitGroups(raw, separator: UInt8(ascii: ","))
    let decimalComma = commaGroups.map { $0.count == 2 && $0[1] <= 2 } ?? false
    var text = raw.replacingOccurrences(of: ",", with: decimalComma ? "." : "")
      .replacingOccurrences(of: " ", with: "")
    let volume = (volume ?? "").replacingOccurrences(of: " ", with: "")
    let perMicrolitre = !volume.isEmpty && volume != "l" && volume != "liter" && volume != "litre"
    // "45.000/µL" is 45,000 written the European way.
    if perMicrolitre, let groups = digitGroups(text, separator: UInt8(ascii: ".")), groups.count >= 2,
      groups[0] <= 3, groups.dropFirst().allSatisfy({ $0 == 3 })
    {
      text = text.replacingOccurrences(of: ".", with: "")
    }
    guard var value = Double(text) else { return nil }
    if thousands {
      // 45k or 45 K/µL: thousands per µL, which is x10^9/L.
    } else if let exponent, let e = Double(exponent) {
      let perLitre = volume.isEmpty ? e >= 6 : !perMicrolitre
      value *= pow10(perLitre ? e - 9 : e - 3)
    } else if perLitreG {
      // G/L and /nL are x10^9/L.
    } else if perMicrolitre || value >= 1000 {
      value /= 1000
    }
    guard value >= 0.05, value <= 2000 else { return nil }
    return (value * 100).rounded() / 100
  }

  static let ecog = Pattern(
    #"\b(?:ecog|zubrod|who\s+ps|ps|performance\s+status|performance\s+score)\b(?:\s*-?\s*(?:\(\s*ecog\s*\)|ecog\b|ps\b|performance\s+status\b|score\b|grade\b|of\b|is\b|was\b|=|:))*\s*([0-4])\b(?!\s*(?:-|to|or|/)\s*\d)(?!\.\d)(?!\s*%)"#,
    gates: ["ecog", "zubrod", "ps", "performance"])

  func readECOG(_ findings: inout FactFindings) {
    for match in Self.ecog.matches(in: findings.line) where !findings.isClaimed(match.range) {
      if let value = Self.number(match.group(0)) { findings.add(.ecog, .number(value), match.range) }
    }
  }

  /// The time to CR. Groups: week number, count, unit, day number.
  static let crWhen =
    #"(?:after|at|in|by|within|on)\s+(?:(?:week|wk)\s+(\d{1,2})|(\d{1,3})\s*(weeks?|wks?|days?)|day\s+(\d{1,3}))\b"#
  static let crState =
    #"(?:cr1?|complete\s+(?:ha?ematologic(?:al)?\s+|morphologic(?:al)?\s+)?(?:remission|response)|remission)"#
  static let timeToCR: [Pattern] = [
    Pattern(
      #"\b(?:(?:achieved|achieves|reached|reaches|attained|attains|obtained|achieving|reaching|attaining)\s+(?:a\s+)?(?:mrd[\s-]*negative\s+|morphologic(?:al)?\s+|hematologic(?:al)?\s+)?"#
        + crState + #"|"# + crState + #"\s+(?:was\s+)?(?:achieved|reached|attained|obtained))\s+"# + crWhen,
      gates: ["week", "wk", "day"]),
    Pattern(
      #"\b"# + crState
        + #"\s+(?:after|at|in|by|within)\s+(?:(?:week|wk)\s+(\d{1,2})|(\d{1,3})\s*(weeks?|wks?))\b()"#,
      gates: ["week", "wk"]),
    Pattern(
      #"\btime\s+to\s+"# + crState + #"\s*(?:of|was|:|=)?\s*()(\d{1,3})\s*(weeks?|wks?|days?)\b()"#,
      gates: ["week", "wk", "day"]),
    Pattern(
      #"\b()(\d{1,2})\s*(weeks?|wks?)\s+to\s+(?:achieve\s+|reach\s+)?"# + crState + #"\b()"#,
      gates: ["week", "wk"]),
  ]

  func readTimeToCR(_ findings: inout FactFindings) {
    for pattern in Self.timeToCR {
      for match in pattern.matches(in: findings.line) where !findings.isClaimed(match.range) {
        var weeks: Double?
        if let week = Self.number(match.group(0)) {
          weeks = week
        } else if let count = Self.number(match.group(1)) {
          weeks = (match.group(2) ?? "").hasPrefix("d") ? count / 7 : count
        } else if let day = Self.number(match.group(3)) {
          weeks = day / 7
        }
        guard let weeks, weeks > 0, weeks <= 52 else { continue }
        findings.add(.timeToCR, .number((weeks * 10).rounded() / 10), match.range)
      }
    }
  }
}
