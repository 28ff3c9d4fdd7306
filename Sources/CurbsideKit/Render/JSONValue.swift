/// A JSON value written with sorted keys and fixed number formatting, so output compares
/// byte for byte.
public enum JSONValue: Sendable, Equatable {
  case string(String)
  case number(Double)
  case bool(Bool)
  case array([JSONValue])
  case object([String: JSONValue])
  case null

  /// Compact JSON on one line.
  public var serialized: String {
    var out = ""
    write(to: &out)
    return out
  }

  func write(to out: inout String) {
    switch self {
    case .string(let s): Self.quote(s, into: &out)
    case .number(let n): out += Self.format(n)
    case .bool(let b): out += b ? "true" : "false"
    case .null: out += "null"
    case .array(let items):
      out += "["
      for (index, item) in items.enumerated() {
        if index > 0 { out += "," }
        item.write(to: &out)
      }
      out += "]"
    case .object(let members):
      out += "{"
      for (index, key) in members.keys.sorted().enumerated() {
        if index > 0 { out += "," }
        Self.quote(key, into: &out)
        out += ":"
        members[key]!.write(to: &out)
      }
      out += "}"
    }
  }

  /// Integers without a fraction; others rounded to 6 significant decimals.
  static func format(_ n: Double) -> String {
    guard n.isFinite else { return "null" }
    if n == n.rounded(), abs(n) < 1e15 { return String(Int(n)) }
    var text = String(format6: n)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }

  /// Quotes a string. Control characters, C1 controls and bidirectional overrides are written
  /// as `\\u` escapes, so a terminal that shows the JSON never interprets them.
  static func quote(_ s: String, into out: inout String) {
    out += "\""
    if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 >= 0xC2 }) {
      out += s  // plain ASCII, nothing to escape: the common case
    } else {
      var plain = s.unicodeScalars.startIndex
      var index = plain
      let scalars = s.unicodeScalars
      while index < scalars.endIndex {
        if needsEscape(scalars[index]) {
          out.unicodeScalars.append(contentsOf: scalars[plain..<index])
          escape(scalars[index], into: &out)
          plain = scalars.index(after: index)
        }
        index = scalars.index(after: index)
      }
      out.unicodeScalars.append(contentsOf: scalars[plain..<index])
    }
    out += "\""
  }

  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x22, 0x5C, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
      return true
    default: return false
    }
  }

  static func escape(_ scalar: Unicode.Scalar, into out: inout String) {
    switch scalar.value {
    case 0x22: out += "\\\""
    case 0x5C: out += "\\\\"
    case 0x0A: out += "\\n"
    case 0x0D: out += "\\r"
    case 0x09: out += "\\t"
    case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
      let hex = String(scalar.value, radix: 16)
      out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    default: out.unicodeScalars.append(scalar)
    }
  }
}

extension String {
  /// A decimal with up to six digits after the point, without Foundation's locale.
  init(format6 value: Double) {
    let negative = value < 0
    let scaled = (abs(value) * 1_000_000).rounded()
    let whole = Int(scaled / 1_000_000)
    let fraction = Int(scaled.truncatingRemainder(dividingBy: 1_000_000))
    let digits = String(fraction)
    self = (negative ? "-" : "") + "\(whole)." + String(repeating: "0", count: 6 - digits.count) + digits
  }
}
