/// Reads what `BinaryWriter` wrote; every read is bounds-checked and a bad byte is an error.
///
/// It reads borrowed memory (the mapped cache file) and copies out every value it returns, so
/// it must not outlive the buffer it was given.
struct BinaryReader {
  /// The cache is damaged or of another shape: the caller falls back to the YAML.
  struct Corrupt: Error {}

  private let bytes: UnsafeRawBufferPointer
  private(set) var offset: Int
  /// The file the bytes are mapped from, when they are: a part can then be read again later
  /// instead of now (see `TypoIndex(deferred:)`).
  let path: String?

  init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0, path: String? = nil) {
    self.bytes = bytes
    self.offset = offset
    self.path = path
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

  mutating func uint32() throws(Corrupt) -> UInt32 { try scalar(UInt32.self) }

  mutating func uint64() throws(Corrupt) -> UInt64 { try scalar(UInt64.self) }

  private mutating func scalar<T: FixedWidthInteger>(_: T.Type) throws(Corrupt) -> T {
    let size = MemoryLayout<T>.size
    guard offset + size <= bytes.count else { throw Corrupt() }
    let start = offset
    offset += size
    return T(littleEndian: bytes.loadUnaligned(fromByteOffset: start, as: T.self))
  }

  mutating func double() throws(Corrupt) -> Double { Double(bitPattern: try uint64()) }

  mutating func bool() throws(Corrupt) -> Bool {
    guard offset < bytes.count, bytes[offset] <= 1 else { throw Corrupt() }
    defer { offset += 1 }
    return bytes[offset] == 1
  }

  /// Skips a counted run of bytes, returning where it lies.
  mutating func skipBytes() throws(Corrupt) -> Range<Int> {
    let length = try count()
    defer { offset += length }
    return offset..<(offset + length)
  }

  mutating func rawBytes() throws(Corrupt) -> UnsafeRawBufferPointer {
    let length = try count()
    defer { offset += length }
    return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
  }

  /// A string; the payload's checksum was verified, so the bytes are what was written (valid
  /// UTF-8), and any damage that slipped through is repaired rather than trusted.
  mutating func string() throws(Corrupt) -> String {
    String(decoding: try rawBytes(), as: UTF8.self)
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

  mutating func uint64s() throws(Corrupt) -> [UInt64] { try fixedWidth(UInt64.self) }

  mutating func uint32s() throws(Corrupt) -> [UInt32] { try fixedWidth(UInt32.self) }

  /// A counted run of little-endian integers, copied in one pass.
  private mutating func fixedWidth<T: FixedWidthInteger>(_: T.Type) throws(Corrupt) -> [T] {
    let size = MemoryLayout<T>.size
    let n = try count(minimumSize: size)
    let start = offset
    offset += n * size
    // Copied into uninitialised storage: zeroing it first costs start-up time.
    var result = [T](unsafeUninitializedCapacity: n) { buffer, count in
      UnsafeMutableRawBufferPointer(buffer).copyMemory(
        from: UnsafeRawBufferPointer(rebasing: bytes[start..<(start + n * size)]))
      count = n
    }
    #if _endian(big)
      for index in result.indices { result[index] = T(littleEndian: result[index]) }
    #endif
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
