import Foundation

/// Reads patient facts from free text: age, sex, WBC, CD20, Ph, subtype, CNS, MRD, fitness,
/// genetics, time to CR and phase, each with the span it came from.
public struct FactExtractor: Sendable {
  public init() {}

  /// The facts stated in `folded` (the folded text of a normalised line) at turn `turn`.
  public func extract(_ folded: String, turn: Int) -> [PatientFact] {
    var found: [PatientFact] = []
    func add(_ field: PatientField, _ value: FactValue, _ match: Pattern.Match) {
      found.append(PatientFact(field: field, value: value, span: match.range, turn: turn, source: match.text))
    }
    let text = folded.lowercased()
    extractAge(text, add)
    extractSex(text, add)
    extractWBC(text, add)
    extractMarkers(text, add)
    extractMRD(text, add)
    extractFitness(text, add)
    extractGenetics(text, add)
    extractPhase(text, add)
    // Keep the last mention of each field: "72, no, actually 68" means 68.
    var latest: [PatientField: PatientFact] = [:]
    for fact in found {
      if let earlier = latest[fact.field], earlier.span.lowerBound > fact.span.lowerBound { continue }
      latest[fact.field] = fact
    }
    return latest.values.sorted { $0.field < $1.field }
  }

  typealias Add = (PatientField, FactValue, Pattern.Match) -> Void

  private func extractAge(_ text: String, _ add: Add) {
    for pattern in Self.ageYears {
      for match in pattern.matches(in: text) {
        if let value = Self.number(match.groups[0]), value <= 120 { add(.age, .number(value), match) }
      }
    }
    for match in Self.ageMonths.matches(in: text) {
      if let value = Self.number(match.groups[0]), value < 36 {
        add(.age, .number((value / 12 * 100).rounded() / 100), match)
      }
    }
    for match in Self.ageSexShort.matches(in: text) {
      if let value = Self.number(match.groups[0]), value <= 120 {
        add(.age, .number(value), match)
        add(.sex, .word(match.groups[1] == "f" ? "female" : "male"), match)
      }
    }
  }

  private func extractSex(_ text: String, _ add: Add) {
    for match in Self.female.matches(in: text) { add(.sex, .word("female"), match) }
    for match in Self.male.matches(in: text) { add(.sex, .word("male"), match) }
  }

  private func extractWBC(_ text: String, _ add: Add) {
    for match in Self.wbcPatterns.flatMap({ $0.matches(in: text) }) {
      guard let raw = match.groups[0] else { continue }
      let thousands = match.groups[1] != nil
      let unit = (match.groups[2] ?? "").replacingOccurrences(of: " ", with: "")
      guard var value = Self.number(raw.replacingOccurrences(of: ",", with: "")
        .replacingOccurrences(of: " ", with: ""))
      else { continue }
      if thousands || unit.contains("10^3") || unit.hasPrefix("x103") {
        // 45k/µL or 45 x10^3/µL = 45 x10^9/L
      } else if unit.contains("/l") && !unit.contains("ul") && !unit.contains("mcl") {
        // already x10^9/L or G/L
      } else if unit.contains("ul") || unit.contains("mm3") || unit.contains("mcl") || value >= 1000 {
        value /= 1000
      }
      add(.wbc, .number((value * 100).rounded() / 100), match)
    }
  }

  private func extractMarkers(_ text: String, _ add: Add) {
    for match in Self.cd20.matches(in: text) {
      let negated = Self.isNegated(match.groups[0]) || Self.polarity(match.groups[1]) == "negative"
      var status = Self.polarity(match.groups[1])
      if let percent = Self.number(match.groups[2]) ?? Self.number(match.groups[3]) {
        add(.cd20Percent, .number(percent), match)
        if status == nil { status = percent >= 20 ? "positive" : "negative" }
      }
      if negated { status = "negative" }
      if let status { add(.cd20, .word(status), match) }
    }
    for match in Self.cd20Before.matches(in: text) {
      guard let percent = Self.number(match.groups[0]) else { continue }
      add(.cd20Percent, .number(percent), match)
      add(.cd20, .word(percent >= 20 ? "positive" : "negative"), match)
    }
    for match in Self.phLike.matches(in: text) {
      add(.phLike, .word("true"), match)
      add(.subtype, .word("ph-like"), match)
    }
    for match in Self.ph.matches(in: text) {
      guard !match.text.contains("like") else { continue }
      var status = Self.polarity(match.groups[1]) ?? (match.groups[2] != nil ? "positive" : nil)
      if match.groups[1] == nil, match.text.hasPrefix("t(") || match.text.hasPrefix("t 9") {
        status = "positive"
      }
      if Self.isNegated(match.groups[0]) { status = "negative" }
      if let status { add(.ph, .word(status), match) }
    }
    for match in Self.burkitt.matches(in: text) { add(.subtype, .word("burkitt"), match) }
    for match in Self.precursor.matches(in: text) { add(.subtype, .word("precursor-b"), match) }
    for match in Self.tcell.matches(in: text) { add(.subtype, .word("t-cell"), match) }
    for match in Self.cns.matches(in: text) {
      var status = Self.polarity(match.groups[1])
      if let grade = match.groups[2] { status = grade == "1" ? "negative" : "positive" }
      if match.groups[3] != nil { status = "positive" }
      if Self.isNegated(match.groups[0]) { status = "negative" }
      if let status { add(.cns, .word(status), match) }
    }
  }

  private func extractMRD(_ text: String, _ add: Add) {
    for match in Self.mrd.matches(in: text) {
      var status = Self.polarity(match.groups[1])
      let comparator = match.groups[2] ?? ""
      if let level = Self.mrdLevel(match.groups[3]) {
        add(.mrdLevel, .number(level), match)
        if status == nil {
          // A level below the usual flow threshold of 10^-4, or written "<", reads as negative.
          status = comparator.contains("<") || level < 0.0001 ? "negative" : "positive"
        }
      }
      if Self.isNegated(match.groups[0]) { status = "negative" }
      if let status { add(.mrd, .word(status), match) }
    }
    guard !Self.mrd.matches(in: text).isEmpty else { return }
    for match in Self.timepoint.matches(in: text) {
      add(.mrdTimepoint, .word(match.text.trimmingCharacters(in: .whitespaces)), match)
    }
  }

  private func extractFitness(_ text: String, _ add: Add) {
    for match in Self.ecog.matches(in: text) {
      if let value = Self.number(match.groups[0]), value <= 4 { add(.ecog, .number(value), match) }
    }
    for match in Self.fitness.matches(in: text) {
      let word = match.groups[1] ?? ""
      let unfit = word.hasPrefix("un") || word == "frail" || Self.isNegated(match.groups[0])
      add(.fitness, .word(unfit ? "unfit" : "fit"), match)
    }
    for match in Self.comorbidity.matches(in: text) {
      add(.comorbidity, .word(match.text.trimmingCharacters(in: .whitespaces)), match)
    }
  }

  private func extractGenetics(_ text: String, _ add: Add) {
    var names: [String] = []
    var first: Pattern.Match?
    for (pattern, name) in Self.genetics {
      for match in pattern.matches(in: text) where !names.contains(name) {
        if Self.isNegated(match.groups.first ?? nil) { continue }
        names.append(name)
        if first == nil || match.range.lowerBound < first!.range.lowerBound { first = match }
      }
    }
    if let first { add(.genetics, .word(names.joined(separator: ", ")), first) }
    for match in Self.timeToCR.flatMap({ $0.matches(in: text) }) {
      if let weeks = Self.number(match.groups[0]) { add(.timeToCR, .number(weeks), match) }
    }
  }

  private func extractPhase(_ text: String, _ add: Add) {
    for (pattern, phase) in Self.phases {
      for match in pattern.matches(in: text) { add(.phase, .word(phase), match) }
    }
  }
}
