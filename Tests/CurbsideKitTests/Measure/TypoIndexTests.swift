import CurbsideTestSupport
import Testing

@testable import CurbsideKit

extension Measure {
  /// The hashed typo index corrects exactly as the string-keyed index it replaced.
  @Suite struct TypoIndexTests {
    /// The former implementation, kept here as the reference.
    struct ReferenceIndex {
      var deletions: [String: [String]] = [:]

      init(words: [String]) {
        for word in words where word.utf8.count >= TypoIndex.minimumLength - 1 {
          for variant in Self.variants(of: word, depth: TypoIndex.limit(for: word.utf8.count + 1)) {
            deletions[variant, default: []].append(word)
          }
        }
      }

      func correction(for token: String) -> String? {
        let bytes = Array(token.utf8)
        guard bytes.count >= TypoIndex.minimumLength else { return nil }
        let limit = TypoIndex.limit(for: bytes.count)
        var best: [String] = []
        var bestDistance = Int.max
        var seen = Set<String>()
        for variant in Self.variants(of: token, depth: limit) {
          guard let words = deletions[variant] else { continue }
          for word in words where seen.insert(word).inserted {
            guard let d = EditDistance.distance(bytes, Array(word.utf8), limit: limit) else { continue }
            if d < bestDistance {
              bestDistance = d
              best = [word]
            } else if d == bestDistance {
              best.append(word)
            }
          }
        }
        return best.count == 1 ? best[0] : nil
      }

      static func variants(of word: String, depth: Int) -> Set<String> {
        var result: Set<String> = [word]
        var frontier: Set<[UInt8]> = [Array(word.utf8)]
        for _ in 0..<depth {
          var next: Set<[UInt8]> = []
          for bytes in frontier where bytes.count > 1 {
            for index in bytes.indices {
              var shorter = bytes
              shorter.remove(at: index)
              next.insert(shorter)
            }
          }
          for bytes in next { result.insert(String(decoding: bytes, as: UTF8.self)) }
          frontier = next
        }
        return result
      }
    }

    @Test func correctionsMatchTheReferenceOnMutatedVocabulary() {
      let lexicon = Fixtures.engine.catalog.lexicon
      let words = lexicon.vocabulary.subtracting(lexicon.known).sorted()
      let index = TypoIndex(words: words)
      let reference = ReferenceIndex(words: words)
      var generator = SeededGenerator(seed: 2024)
      let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
      var corrected = 0
      for round in 0..<6_000 {
        var bytes = Array(words[Int.random(in: 0..<words.count, using: &generator)].utf8)
        for _ in 0..<(1 + round % 3) {  // one to three edits
          let position = Int.random(in: 0...bytes.count, using: &generator)
          switch Int.random(in: 0..<4, using: &generator) {
          case 0 where position < bytes.count: bytes.remove(at: position)
          case 1: bytes.insert(letters.randomElement(using: &generator)!, at: position)
          case 2 where position < bytes.count: bytes[position] = letters.randomElement(using: &generator)!
          case 3 where position + 1 < bytes.count: bytes.swapAt(position, position + 1)
          default: break
          }
        }
        let token = String(decoding: bytes, as: UTF8.self)
        let expected = reference.correction(for: token)
        #expect(index.correction(for: token) == expected, "\(token)")
        if expected != nil { corrected += 1 }
      }
      #expect(corrected > 1_000, "the sample should exercise real corrections")
    }

    @Test func aHugeTokenIsRejectedAtOnce() {
      let index = Fixtures.engine.catalog.lexicon.typoIndex
      let clock = ContinuousClock()
      let start = clock.now
      #expect(index.correction(for: String(repeating: "abcdefghij", count: 200)) == nil)
      #expect(clock.now - start < .milliseconds(50))
    }
  }
}
