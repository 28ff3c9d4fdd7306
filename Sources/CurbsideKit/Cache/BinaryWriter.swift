/// Appends values to a compact little-endian byte buffer, for the start-up cache.
struct BinaryWriter {
  private(set) var bytes: [UInt8] = []

  init() {}

  mutating func int(_ value: Int) { uint64(UInt64(bitPattern: Int64(value))) }

  mutating func uint32(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func uint64(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func double(_ value: Double) { uint64(value.bitPattern) }

  mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  /// A counted run of bytes, as `BinaryReader.rawBytes` reads it.
  mutating func rawBytes(_ values: [UInt8]) {
    int(values.count)
    bytes.append(contentsOf: values)
  }

  mutating func string(_ value: String) {
    int(value.utf8.count)
    bytes.append(contentsOf: value.utf8)
  }

  mutating func optionalString(_ value: String?) {
    bool(value != nil)
    if let value { string(value) }
  }

  mutating func optionalDouble(_ value: Double?) {
    bool(value != nil)
    if let value { double(value) }
  }

  mutating func strings(_ values: [String]) {
    int(values.count)
    for value in values { string(value) }
  }

  /// Set elements in sorted order, so equal sets write equal bytes.
  mutating func stringSet(_ values: Set<String>) { strings(values.sorted()) }

  /// A list of byte strings.
  mutating func byteStrings(_ values: [[UInt8]]) {
    int(values.count)
    for value in values {
      int(value.count)
      bytes.append(contentsOf: value)
    }
  }

  mutating func uint64s(_ values: [UInt64]) {
    int(values.count)
    bytes.reserveCapacity(bytes.count + values.count * 8)
    for value in values { uint64(value) }
  }

  mutating func uint32s(_ values: [UInt32]) {
    int(values.count)
    bytes.reserveCapacity(bytes.count + values.count * 4)
    for value in values { uint32(value) }
  }

  /// A list whose elements are written by `each`.
  mutating func list<T>(_ values: [T], _ each: (inout BinaryWriter, T) -> Void) {
    int(values.count)
    for value in values { each(&self, value) }
  }
}
