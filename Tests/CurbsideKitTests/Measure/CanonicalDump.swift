/// A deterministic text of any value, by reflection: every stored property, with the elements
/// of sets and dictionaries sorted, so two values print the same exactly when they are equal
/// field by field (including fields added after this was written).
enum CanonicalDump {
  static func text(_ value: Any) -> String {
    var output = ""
    write(value, indent: "", into: &output)
    return output
  }

  private static func write(_ value: Any, indent: String, into output: inout String) {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .set, .dictionary:
      var items = mirror.children.map { child -> String in
        var text = ""
        write(child.value, indent: indent + "  ", into: &text)
        return text
      }
      items.sort()
      output += "\(indent){\n" + items.joined() + "\(indent)}\n"
    case .struct, .class, .tuple, .collection, .optional, .enum:
      if mirror.children.isEmpty {
        output += "\(indent)\(value)\n"
        return
      }
      output += "\(indent)\(mirror.subjectType)\n"
      for child in mirror.children {
        output += "\(indent)  \(child.label ?? "-"):\n"
        write(child.value, indent: indent + "    ", into: &output)
      }
    default:
      output += "\(indent)\(String(reflecting: value))\n"
    }
  }
}
