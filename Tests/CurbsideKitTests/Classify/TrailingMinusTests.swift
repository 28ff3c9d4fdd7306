import CurbsideTestSupport
import Testing

@testable import CurbsideKit

@Suite struct TrailingMinusTests {
  let normalizer = Fixtures.engine.classifier.normalizer

  func words(_ line: String) -> [String] { normalizer.normalize(line).tokens.map(\.text) }

  @Test func aResultWrittenWithATrailingMinusIsNegative() {
    #expect(words("63F, Ph-, MRD+").contains("phnegative"))
    #expect(!words("63F, Ph-, MRD+").contains("philadelphia"))
  }

  @Test func aMinusJoiningWordsNumbersOrAnArrowIsNot() {
    #expect(!words("hyper-CVAD, MRD 10^-3, induction->maintenance").contains("negative"))
  }
}
