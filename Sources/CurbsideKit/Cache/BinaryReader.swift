/// Reads what `BinaryWriter` wrote; every read is bounds-checked and a bad byte is an error.
struct BinaryReader {
  /// The cache is damaged or of another shape: the caller falls back to the YAML.
  struct Corrupt: Error {}

  private let bytes: [UInt8]
  private(set) var offset: Int

  init(_ bytes: [UInt8], offset: Int = 0) {
    self.bytes = bytes
    self.offset = offset
  }

  var isAtEnd: Bool { offset == bytes.count }

  mutating func int() throws(Corrupt) -> Int {
    let value = Int64(bitPattern: try uint64())
    guard let result = Int(exactly: value) else { throw Corrupt() }
    return result
  }

  /// A count of items each at least `minimumSize` bytes long: never more than could fit.
  mutating func count(minimumSize: Int = 1) throws(Corrupt) -> Int {
    let value = try int()
    guard value >= 0, value <= (bytes.count - offset) / max(1, minimumSize) else { throw Corrupt() }
    return value
  }

  mutating func uint32() throws(Corrupt) -> UInt32 {
    guard offset + 4 <= bytes.count else { throw Corrupt() }
    var value: UInt32 = 0
    for shift in 0..<4 { value |= UInt32(bytes[offset + shift]) << (8 * UInt32(shift)) }
    offset += 4
    return value
  }

  mutating func uint64() throws(Corrupt) -> UInt64 {
    guard offset + 8 <= bytes.count else { throw Corrupt() }
    var value: UInt64 = 0
    for shift in 0..<8 { value |= UInt64(bytes[offset + shift]) << (8 * UInt64(shift)) }
    offset += 8
    return value
  }

  mutating func double() throws(Corrupt) -> Double { Double(bitPattern: try uint64()) }

  mutating func bool() throws(Corrupt) -> Bool {
    guard offset < bytes.count, bytes[offset] <= 1 else { throw Corrupt() }
    defer { offset += 1 }
    return bytes[offset] == 1
  }

  mutating func rawBytes() throws(Corrupt) -> ArraySlice<UInt8> {
    let length = try count()
    defer { offset += length }
    return bytes[offset..<(offset + length)]
  }

  mutating func string() throws(Corrupt) -> String {
    let slice = try rawBytes()
    guard let text = slice.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) else {
      throw Corrupt()
    }
    return text
  }

  mutating func optionalString() throws(Corrupt) -> String? {
    try bool() ? try string() : nil
  }

  mutating func optionalDouble() throws(Corrupt) -> Double? {
    try bool() ? try double() : nil
  }

  mutating func strings() throws(Corrupt) -> [String] {
    try list { reader throws(Corrupt) in try reader.string() }
  }

  mutating func stringSet() throws(Corrupt) -> Set<String> { Set(try strings()) }

  mutating func byteStrings() throws(Corrupt) -> [[UInt8]] {
    try list { reader throws(Corrupt) in Array(try reader.rawBytes()) }
  }

  mutating func uint64s() throws(Corrupt) -> [UInt64] {
    let n = try count(minimumSize: 8)
    var result: [UInt64] = []
    result.reserveCapacity(n)
    for _ in 0..<n { result.append(try uint64()) }
    return result
  }

  mutating func uint32s() throws(Corrupt) -> [UInt32] {
    let n = try count(minimumSize: 4)
    var result: [UInt32] = []
    result.reserveCapacity(n)
    for _ in 0..<n { result.append(try uint32()) }
    return result
  }

  /// A list whose elements are read by `each` (each element takes at least one byte).
  mutating func list<T>(_ each: (inout BinaryReader) throws(Corrupt) -> T) throws(Corrupt) -> [T] {
    let n = try count()
    var result: [T] = []
    result.reserveCapacity(n)
    for _ in 0..<n { result.append(try each(&self)) }
    return result
  }
}
