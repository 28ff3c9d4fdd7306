/// Bounded Damerau-Levenshtein (optimal string alignment) distance over bytes.
public enum EditDistance {
  /// The distance between `a` and `b`, or `nil` when it exceeds `limit`.
  ///
  /// Works on UTF-8 bytes: the vocabulary is normalised ASCII, so bytes are characters.
  public static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
    if abs(a.count - b.count) > limit { return nil }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= limit ? max(a.count, b.count) : nil }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = current[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        current[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return nil }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count] <= limit ? previous[b.count] : nil
  }

  /// The candidate closest to `word` within `limit`, for "did you mean" messages.
  public static func suggestion(for word: String, among candidates: [String], limit: Int = 3)
    -> String?
  {
    let bytes = Array(word.utf8)
    var best: (Int, String)?
    for candidate in candidates.sorted() {
      guard let d = distance(bytes, Array(candidate.utf8), limit: limit) else { continue }
      if best == nil || d < best!.0 { best = (d, candidate) }
    }
    return best?.1
  }
}
