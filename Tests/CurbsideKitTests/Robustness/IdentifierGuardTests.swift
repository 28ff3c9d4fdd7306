import CurbsideTestSupport
import Testing

@testable import CurbsideKit

extension Robustness {
  /// Lines that look like identifiers are kept out of the history; clinical shorthand is not.
  @Suite struct IdentifierGuardTests {
    @Test(arguments: [
      ("John Smith, DOB 03/04/1961, what induction?", IdentifierGuard.Finding.dateOfBirth),
      ("date of birth 1961-04-03", .dateOfBirth),
      ("born on 12.05.1958 with Ph+ ALL", .dateOfBirth),
      ("pt 04/11/2001 relapsed", .dateOfBirth),
      ("MRN 00482913 post induction", .recordNumber),
      ("medical record number 4829 mrd", .recordNumber),
      ("hospital no 12345: blina dose?", .recordNumber),
      ("patient 123-45-6789 ph positive", .recordNumber),
      ("record 48291733 MRD positive", .recordNumber),
      ("call me on (555) 123-4567", .phoneNumber),
      ("reach the ward at 555-123-4567", .phoneNumber),
      ("+1 555 123 4567 about the patient", .phoneNumber),
      ("patient name is Jane Doe", .name),
      ("Name: Ahmed, 45 yo, Ph-", .name),
      ("Mr Jones is 72 with B-ALL", .name),
      ("Mrs. Patel, CD20 positive", .name),
      ("dr Smith asks about blinatumomab", .name),
    ])
    func flagsIdentifiers(_ line: String, _ expected: IdentifierGuard.Finding) {
      #expect(IdentifierGuard.check(line) == expected, "\(line)")
    }

    @Test(arguments: [
      "WBC 45,000", "WBC 45000/uL", "WBC 120 x10^9/L", "MRD 10^-4", "MRD <0.01% at day 29",
      "MRD 1e-5", "t(9;22)", "t(4;11) KMT2A", "72 yo", "72-year-old woman", "day 29", "day 8 MRD",
      "hyper-CVAD course 1", "hyper-CVAD courses 1, 3, 5, 7", "CD20 45%", "ECOG 2",
      "MS patients with ALL?", "items of the regimen", "symptoms of CNS disease", "ms",
      "dose 1.5 mg/m2 days 1, 8, 15, 22", "platelets 150000", "GRAALL-2005", "UKALL 2011 trial",
      "E1910 results", "CALGB 10403", "age 18-39", "dasatinib 140 mg daily",
      "inotuzumab 0.8 mg/m2 day 1 then 0.5 mg/m2 days 8 and 15", "methotrexate 3 g/m2 over 24 h",
      "what is the name of the regimen with rituximab", "newborn screening", "drug names",
      "1/2 dose vincristine", "what happened in 2019-2020 trials", "",
    ])
    func leavesClinicalLinesAlone(_ line: String) {
      #expect(IdentifierGuard.check(line) == nil, "\(line)")
    }

    @Test func flaggedLinesStayOutOfTheHistory() {
      var loop = ReplLoop(
        engine: Fixtures.engine, renderer: Renderer(format: .text, options: RenderOptions(), references: [:]))
      var reader = ScriptedLineReader([
        "MRN 00482913 post induction", "MRD 10^-4 at day 29", "Mr Jones, what induction?",
      ])
      var written = ""
      loop.run(reader: &reader) {
        written += $0; return true
      }
      #expect(reader.remembered == ["MRD 10^-4 at day 29"])
      #expect(written.contains("a medical record number; it was not saved to history"))
      #expect(written.contains("a name; it was not saved to history"))
    }
  }
}
