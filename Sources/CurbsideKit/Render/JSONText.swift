/// JSON text being written, as UTF-8 bytes: strings are scanned for escapes on their UTF-8
/// and copied in runs, with no per-character work on `String`'s views; the bytes become one
/// string at the end. (Appending to a `String` piece by piece was slower: every small append
/// pays for the string's bookkeeping.)
struct JSONText {
  /// The text so far.
  private var bytes: [UInt8] = []

  /// Starts with room for a typical answer's JSON (about 5 KB a line) to avoid regrowing.
  init() { bytes.reserveCapacity(8192) }

  /// The text written, as a string.
  var string: String { String(decoding: bytes, as: UTF8.self) }

  /// Appends text as it is, unescaped.
  mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

  /// Starts an object member: `{"key":` where a value is due (at the start, after `[`, `:` or
  /// `,`), so the member opens a new object; `,"key":` after a value. Keys are plain ASCII,
  /// written as they are.
  mutating func member(_ key: String) {
    switch bytes.last {
    case nil, UInt8(ascii: "["), UInt8(ascii: ":"), UInt8(ascii: ","): bytes.append(UInt8(ascii: "{"))
    default: bytes.append(UInt8(ascii: ","))
    }
    bytes.append(UInt8(ascii: "\""))
    bytes.append(contentsOf: key.utf8)
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
  }

  /// Ends an object begun by `member`.
  mutating func close() { bytes.append(UInt8(ascii: "}")) }

  /// Starts an array element: a comma unless it is the first after `[`.
  mutating func element() {
    if bytes.last != UInt8(ascii: "[") { bytes.append(UInt8(ascii: ",")) }
  }

  /// Appends a quoted string. Control characters (C0, DEL, C1) and bidirectional marks and
  /// overrides (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) are written as `\u` escapes,
  /// so a terminal that shows the JSON never interprets them.
  mutating func quote(_ text: String) {
    bytes.append(UInt8(ascii: "\""))
    var copy = text
    copy.withUTF8 { utf8 in quote(utf8) }
    bytes.append(UInt8(ascii: "\""))
  }

  /// The body of `quote` on the string's UTF-8: runs without escapes are copied whole.
  private mutating func quote(_ utf8: UnsafeBufferPointer<UInt8>) {
    var plain = 0
    var index = 0
    while index < utf8.count {
      if index + ByteScan.width <= utf8.count, ByteScan.isPlainJSON(ByteScan.word(utf8, at: index)) {
        index += ByteScan.width
        continue
      }
      let byte = utf8[index]
      // Only these lead bytes can start a scalar that needs escaping.
      if byte >= 0x20, byte != 0x22, byte != 0x5C, byte != 0x7F, byte != 0xC2, byte != 0xE2 {
        index += 1
        continue
      }
      let (scalar, length) = Self.escaped(utf8, at: index)
      guard let scalar else {
        index += length
        continue
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<index]))
      escape(scalar)
      index += length
      plain = index
    }
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<index]))
  }

  /// The scalar at `index` and its length in bytes when it must be escaped; nil otherwise.
  static func escaped(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32?, Int) {
    let lead = utf8[index]
    switch lead {
    case 0x00...0x1F, 0x22, 0x5C, 0x7F: return (UInt32(lead), 1)
    case 0xC2:  // U+0080-U+00BF: C1 controls are U+0080-U+009F
      let next = utf8[index + 1]
      return next <= 0x9F ? (0x80 + UInt32(next - 0x80), 2) : (nil, 1)
    case 0xE2:  // U+2000-U+2FFF: the bidirectional marks live in U+2000-U+207F
      let second = utf8[index + 1]
      guard second == 0x80 || second == 0x81 else { return (nil, 1) }
      let scalar = 0x2000 + (UInt32(second - 0x80) << 6) + UInt32(utf8[index + 2] - 0x80)
      switch scalar {
      case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return (scalar, 3)
      default: return (nil, 1)
      }
    default: return (nil, 1)
    }
  }

  /// Writes the escape of one scalar: the short forms where JSON has them, else `\uXXXX`.
  private mutating func escape(_ scalar: UInt32) {
    switch scalar {
    case 0x22: append("\\\"")
    case 0x5C: append("\\\\")
    case 0x0A: append("\\n")
    case 0x0D: append("\\r")
    case 0x09: append("\\t")
    default:
      let hex = String(scalar, radix: 16)
      append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
    }
  }
}
