/// The patterns the fact extractor reads, over folded lower-case text
/// ("≥" is ">=", "⁹" is "9", "µ" is "u", "×" is "x", "⁻" is "-").
extension FactExtractor {
  /// A negation just before a fact: "no", "not", "without", "negative for".
  static let negation = #"(no\s+|not\s+|without\s+|negative\s+for\s+|absent\s+)?"#

  static let ageYears: [Pattern] = [
    Pattern(#"\b(\d{1,3}(?:\.\d)?)\s*-?\s*(?:years?|yrs?|y)\.?\s*-?\s*(?:old\b|o\b|/o\b|\.o\b\.?)"#, gates: ["y"]),
    Pattern(#"\b(?:aged|age of|age|age:)\s*(\d{1,3})\b(?!\s*(?:%|x|k\b|/|mg|months|weeks|days))"#, gates: ["age"]),
    Pattern(#"\b(?:she|he|patient|pt|they)\s+(?:is|was|were|are|be|turns?|becomes?)\s+(?:now\s+|actually\s+)?(\d{1,3})\b(?!\s*(?:%|x|k\b|g/l|/|mg|ul|cells|weeks|days|months|years?\s+(?:of|ago)))"#,
      gates: ["she", "he ", "patient", "pt", "they"]),
    Pattern(#"\bactually\s+(\d{1,3})\b(?!\s*(?:%|x|k\b|/|mg))"#, gates: ["actually"]),
  ]
  static let ageMonths = Pattern(#"\b(\d{1,2})\s*-?\s*(?:months?|mo)\s*-?\s*old\b"#, gates: ["old"])
  static let ageSexShort = Pattern(#"\b(\d{1,3})(?:\s*(?:yo|y/o|y\.o\.?)\s*)?([mf])\b"#)
  static let female = Pattern(#"\b(woman|female|girl|lady|she|her|mother|daughter)\b"#)
  static let male = Pattern(#"\b(man|male|boy|gentleman|he|his|him|father|son)\b"#)

  static let wbcUnit = #"(x\s*10\s*\^?\s*[39]\s*/\s*(?:l|ul|mm3|mcl)|g/l|(?:cells\s*)?/\s*(?:ul|mm3|mcl|l))?"#
  static let wbcPatterns: [Pattern] = [
    Pattern(
      #"(?:wbc|white(?:\s+blood)?(?:\s+cells?)?(?:\s+count)?|leu[ck]ocytes?(?:\s+count)?|leu[ck]ocytosis)\s*(?:count\s*)?(?:of|is|was|=|:|at|~|about|>|>=)?\s*(\d{1,3}(?:[ ,]\d{3})+|\d+(?:\.\d+)?)\s*(k\b|thousand)?\s*"#
        + wbcUnit, gates: ["wbc", "white", "leu"]),
    Pattern(
      #"\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k\b|thousand)?\s*"# + wbcUnit
        + #"\s*(?:wbc|white(?:\s+blood)?(?:\s+cells?)?(?:\s+count)?|leu[ck]ocytes)"#,
      gates: ["wbc", "white", "leu"]),
  ]

  static let polarityGroup = #"(\+|-?\s*pos(?:itive)?\b|-?\s*neg(?:ative)?\b|-(?![\w\d]))?"#
  static let cd20 = Pattern(
    negation + #"\bcd\s?20\s*(?:expression|status)?\s*(?:is|was|:|in)?\s*"# + polarityGroup
      + #"\s*(?:\(?\s*(?:in\s+|on\s+)?(\d{1,3}(?:\.\d+)?)\s*%)?()"#, gates: ["cd"])
  static let cd20Before = Pattern(
    #"\b(\d{1,3}(?:\.\d+)?)\s*%\s*(?:of\s+blasts\s+)?(?:are\s+|were\s+)?cd\s?20"#, gates: ["cd"])
  static let phLike = Pattern(
    #"\b(?:ph|philadelphia)\s*-?\s*like\b|\bbcr\s*-?\s*abl1?\s*-?\s*like\b"#, gates: ["like"])
  static let ph = Pattern(
    negation
      + #"\b(?:ph(?![a-z])|philadelphia(?:\s+chromosome)?|bcr\s*[:\-]*\s*abl1?|t\s*\(\s*9\s*;\s*22\s*\))\s*(?:status|chromosome|fusion)?\s*(?:is|:)?\s*"#
      + #"(\+|-?\s*pos(?:itive)?\b|-?\s*neg(?:ative)?\b|-(?!\s*like)(?![\w\d]))?(\s*(?:rearranged|detected|present))?"#,
    gates: ["ph", "bcr", "9;22", "9 ;"])
  static let burkitt = Pattern(
    #"(?<!not\s)(?<!no\s)\b(?:burkitt|mature\s*b(?:[\s-]*cell)?[\s-]*(?:all\b|leuk|acute)|surface\s+(?:ig|immunoglobulin)\s*(?:\+|pos)|sig\s*\+|fab\s*l3\b|t\s*\(\s*8\s*;\s*14\s*\))"#,
    gates: ["burkitt", "mature", "surface", "sig", "l3", "8;14"])
  static let precursor = Pattern(
    #"\b(?:precursor[\s-]*b|b[\s-]*precursor|pre[\s-]*b\b|b[\s-]*lymphoblastic|bcp[\s-]*all|b[\s-]*cell\s+precursor|tdt\s*(?:\+|pos))"#,
    gates: ["precursor", "pre", "lymphoblastic", "bcp", "tdt"])
  static let tcell = Pattern(
    #"\bt[\s-]*(?:cell\s+)?all\b|\bt[\s-]*lymphoblastic|\bt[\s-]*cell\s+acute"#, gates: ["t"])
  static let cns = Pattern(
    negation + #"\b(?:with\s+|has\s+|had\s+|known\s+)?cns\s*(?:status\s*)?(?::|is)?\s*"# + polarityGroup
      + #"\s*(?:([123])\b)?(\s*(?:disease|involvement)(?!\s+(?:is|at)))?"#, gates: ["cns"])

  static let mrd = Pattern(
    #"(no\s+|not\s+|without\s+|undetectable\s+)?\bmrd\s*(?:status\s*)?(?:is|was|of|:|at|=)?\s*"#
      + #"(\+|-?\s*pos(?:itive)?\b|-?\s*neg(?:ative)?\b|detectable|undetectable|persistent|rising|-(?![\w\d]))?"#
      + #"\s*(?:level\s*)?(?:of|at|=|:)?\s*(<=|>=|<|>|~)?\s*((?:\d+(?:\.\d+)?\s*(?:x\s*)?)?(?:10\s*\^?\s*-\s*\d|1?e\s*-\s*\d)|\d+(?:\.\d+)?\s*%)?"#,
    gates: ["mrd"])
  static let timepoint = Pattern(
    #"\b(?:after|end\s+of|post[\s-]?)\s*(?:induction|consolidation|cycle\s*\d|course\s*\d)\b|\bday\s*\d{1,2}\b"#,
    gates: ["induction", "consolidation", "cycle", "course", "day"])

  static let ecog = Pattern(
    #"\b(?:ecog|zubrod|who\s+ps|performance\s+status|ps)\s*(?:ps|performance\s+status)?\s*(?:of|is|=|:)?\s*([0-4])\b"#,
    gates: ["ecog", "zubrod", "ps", "performance"])
  static let fitness = Pattern(
    #"(not\s+|isnt\s+|is\s+not\s+)?\b(fit|unfit|frail|medically\s+fit)\b"#, gates: ["fit", "frail"])
  static let comorbidity = Pattern(
    #"\b(heart\s+failure|cardiac\s+failure|cirrhosis|renal\s+failure|ckd|copd|dementia|coronary\s+artery\s+disease|myocardial\s+infarction|stroke)\b"#)

  static let genetics: [(Pattern, String)] = [
    (Pattern(negation + #"\b(?:kmt2a|mll)(?:\s*-?\s*(?:r\b|rearranged|rearrangement|af4))?|\bt\s*\(\s*4\s*;\s*11\s*\)"#,
      gates: ["kmt2a", "mll", "4;11"]), "KMT2A-rearranged"),
    (Pattern(negation + #"\b(?:low\s+hypodiploid\w*|near[\s-]*haploid\w*)"#, gates: ["ploid"]), "low hypodiploidy"),
    (Pattern(negation + #"\bnear[\s-]*triploid\w*"#, gates: ["triploid"]), "near-triploidy"),
    (Pattern(negation + #"\bcomplex\s+(?:karyotype|cytogenetics)"#, gates: ["complex"]), "complex karyotype"),
    (Pattern(negation + #"\btp\s?53\b"#, gates: ["tp"]), "TP53"),
    (Pattern(negation + #"\bikzf1\s*(?:plus\b|\+)"#, gates: ["ikzf1"]), "IKZF1plus"),
    (Pattern(negation + #"\bikzf1\b(?!\s*(?:plus\b|\+))"#, gates: ["ikzf1"]), "IKZF1 deletion"),
  ]
  static let timeToCR: [Pattern] = [
    Pattern(#"\b(?:cr|remission)\s+(?:after|at|in|by)\s+(\d{1,2})\s*(?:weeks?|wks?)\b"#, gates: ["week", "wk"]),
    Pattern(#"\b(\d{1,2})\s*(?:weeks?|wks?)\s+to\s+(?:cr|remission)\b"#, gates: ["week", "wk"]),
  ]

  static let phases: [(Pattern, String)] = [
    (Pattern(#"\b(?:newly[\s-]*diagnosed|new\s+diagnosis|de\s*novo|at\s+diagnosis|untreated|treatment[\s-]*naive)\b"#,
      gates: ["diagnos", "novo", "untreated", "naive"]), "newly-diagnosed"),
    (Pattern(#"\b(?:after|post[\s-]?|end\s+of|completed?)\s*induction\b"#, gates: ["induction"]), "post-induction"),
    (Pattern(#"\b(?:in\s+cr1?|first\s+(?:complete\s+)?remission|in\s+(?:complete\s+)?remission)\b"#,
      gates: ["cr", "remission"]), "cr1"),
    (Pattern(#"\b(?:relapsed|refractory|r/r|first\s+relapse|at\s+relapse|has\s+relapsed)\b"#,
      gates: ["relapse", "refractory", "r/r"]), "relapsed"),
  ]

  static func number(_ text: String?) -> Double? {
    guard let text else { return nil }
    return Double(text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: " ", with: ""))
  }

  static func isNegated(_ group: String?) -> Bool { !(group ?? "").isEmpty }

  /// "positive" or "negative" from "+", "pos", "-neg", "undetectable"...
  static func polarity(_ text: String?) -> String? {
    guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
    if text.hasPrefix("undetect") || text.contains("neg") || text == "-" { return "negative" }
    if text.contains("+") || text.contains("pos") || text.hasPrefix("detect") || text == "persistent"
      || text == "rising"
    {
      return "positive"
    }
    return nil
  }

  /// An MRD level as a fraction: "0.01%" → 0.0001, "10-4" → 0.0001, "2 x 10^-3" → 0.002.
  static func mrdLevel(_ text: String?) -> Double? {
    guard var t = text?.replacingOccurrences(of: " ", with: ""), !t.isEmpty else { return nil }
    if t.hasSuffix("%") {
      return Double(t.dropLast()).map { $0 / 100 }
    }
    t = t.replacingOccurrences(of: "^", with: "")
    var mantissa = 1.0
    if let x = t.firstIndex(of: "x") {
      mantissa = Double(t[..<x]) ?? 1
      t = String(t[t.index(after: x)...])
    }
    if let e = t.range(of: "e-") {
      let head = t[..<e.lowerBound]
      mantissa *= head.isEmpty ? 1 : (Double(head) ?? 1)
      guard let exponent = Double(t[e.upperBound...]) else { return nil }
      return mantissa * pow10(-exponent)
    }
    if t.hasPrefix("10-"), let exponent = Double(t.dropFirst(3)) {
      return mantissa * pow10(-exponent)
    }
    return nil
  }

  static func pow10(_ exponent: Double) -> Double {
    var result = 1.0
    for _ in 0..<Int(abs(exponent)) { result *= 10 }
    return exponent < 0 ? 1 / result : result
  }
}
