/// Makes any input line safe to process and to echo: no control characters, bounded length.
public enum InputSanitizer {
  /// Lines longer than this many Unicode scalars are cut: no question needs more, and a pasted
  /// 10 MB line must not cost 10 MB of work per pass.
  public static let maximumScalars = 2_000

  /// Replaces control and escape characters with spaces and cuts overlong lines.
  public static func clean(_ line: String) -> String {
    // Fast path: short printable ASCII (nearly every question) is already clean.
    let utf8 = line.utf8
    if utf8.count <= maximumScalars, utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return line }
    var result = String.UnicodeScalarView()
    var count = 0
    for scalar in line.unicodeScalars {
      if count == maximumScalars { break }
      count += 1
      switch scalar.value {
      case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
        result.append(" ")
      default:
        result.append(scalar)
      }
    }
    return String(result)
  }
}
