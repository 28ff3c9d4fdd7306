/// A unified diff of two texts, line by line, from their longest common subsequence.
public enum LineDiff {
  /// `---`/`+++` headers, then hunks with `context` unchanged lines around each change.
  public static func unified(
    expected: String, actual: String, expectedName: String = "expected",
    actualName: String = "actual", context: Int = 2
  ) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let ops = operations(a, b)
    guard ops.contains(where: { $0.0 != " " }) else { return "" }
    var out = ["--- \(expectedName)", "+++ \(actualName)"]
    var index = 0
    while index < ops.count {
      guard ops[index].0 != " " else { index += 1; continue }
      let start = max(0, index - context)
      var end = index
      while end < ops.count {
        if ops[end].0 != " " { end += 1; continue }
        let nextChange = ops[end...].firstIndex { $0.0 != " " }
        if let nextChange, nextChange - end <= context * 2 { end = nextChange; continue }
        end = min(ops.count, end + context)
        break
      }
      out.append("@@ line \(ops[start].1 + 1) @@")
      out += ops[start..<end].map { "\($0.0)\($0.2)" }
      index = end
    }
    return out.joined(separator: "\n") + "\n"
  }

  /// (" " | "-" | "+", line number in expected, text) for every line.
  static func operations(_ a: [String], _ b: [String]) -> [(Character, Int, String)] {
    let n = a.count, m = b.count
    var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in stride(from: m - 1, through: 0, by: -1) {
        lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
      }
    }
    var result: [(Character, Int, String)] = []
    var i = 0, j = 0
    while i < n || j < m {
      if i < n, j < m, a[i] == b[j] {
        result.append((" ", i, a[i])); i += 1; j += 1
      } else if j < m, i == n || lengths[i][j + 1] >= lengths[i + 1][j] {
        result.append(("+", i, b[j])); j += 1
      } else {
        result.append(("-", i, a[i])); i += 1
      }
    }
    return result
  }
}
