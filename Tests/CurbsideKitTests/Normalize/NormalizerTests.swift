import CurbsideTestSupport
import Testing

@testable import CurbsideKit

@Suite struct NormalizerTests {
  let normalizer = Fixtures.engine.classifier.normalizer

  @Test func foldsCaseUnicodeAndPunctuation() {
    let text = normalizer.normalize("WBC 45 ×10⁹/L — MRD ≥ 10⁻⁴").folded
    #expect(text.contains("x109/l"))
    #expect(text.contains(">= 10-4"))
    #expect(!text.contains("×"))
  }

  @Test func rewritesSynonymsBrandNamesAndBritishSpellings() {
    #expect(normalizer.normalize("Blincyto").text == "blinatumomab")
    #expect(normalizer.normalize("hyper-CVAD").text == "hypercvad")
    #expect(
      normalizer.normalize("paediatric leukaemia").text == normalizer.normalize("pediatric leukemia").text)
  }

  @Test func correctsTyposOnlyInLongWords() {
    #expect(normalizer.normalize("blinatumumab").text == "blinatumomab")
    #expect(normalizer.normalize("dexamethazone").text == normalizer.normalize("dexamethasone").text)
    // Short tokens are never corrected: "mds" must not become "mrd".
    #expect(normalizer.normalize("mds").text == "mds")
  }

  @Test func stripsPluralsLightly() {
    #expect(Normalizer.stem("regimens") == "regimen")
    #expect(Normalizer.stem("therapies") == "therapy")
    #expect(Normalizer.stem("status") == "status")
    #expect(Normalizer.stem("analysis") == "analysis")
    #expect(Normalizer.stem("series") == "series")
  }

  @Test func keepsTokenOffsetsIntoTheOriginalLine() {
    let line = "Is blina OK?"
    let token = normalizer.normalize(line).tokens.first { $0.text == "blinatumomab" }
    #expect(token?.span == 3..<8)
    #expect(token?.original == "blina")
  }

  @Test(arguments: [
    "", "   ", "ÅÄÖ ñ", "🙂🙂 blina 🙂", "\u{202E}dexa\u{202C}", "a\u{0301}\u{0301}\u{0301}", "\u{0}\u{1}\u{7F}",
    "مرحبا بالعالم", "10⁻⁴ ≥ ≤ × µL", String(repeating: "x", count: 5000),
  ])
  func normalisingTwiceEqualsOnce(_ line: String) {
    let once = normalizer.normalize(line).text
    #expect(normalizer.normalize(once).text == once)
  }

  @Test func propertyNormaliseIsIdempotentOnRandomInput() {
    var generator = SeededGenerator(seed: 20261125)
    let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789 -+/%.,;:()⁹⁻µ≥×éüß🙂\u{0301}\t")
    for _ in 0..<500 {
      let length = Int.random(in: 0...60, using: &generator)
      let line = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
      let once = normalizer.normalize(line).text
      #expect(normalizer.normalize(once).text == once, "input: \(line)")
    }
  }
}
