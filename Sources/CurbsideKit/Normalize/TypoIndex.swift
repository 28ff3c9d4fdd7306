/// Finds the vocabulary word nearest a misspelt token, by symmetric deletion lookup.
///
/// Every vocabulary word is stored under each string obtained by deleting up to two of its
/// letters; a query probes its own deletions and verifies candidates with the real distance.
/// Lookup cost depends on the token's length, not on the vocabulary's size.
struct TypoIndex: Sendable {
  /// Tokens shorter than this are never corrected: short words collide too easily ("mds"/"mrd").
  static let minimumLength = 5
  /// From this length on, two edits are allowed; below it, one.
  static let twoEditLength = 8

  private var deletions: [String: [String]] = [:]

  init(words: [String]) {
    for word in words where word.utf8.count >= Self.minimumLength - 1 {
      for variant in Self.variants(of: word, depth: Self.limit(for: word.utf8.count + 1)) {
        deletions[variant, default: []].append(word)
      }
    }
  }

  static func limit(for length: Int) -> Int { length >= twoEditLength ? 2 : 1 }

  /// The unique nearest word within the length-dependent limit, or nil.
  func correction(for token: String) -> String? {
    let bytes = Array(token.utf8)
    guard bytes.count >= Self.minimumLength else { return nil }
    let limit = Self.limit(for: bytes.count)
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

  /// The word itself and every string made by deleting up to `depth` of its bytes.
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
