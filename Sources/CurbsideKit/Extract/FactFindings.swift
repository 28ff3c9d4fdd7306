/// The candidate facts of one line, and the ranges that stronger readings have claimed so that
/// weaker ones (a bare "58 not 68", a "45F") cannot read the same words again.
struct FactFindings {
  let line: Line
  private(set) var candidates: [FactCandidate] = []
  private(set) var claimed: [Range<Int>] = []
  private var mentions = 0

  init(_ line: Line) { self.line = line }

  /// A new mention number for candidates read from one phrase.
  mutating func newMention() -> Int {
    mentions += 1
    return mentions
  }

  /// Adds a candidate; its span is claimed.
  mutating func add(
    _ field: PatientField, _ value: FactValue, _ span: Range<Int>, rank: Int = 0, mention: Int? = nil
  ) {
    let mention = mention ?? newMention()
    var span = span
    while span.count > 1, line[span.upperBound - 1] == 0x20 { span = span.lowerBound..<(span.upperBound - 1) }
    while span.count > 1, line[span.lowerBound] == 0x20 { span = (span.lowerBound + 1)..<span.upperBound }
    candidates.append(
      FactCandidate(
        field: field, value: value, span: span, source: line.substring(span), rank: rank,
        mention: mention))
    claim(span)
  }

  mutating func claim(_ span: Range<Int>) { claimed.append(span) }

  func isClaimed(_ span: Range<Int>) -> Bool { claimed.contains { $0.overlaps(span) } }

  /// True when the line names a patient (an age or a sex): its lists of findings describe them.
  var describesPatient: Bool { candidates.contains { $0.field == .age || $0.field == .sex } }

  /// The span of a fact read from several mentions ("TP53 mutated, IKZF1 deleted"): all of them
  /// when the line describes a patient, else the first, since a bare list of findings
  /// ("low hypodiploidy and complex karyotype") may be the topic of a question.
  func listSpan(_ spans: [Range<Int>]) -> Range<Int> {
    let first = spans.min { $0.lowerBound < $1.lowerBound }!
    guard describesPatient, let last = spans.map(\.upperBound).max() else { return first }
    return first.lowerBound..<max(last, first.upperBound)
  }
}
