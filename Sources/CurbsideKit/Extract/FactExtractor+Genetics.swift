import Foundation

/// Subtype (precursor B, mature B / Burkitt, T-ALL) and the cytogenetic and molecular findings
/// that grade risk (KMT2A, hypodiploidy, complex karyotype, TP53, IKZF1), skipping the ones a
/// cue denies ("no MYC rearrangement", "TP53 wild-type", "negative for KMT2A and BCR::ABL1").
extension FactExtractor {
  static let burkitt = Pattern(
    #"\b(?:burkitt\w*|mature[\s-]*b(?:[\s-]*cell)?[\s-]*(?:all\b|acute|leuka?emia|lymphoblastic)|fab[\s-]*l3\b|l3\s+(?:all|morphology|subtype|type)\b|surface\s+(?:ig|immunoglobulin)\w*\s*(?:[mdgk]\s*)?(?:\+|pos\w*|expression|expressed)|sig[mdk]?\s*(?:\+|pos\w*)|(?:kappa|lambda)\s+(?:light[\s-]+chain\s+)?restrict\w*|myc\s*(?:(?:::|/|-)\s*igh\s*)?(?:gene\s+)?(?:rearrangement|rearranged|translocation|\+|positive)|igh\s*(?:::|/|-)\s*myc|t\s*\(\s*(?:8\s*;\s*(?:14|22)|2\s*;\s*8)\s*\))"#,
    gates: ["burkitt", "mature", "l3", "surface", "sig", "kappa", "lambda", "myc", "8;", "2;"])
  static let precursor = Pattern(
    #"(?<!mature\s)(?<!mature-)\b(?:b[\s-]*(?:cell[\s-]*)?(?:precursor|progenitor)|(?:precursor|progenitor)[\s-]*b(?:[\s-]*cell)?\b|pre[\s-]*b\b|pro[\s-]*b\b|common[\s-]+all\b|c-all\b|bcp[\s-]*all\b|b[\s-]*(?:cell[\s-]*)?lymphoblast\w*|b[\s-]?lbl\b)"#,
    gates: [
      "precursor", "progenitor", "pre-b", "pre b", "preb", "pro-b", "pro b", "common", "c-all", "bcp",
      "lymphoblast", "lbl",
    ])
  /// "B-ALL" is the disease Curbside is about: it names this patient's subtype only in a line
  /// that describes a patient (an age or a sex), as a case report does.
  static let plainB = Pattern(
    #"(?<!mature\s)(?<!mature-)(?<!hepatitis\s)\b(?:b[\s-]*cell[\s-]+(?:all\b|acute)|b-all\b|b\s+all\b|b[\s-]+acute\s+lymphoblastic|b[\s-]*lineage\s+(?:all\b|acute|lymphoblast\w*))"#,
    gates: ["b-", "b "])
  static let tcell = Pattern(
    #"(?<!car\s)(?<!car-)\b(?:t[\s-]*(?:cell[\s-]*)?(?:all\b|acute\s+lymphoblastic|lymphoblastic)|t-?lbl\b|etp[\s-]*all\b|early\s+t[\s-]*(?:cell\s+)?precursor)"#,
    gates: ["t-all", "t all", "t-cell", "t cell", "t-lymph", "t lymph", "tlbl", "t-lbl", "etp", "early t"])
  /// Immature B markers: TdT or CD34 with a B marker reads as precursor B when nothing says more.
  static let immature = Pattern(
    #"\b(?:tdt|cd34)\s*(?:\+|pos\w*|expression|expressed)"#, gates: ["tdt", "cd34"])
  static let tdt = Pattern(#"\btdt\b(?!\s*-)"#, gates: ["tdt"])
  static let bMarker = Pattern(#"\b(?:cd19|cd10|cd22|c?cd79a)\b"#, gates: ["cd"])
  /// CD19 or CD22 stated positive: B-lineage blasts in a case description.
  static let bMarkerPositive = Pattern(#"\b(?:cd19|cd22)\s*(?:\+|-?\s*pos\w*)"#, gates: ["cd"])
  static let tMarker = Pattern(#"\b(?:c?cd3|cd7|cd5|cd1a)\b\s*(?:\+|pos)"#, gates: ["cd"])

  /// Words between two subtypes that make the line a comparison, not a diagnosis.
  static let comparison = Pattern(#"\b(?:vs|versus|or|compared|than|differ\w*)\b"#)
  static let orNot = Pattern(#"\s*,?\s*or\s+not\b"#)

  func readSubtype(_ findings: inout FactFindings) {
    let line = findings.line
    var found: [(Pattern.Match, String, Int)] = []
    for (pattern, subtype, rank) in [
      (Self.burkitt, "burkitt", 2), (Self.tcell, "t-cell", 2), (Self.precursor, "precursor-b", 1),
    ] {
      for match in pattern.matches(in: line) where !isSubtypeDenied(line, match.range) {
        found.append((match, subtype, rank))
      }
    }
    if findings.describesPatient {
      for match in Self.plainB.matches(in: line) where !isSubtypeDenied(line, match.range) {
        found.append((match, "precursor-b", 1))
      }
    }
    // "mature B-ALL vs precursor B-ALL", "Burkitt or not?": a comparison names no subtype.
    found.sort { $0.0.range.lowerBound < $1.0.range.lowerBound }
    var compared = Set<Int>()
    for index in found.indices {
      if Self.orNot.match(in: line, at: found[index].0.range.upperBound) != nil { compared.insert(index) }
      guard index + 1 < found.count, found[index].1 != found[index + 1].1 else { continue }
      let gap =
        found[index].0.range
        .upperBound..<max(found[index].0.range.upperBound, found[index + 1].0.range.lowerBound)
      if Self.comparison.occurs(in: line, gap) {
        compared.formUnion([index, index + 1])
      }
    }
    for (index, (match, subtype, rank)) in found.enumerated() where !compared.contains(index) {
      findings.add(.subtype, .word(subtype), match.range, rank: rank)
    }
    let bLineage =
      !Self.bMarker.matches(in: line).isEmpty
      || findings.candidates.contains { $0.field == .subtype && $0.value == .word("precursor-b") }
    guard bLineage, Self.tMarker.matches(in: line).isEmpty else { return }
    if let match = Self.immature.matches(in: line).last {
      findings.add(.subtype, .word("precursor-b"), match.range, rank: 0)
    } else if let match = Self.tdt.matches(in: line).last,
      line.cueBefore(match.range.lowerBound, isItem: Line.isMarkerWord) == "positive"
    {
      // "blasts expressing CD19, CD10 and TdT"
      findings.add(.subtype, .word("precursor-b"), match.range, rank: 0)
    } else if findings.describesPatient, Self.bMarker.matches(in: line).count >= 2,
      let match = Self.bMarkerPositive.matches(in: line).first
    {
      // "the blasts were CD19+, CD22+ and CD10+" in a case: a B-lineage immunophenotype, which
      // is precursor B unless a stronger reading (Burkitt, rank 2) says mature B. A lone
      // "CD19 positive" is only a target antigen.
      findings.add(.subtype, .word("precursor-b"), match.range, rank: 0)
    }
  }

  /// True when a cue before or after the mention denies it, reading over `items`.
  func isDenied(_ line: Line, _ range: Range<Int>, items: [Range<Int>]) -> Bool {
    Self.negatorBefore.match(in: line, endingAt: range.lowerBound, window: 8) != nil
      || line.cueBefore(range.lowerBound, items: items) == "negative"
      || line.cueAfter(range.upperBound, items: items) == "negative"
  }

  /// True when a cue before or after the mention denies it, reading over lists of genes.
  func isDenied(_ line: Line, _ range: Range<Int>) -> Bool {
    if Self.negatorBefore.match(in: line, endingAt: range.lowerBound, window: 8) != nil { return true }
    return line.cueBefore(range.lowerBound, isItem: Line.isGeneWord) == "negative"
      || line.cueAfter(range.upperBound, isItem: Line.isGeneWord) == "negative"
  }

  /// True when a cue denies the subtype at `range`: "no MYC rearrangement", "not Burkitt". A
  /// cue after it counts only when nothing but fillers stand between: in "B-ALL (BCR-ABL1
  /// negative)" or "precursor B-ALL, t(9;22) negative" the cue is the gene's.
  func isSubtypeDenied(_ line: Line, _ range: Range<Int>) -> Bool {
    if Self.negatorBefore.match(in: line, endingAt: range.lowerBound, window: 8) != nil { return true }
    return line.cueBefore(range.lowerBound, isItem: Line.isGeneWord) == "negative"
      || line.cueAfter(range.upperBound, isItem: { _ in false }) == "negative"
  }

  static let genetics: [(Pattern, String)] = [
    (
      Pattern(
        #"\b(?:kmt2a|mll)\b(?:\s*(?:::|-|/)\s*(?:aff1|af4|mllt\d+|af9|af10|enl|af6|eps15|ell|afdn)\b)?(?:[\s-]*(?:r\b|rearranged|rearrangements?|fusion|translocation|gene\s+rearrangement|positive|\+))?|\bt\s*\(\s*4\s*;\s*11\s*\)(?:\s*\(\s*q21[^)]{0,12}\))?|\b11q23(?:\s+rearrangement)?"#,
        gates: ["kmt2a", "mll", "4;11", "11q23"]), "KMT2A-rearranged"
    ),
    (Pattern(#"\bnear[\s-]*haploid\w*"#, gates: ["haploid"]), "near-haploid hypodiploidy"),
    (Pattern(#"\b(?:low|masked)[\s-]+hypodiploid\w*"#, gates: ["hypodiploid"]), "low hypodiploidy"),
    (Pattern(#"(?<!low\s)(?<!low-)(?<!masked\s)\bhypodiploid\w*"#, gates: ["hypodiploid"]), "hypodiploidy"),
    (Pattern(#"\bnear[\s-]*triploid\w*"#, gates: ["triploid"]), "near-triploidy"),
    (
      Pattern(
        #"\bcomplex\s+(?:karyotype|cytogenetics|cytogenetic\s+(?:abnormalities|profile))"#, gates: ["complex"]
      ),
      "complex karyotype"
    ),
    (
      Pattern(
        #"\btp\s?53\b(?:[\s-]*(?:mutations?|mutated|mut\b|deletion|deleted|alterations?|altered|abnormality|aberration|variant|loss|disruption|positive|\+))?|\bdel\s*\(?\s*17p\s*\)?|\b17p\s*(?:deletion|del\b|loss)"#,
        gates: ["tp", "17p"]), "TP53"
    ),
    (Pattern(#"\bikzf1\s*-?\s*(?:plus\b|\+)"#, gates: ["ikzf1"]), "IKZF1plus"),
    (
      Pattern(
        #"\bikzf1\b(?!\s*-?\s*(?:plus\b|\+))(?:[\s-]*(?:deletion|deleted|del\b|alteration|altered|loss|mutation|mutated|exon\s+\d+(?:\s*-\s*\d+)?\s+deletion|intragenic\s+deletion))?"#,
        gates: ["ikzf1"]), "IKZF1 deletion"
    ),
  ]
  /// A karyotype's modal number: "34,XY,..." or "27 chromosomes".
  static let modalNumber = Pattern(
    #"\b(2[4-9]|3\d|4[0-3])\s*(?:,\s*x|chromosomes\b)"#, gates: [",x", ", x", "chromosomes"])
  /// Words that assert a finding even in a question: "KMT2A-rearranged infant, what next?".
  static let assertive = [
    "rearranged", "mutated", "deleted", "positive", "+", "-r", "ploid", "complex", "del(",
  ]

  func readGenetics(_ findings: inout FactFindings) {
    let line = findings.line
    var found: [(name: String, range: Range<Int>)] = []
    for (pattern, name) in Self.genetics {
      for match in pattern.matches(in: line) where !isDenied(line, match.range) {
        let asked =
          line.isQuestion(at: match.range.lowerBound) || line.isAboutThresholds(at: match.range.lowerBound)
        if asked, !Self.assertive.contains(where: { match.text.contains($0) }) { continue }
        found.append((name, match.range))
      }
    }
    if line.hasDigit {
      for match in Self.modalNumber.matches(in: line) {
        let count = Int(match.group(0) ?? "") ?? 46
        let name = count < 32 ? "near-haploid hypodiploidy" : count < 40 ? "low hypodiploidy" : "hypodiploidy"
        found.append((name, match.range))
      }
    }
    guard !found.isEmpty else { return }
    found.sort { $0.range.lowerBound < $1.range.lowerBound }
    var names: [String] = []
    for item in found where !names.contains(item.name) { names.append(item.name) }
    if names.contains(where: { $0.hasSuffix(" hypodiploidy") }) { names.removeAll { $0 == "hypodiploidy" } }
    findings.add(.genetics, .word(names.joined(separator: ", ")), findings.listSpan(found.map(\.range)))
  }
}
