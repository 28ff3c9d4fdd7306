import Foundation

/// Age and sex: "72-year-old woman", "72 yo", "72M", "aged 72", "a 4-month-old infant",
/// "she is 68", "actually 68", "sorry, 58 not 68". Ranges, bounds and populations
/// ("patients aged 60 or older", "under 10 years of age") are not this patient's age.
extension FactExtractor {
  /// What may follow an age in a sentence about the patient: the end of a phrase.
  static let ageEnd =
    #"(?=\s*(?:$|[,.;:)!?(]|and\b|but\b|with\b|now\b|not\b|who\b|so\b|at\b|when\b|yo\b|y/o|years?[\s-]+old|years?\s+of\s+age|-?\s*years?-old|-\s))"#

  static let ageShortTight = Pattern(
    #"(?<![\w.,/^-])(\d{1,3})(?:yo|y/o|y)?([mf])(?![\w/+-])"#,
    gates: (0...9).flatMap { ["\($0)m", "\($0)f"] } + ["yom", "yof", "/om", "/of", "ym", "yf"])
  static let ageShortSpaced = Pattern(
    #"(?<![\w.,/^-])(\d{1,3})\s*(?:yo|y/o|y\.o\.?|y)?\s+([mf])(?=\s*(?:$|[,;:)]|\.(?!\s*old\b)(?:\s|$)|with\b|w/|who\b|presenting\b|presents\b|has\b|b-all\b|all\b|ph\b|ph[+-]|cd20|wbc|ecog|-\s))"#,
    gates: (0...9).flatMap { ["\($0) m", "\($0) f"] } + ["o m", "o f", ". m", ". f", "y m", "y f"])
  static let ageYears = Pattern(
    #"\b(\d{1,2}1/2|\d{1,3}(?:\.\d)?)\s*-?\s*(?:years?|yrs?|y)\s*\.?\s*-?\s*(?:old\b|of\s+age\b|o\b\.?|/o\b|\.o\b\.?)"#,
    gates: ["year", "yr", "yo", "y/o", "y.o", "y o"])
  static let ageYoung = Pattern(
    #"\b(\d{1,2})\s*-?\s*(months?|mos?|weeks?|wks?)\s*-?\s*old\b"#,
    gates: ["month", "mo-", "mo ", "mos", "week", "wk"])
  static let ageWords = Pattern(
    #"\b(?:(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine))?|(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))[\s-]*years?[\s-]*old\b"#,
    gates: [
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
      "teen", "ty",
    ]
    .flatMap { [$0 + "-year", $0 + " year", $0 + "year"] })
  static let ageAged = Pattern(
    #"\b(?:aged|age(?:\s+(?:of|is|was))?\s*[:=]?|at\s+(?:the\s+)?age\s+(?:of\s+)?)\s*(\d{1,3})(?:\s*(years?|yrs?|y|months?|mos?)(?:\s*old)?)?\b(?!\s*(?:%|\.\d|-\s*\d|to\s+\d|or\s+(?:older|younger|above|more|less|over|under)|and\s+(?:older|above|over|under|younger)|\+|x\b|k\b|/|mg|weeks|days))"#,
    gates: ["age"])
  static let agePronoun = Pattern(
    #"\b(?:(?:she|he|patient|pt|they|the\s+patient)\s+(?:is|was|were|are|turned|turns|becomes|became|will\s+be|would\s+be)|shes|hes)\s+(?:now\s+|actually\s+|only\s+|just\s+|really\s+)?(\d{1,3})\b"#
      + ageEnd, gates: ["^she", "^he", "^patient", "^pt", "^they"])
  static let ageCorrection = Pattern(
    #"\b(?:actually|sorry|correction|i\s+meant?|make\s+(?:that|it)|typo|oops|rather|wait|no(?=\s*[,;:.!-]))\b[\s,:;.!-]*(?:(?:age|aged)\s*:?\s*)?(\d{1,3})\b(?=\s*(?:$|[,.;!)]|not\b|rather\b|instead\b|years?[\s-]+old|yo\b|y/o|-?year-old))(?:\s*,?\s*(?:not|rather\s+than|instead\s+of)\s+\d{1,3}\b)?"#,
    gates: [
      "actually", "sorry", "correct", "meant", "mean", "make", "typo", "oops", "rather", "wait", "no,",
      "no ,", "no:", "no;", "no -", "no.",
    ])
  static let ageNotOther = Pattern(
    #"(?:^|(?<=[,;:.]))\s*(\d{1,3})\s*,?\s*(?:not|rather\s+than|instead\s+of)\s+\d{1,3}\b(?!\s*(?:%|k\b|x\b|/|\.\d|mg|g\b|ug|years?\b|months?\b|weeks?\b|days?\b))"#,
    gates: ["not", "rather", "instead"])
  /// "not 68 but 58", "sorry, not 68, 58": the number after the denied one.
  static let ageNotThen = Pattern(
    #"(?:^|[,;:.]\s*|\b(?:sorry|actually|correction|no)\b[\s,:;.-]*)not\s+\d{1,3}\s*(?:,|;|but)\s*(?:rather\s+)?(\d{1,3})\b(?=\s*(?:$|[,.;!)]|years?[\s-]+old|yo\b|y/o))"#,
    gates: ["not"])
  /// A line that opens with a bare number: "72", "72, Ph-negative, CD20 positive".
  static let ageLeading = Pattern(#"^\s*(\d{1,3})(?=\s*(?:$|[,;]))"#)
  /// "50 years, male": a count of years with the sex beside it.
  static let ageBeforeSex = Pattern(
    #"\b(\d{1,3})\s*(?:years?|yrs?|y)\b(?=\s*,?\s*(?:male|female|man|woman|boy|girl)\b)"#,
    gates: [
      "years,", "years m", "years f", "years b", "years g", "years w", "yrs", "y, ", "y m", "y f", "y w",
      "y b", "y g",
    ])
  static let ageAfterSex = Pattern(
    #"\b(?:male|female|man|woman|boy|girl)\s*,\s*(\d{1,3})\s*(?:years?|yrs?|y|yo|y/o)?(?=\s*(?:$|[,;:.)]))"#,
    gates: ["male,", "male ,", "man,", "man ,", "boy,", "boy ,", "girl,", "girl ,"])
  /// Words before an age that make it a bound or a population: "patients aged", "up to age".
  static let agePopulation = Pattern(
    #"(?:\b(?:patients?|adults?|children|adolescents|those|people|individuals|cohort|median|mean|range|over|under|above|below|up\s+to|than|between|from)|>=?|<=?)\s*$"#,
    gates: [
      "patient", "adult", "children", "adolescents", "those", "people", "individuals", "cohort", "median",
      "mean",
      "range", "over", "under", "above", "below", "up to", "than", "between", "from", ">", "<",
    ])

  /// A relative or donor just before an age or a sex: "his brother, a 30-year-old man".
  static let relative = Pattern(
    #"\b(?:brother|sister|mother|father|sibling|son|daughter|donor|husband|wife|parent|cousin|twin)\s*,?\s*(?:is\s+|was\s+)?(?:an?\s+)?$"#,
    gates: [
      "brother", "sister", "mother", "father", "sibling", "son", "daughter", "donor", "husband", "wife",
      "parent", "cousin", "twin",
    ])
  /// A relative or donor just after an age: "her 60-year-old son", "his 8-year-old
  /// half-brother".
  static let relativeAfter = Pattern(
    #"\s*(?:(?:half|step|younger|older|elder|twin)[\s-]*)?(?:brother|sister|mother|father|sibling|son|daughter|donor|husband|wife|parent|cousin|twin|grand\w+|niece|nephew|aunt|uncle)s?\b"#
  )
  /// "at age 5", "at the age of 5": the time of an event ("treated for ALL at age 5"), weaker
  /// than a description of the patient ("a 24-year-old man"), which wins whatever the order.
  static let atAge = Pattern(#"at\b"#)
  static let femaleWord = Pattern(
    #"\b(woman|female|girl|lady|lass)\b(?!\s*(?:-to-|donors?|siblings?|cousins?|partners?|relatives?|predominance|patients|children|infants|adolescents|adults))"#,
    gates: ["woman", "female", "girl", "lady", "lass"])
  static let maleWord = Pattern(
    #"\b(man|male|boy|gentleman|lad)\b(?!\s*(?:-to-|donors?|siblings?|cousins?|partners?|relatives?|predominance|patients|children|infants|adolescents|adults))"#,
    gates: ["man", "male", "boy", "lad"])
  static let pronoun = Pattern(
    #"\b(?:(she|her|hers|herself|shes)|(he|his|him|himself|hes))\b"#,
    gates: ["she", "her", "hers", "herself", "shes", "he", "his", "him", "himself", "hes"], wholeWords: true)

  func readAge(_ findings: inout FactFindings) {
    let line = findings.line
    func add(_ years: Double, _ span: Range<Int>, rank: Int = 0) {
      guard years > 0, years <= 120, !findings.isClaimed(span) else { return }
      findings.add(.age, .number((years * 100).rounded() / 100), span, rank: rank)
    }
    if line.hasDigit {
      for pattern in [Self.ageShortTight, Self.ageShortSpaced] {
        for match in pattern.matches(in: line) {
          guard let years = Self.number(match.group(0)), years <= 120, !findings.isClaimed(match.range)
          else { continue }
          let mention = findings.newMention()
          findings.add(.age, .number(years), match.range, mention: mention)
          findings.add(
            .sex, .word(match.group(1) == "f" ? "female" : "male"), match.range, rank: 2, mention: mention)
        }
      }
      for match in Self.ageYears.matches(in: line)
      where !isBound(line, match.range) && !isRelative(line, match.range) {
        // "4½-year-old" folds to "41/2-year-old".
        let raw = match.group(0) ?? ""
        let half = raw.hasSuffix("1/2")
        add((Self.number(half ? String(raw.dropLast(3)) : raw) ?? 0) + (half ? 0.5 : 0), match.range)
      }
      for match in Self.ageYoung.matches(in: line) where !isBound(line, match.range) {
        let unit = match.group(1) ?? ""
        let value = Self.number(match.group(0)) ?? 0
        add(unit.hasPrefix("w") ? value / 52 : value / 12, match.range)
      }
      for match in Self.ageAged.matches(in: line) where !isBound(line, match.range) {
        let value = Self.number(match.group(0)) ?? 0
        let rank = Self.atAge.match(in: line, at: match.range.lowerBound) != nil ? -1 : 0
        add((match.group(1) ?? "").hasPrefix("mo") ? value / 12 : value, match.range, rank: rank)
      }
      for pattern in [
        Self.agePronoun, Self.ageBeforeSex, Self.ageAfterSex, Self.ageCorrection, Self.ageNotOther,
        Self.ageNotThen, Self.ageLeading,
      ] {
        for match in pattern.matches(in: line) { add(Self.number(match.group(0)) ?? 0, match.range) }
      }
    }
    for match in Self.ageWords.matches(in: line) where !isBound(line, match.range) {
      add(Self.wordNumber(match), match.range)
    }
  }

  /// True when the age at `range` is a bound or a population's, not this patient's.
  func isBound(_ line: Line, _ range: Range<Int>) -> Bool {
    Self.agePopulation.match(in: line, endingAt: range.lowerBound, window: 24) != nil
  }

  /// True when the age or sex at `range` is a relative's or a donor's.
  func isRelative(_ line: Line, _ range: Range<Int>) -> Bool {
    var start = range.lowerBound
    if Self.relativeAfter.match(in: line, at: range.upperBound) != nil { return true }
    // "his brother, a 30-year-old man": look past the age to the words before it.
    if let age = Self.ageYears.match(in: line, endingAt: start, window: 20) { start = age.range.lowerBound }
    return Self.relative.match(in: line, endingAt: start, window: 30) != nil
  }

  static func wordNumber(_ match: Pattern.Match) -> Double {
    let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    let ones = [
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
      "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    if let small = match.group(2), let index = ones.firstIndex(of: small) { return Double(index + 1) }
    guard let ten = match.group(0), let index = tens.firstIndex(of: ten) else { return 0 }
    let unit = match.group(1).flatMap { ones.firstIndex(of: $0) } ?? -1
    return Double((index + 2) * 10 + unit + 1)
  }

  func readSex(_ findings: inout FactFindings) {
    let line = findings.line
    for (pattern, sex) in [(Self.femaleWord, "female"), (Self.maleWord, "male")] {
      for match in pattern.matches(in: line) where !findings.isClaimed(match.range) {
        if isRelative(line, match.range) { continue }
        findings.add(.sex, .word(sex), match.range, rank: 2)
      }
    }
    // Pronouns only when no word names the sex; the first one is about the patient.
    if let first = Self.pronoun.matches(in: line).first {
      findings.add(.sex, .word(first.group(0) != nil ? "female" : "male"), first.range, rank: 1)
    }
  }
}
