import Foundation

/// Fitness ("fit", "frail", "unfit for intensive chemotherapy"), named comorbidities, and the
/// phase of disease (newly diagnosed, after induction, in CR1, relapsed).
extension FactExtractor {
  static let fitness = Pattern(
    #"(\bnot\s+(?:medically\s+|physically\s+)?|\bisnt\s+|\bno\s+longer\s+)?\b(medically\s+fit|physically\s+fit|fit|unfit|frail|frailty|deconditioned)\b(?!\s+(?:adults|patients|older\s+adults|elderly|individuals|people|population))"#,
    gates: ["fit", "frail", "deconditioned"])
  static let ineligible = Pattern(
    #"\b(?:not\s+(?:a\s+)?(?:candidate|eligible)|ineligible)\s+for\s+(?:intensive|high[\s-]intensity|aggressive)"#,
    gates: ["candidate", "eligible"])
  /// "is she fit ...?" asks about fitness; it does not state it.
  static let fitnessAsked = Pattern(
    #"(?:\b(?:is|are|was|be)\s+(?:s?he|they|the\s+patient|pt|patient)\s+(?:still\s+)?|\b(?:whether|if)\s+(?:s?he|they|the\s+patient)\s+(?:is|was|are)\s+)$"#
  )

  func readFitness(_ findings: inout FactFindings) {
    let line = findings.line
    for match in Self.fitness.matches(in: line) {
      if Self.fitnessAsked.match(in: line, endingAt: match.range.lowerBound, window: 28) != nil { continue }
      let word = match.group(1) ?? ""
      var unfit = word.hasPrefix("un") || word.hasPrefix("frail") || word == "deconditioned"
      if match.group(0) != nil { unfit.toggle() }
      findings.add(.fitness, .word(unfit ? "unfit" : "fit"), match.range)
    }
    for match in Self.ineligible.matches(in: line) { findings.add(.fitness, .word("unfit"), match.range) }
  }

  static let comorbidities: [(Pattern, String)] = [
    (
      Pattern(
        #"\b(?:congestive\s+)?(?:heart|cardiac)\s+failure|\bchf\b|\bhfref\b|reduced\s+(?:ejection\s+fraction|lvef)"#,
        gates: ["failure", "chf", "hfref", "reduced"]), "heart failure"
    ),
    (Pattern(#"\bcardiomyopathy"#, gates: ["cardiomyopathy"]), "cardiomyopathy"),
    (
      Pattern(
        #"\bcoronary\s+(?:artery|heart)\s+disease|\bcad\b|ischa?emic\s+heart\s+disease|\bangina\b"#,
        gates: ["coronary", "cad", "ischemic", "ischaemic", "angina"]), "coronary artery disease"
    ),
    (
      Pattern(
        #"\bmyocardial\s+infarction|heart\s+attack|\bn?stemi\b|\b(?:prior|previous|history\s+of|recent|old)\s+mi\b"#,
        gates: ["infarction", "heart attack", "stemi", " mi"]), "myocardial infarction"
    ),
    (Pattern(#"\batrial\s+fibrillation|\ba-?fib\b"#, gates: ["fibrillation", "fib"]), "atrial fibrillation"),
    (
      Pattern(
        #"\bstroke\b|cerebrovascular\s+accident|\bcva\b"#, gates: ["stroke", "cerebrovascular", "cva"]),
      "stroke"
    ),
    (
      Pattern(#"\bdiabetes(?:\s+mellitus)?|\bdiabetic\b|\bt[12]dm\b|\bn?iddm\b"#, gates: ["diabet", "dm"]),
      "diabetes"
    ),
    (
      Pattern(
        #"(?<!pulmonary\s)(?<!intracranial\s)(?<!portal\s)\bhypertension\b|\bhtn\b"#,
        gates: ["hypertension", "htn"]),
      "hypertension"
    ),
    (Pattern(#"\bcopd\b|chronic\s+obstructive\s+pulmonary"#, gates: ["copd", "obstructive"]), "COPD"),
    (
      Pattern(
        #"\bckd\b|chronic\s+kidney\s+disease|end[\s-]stage\s+renal|\besrd\b|(?:chronic\s+)?renal\s+(?:failure|insufficiency|impairment)|on\s+dialysis"#,
        gates: ["ckd", "kidney", "renal", "esrd", "dialysis"]), "chronic kidney disease"
    ),
    (Pattern(#"\bcirrhosis|chronic\s+liver\s+disease"#, gates: ["cirrhosis", "liver"]), "cirrhosis"),
    (Pattern(#"\bdementia|alzheimer"#, gates: ["dementia", "alzheimer"]), "dementia"),
    (Pattern(#"\bobes(?:e|ity)\b"#, gates: ["obes"]), "obesity"),
    (Pattern(#"\bhiv\b(?!\s*-?\s*neg)"#, gates: ["hiv"]), "HIV"),
    (Pattern(#"\bhepatitis\s+b\b|\bhbv\b"#, gates: ["hepatitis", "hbv"]), "hepatitis B"),
    (Pattern(#"\bhepatitis\s+c\b|\bhcv\b"#, gates: ["hepatitis", "hcv"]), "hepatitis C"),
    (
      Pattern(
        #"\bdown(?:s|'s)?\s+syndrome|constitutional\s+trisomy\s+21"#, gates: ["down", "constitutional"]),
      "Down syndrome"
    ),
  ]

  func readComorbidities(_ findings: inout FactFindings) {
    let line = findings.line
    var found: [(Pattern.Match, String)] = []
    for (pattern, name) in Self.comorbidities {
      for match in pattern.matches(in: line) { found.append((match, name)) }
    }
    guard !found.isEmpty else { return }
    let items = found.map(\.0.range)
    found.sort { $0.0.range.lowerBound < $1.0.range.lowerBound }
    var names: [String] = []
    var spans: [Range<Int>] = []
    for (match, name) in found where !isDenied(line, match.range, items: items) {
      if line.cueAfter(match.range.upperBound, items: items) == "negative" { continue }
      if !names.contains(name) { names.append(name) }
      spans.append(match.range)
    }
    guard !spans.isEmpty else { return }
    findings.add(.comorbidity, .word(names.joined(separator: ", ")), findings.listSpan(spans))
  }

  /// Phases, most advanced first: a line that tells the story keeps the latest stage.
  static let phases: [(Pattern, String, Int)] = [
    (
      Pattern(
        #"\b(?:relapsed|refractory|r/r|relapsing|recurrence)\b|\b(?:developed|presented\s+with|had|has|experienced|suffered|with|in|at|after|post|her|his|a|an|then|later|subsequently|eventually|subsequent)\s+(?:an?\s+)?(?:(?:first|second|third|early|late|very\s+early|isolated|medullary|combined|bone\s+marrow|marrow|cns|testicular|extramedullary|hematologic(?:al)?|morphologic(?:al)?|frank|overt)\s+)*relapse\b|\brelapse\s+(?:occurred|was\s+diagnosed)|\bprimary\s+induction\s+failure\b|\bfailed\s+induction\b"#,
        gates: ["relaps", "refractory", "r/r", "recurrence", "failure", "failed"]), "relapsed", 4
    ),
    (
      Pattern(
        #"\bin\s+(?:first\s+)?(?:(?:complete|continuous|morphologic(?:al)?|ha?ematologic(?:al)?|molecular)\s+)*remission\b|\bin\s+cr1?\b|\bcr1\b|\bfirst\s+(?:complete\s+)?remission|\b(?:achieved|achieves|attained|attains|reached|reaches|achieving|attaining|entered|went\s+into)\s+(?:a\s+)?(?:mrd[\s-]*negative\s+|morphologic(?:al)?\s+|ha?ematologic(?:al)?\s+)?(?:complete\s+(?:ha?ematologic(?:al)?\s+|morphologic(?:al)?\s+)?(?:remission|response)|cr)\b|\b(?:cr1?|complete\s+(?:remission|response))\s+was\s+(?:achieved|attained|reached|obtained|documented|confirmed)"#,
        gates: ["remission", "^cr", "response"]), "cr1", 3
    ),
    (
      Pattern(
        #"\b(?:after|post[\s-]*|following|end[\s-]+of[\s-]+|completed?|completion\s+of)\s*(?:the\s+)?induction\b|\beoi\b"#,
        gates: ["induction", "eoi"]), "post-induction", 2
    ),
    (
      Pattern(
        #"\b(?:newly[\s-]*diagnosed|new(?:ly)?\s+diagnosis|de\s*novo|at\s+(?:initial\s+)?diagnosis|untreated|treatment[\s-]*naive|just\s+diagnosed|recently\s+diagnosed)\b"#,
        gates: ["diagnos", "novo", "untreated", "naive"]), "newly-diagnosed", 1
    ),
  ]
  static let phaseDenied = Pattern(#"\b(?:no|not|without|never|free\s+of)\s+(?:evidence\s+of\s+)?(?:a\s+)?$"#)

  func readPhase(_ findings: inout FactFindings) {
    let line = findings.line
    for (pattern, phase, rank) in Self.phases {
      for match in pattern.matches(in: line) {
        if Self.phaseDenied.match(in: line, endingAt: match.range.lowerBound, window: 24) != nil { continue }
        findings.add(.phase, .word(phase), match.range, rank: rank)
      }
    }
  }
}
