/// One reading of a fact before the line is resolved: the fact, how strong a reading it is, and
/// the mention it belongs to (a CD20 status and its percentage come from one mention).
struct FactCandidate {
  var field: PatientField
  var value: FactValue
  var span: Range<Int>
  var source: String
  /// Higher ranks win over lower ones whatever their order: a named "man" over a pronoun,
  /// "relapsed" over "at diagnosis", Burkitt over a bare TdT.
  var rank: Int
  /// Candidates with the same mention number were read from one phrase.
  var mention: Int
}
