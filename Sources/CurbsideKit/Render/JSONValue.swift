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
    var out = JSONText()
    write(to: &out)
    return out.string
  }

  /// Appends the compact JSON of this value to `out`.
  func write(to out: inout JSONText) {
    switch self {
    case .string(let s): out.quote(s)
    case .number(let n): out.append(Self.format(n))
    case .bool(let b): out.append(b ? "true" : "false")
    case .null: out.append("null")
    case .array(let items):
      out.append("[")
      for (index, item) in items.enumerated() {
        if index > 0 { out.append(",") }
        item.write(to: &out)
      }
      out.append("]")
    case .object(let members):
      out.append("{")
      for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
        if index > 0 { out.append(",") }
        out.quote(member.key)
        out.append(":")
        member.value.write(to: &out)
      }
      out.append("}")
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
