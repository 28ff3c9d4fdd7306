/// Word-at-a-time scans of UTF-8 bytes: eight bytes are tested at once with the classic
/// "has a zero byte" bit tricks, so long plain runs of text cost one test per word.
enum ByteScan {
  /// 0x01 in every byte.
  static let ones: UInt64 = 0x0101_0101_0101_0101
  /// 0x80 in every byte.
  static let highs: UInt64 = 0x8080_8080_8080_8080
  /// 0x7F in every byte.
  static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
  /// The bytes tested at once.
  static let width = 8

  /// The eight bytes at `index` (which must leave eight in the buffer), in memory order.
  @inline(__always)
  static func word(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
  }

  /// 0x80 in each byte of `word` that equals `byte`, 0 in the others (exact, no false hits).
  @inline(__always)
  static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let x = word ^ (ones &* UInt64(byte))
    return ~(((x & lows) &+ lows) | x) & highs
  }

  /// True when some byte of `word` is below `limit` (at most 0x80).
  @inline(__always)
  static func hasLess(_ word: UInt64, than limit: UInt8) -> Bool {
    (word &- ones &* UInt64(limit)) & ~word & highs != 0
  }

  /// True when no byte of `word` needs a look in JSON quoting: none is a control (below 0x20
  /// or 0x7F), a quote, a backslash or part of a non-ASCII scalar.
  @inline(__always)
  static func isPlainJSON(_ word: UInt64) -> Bool {
    word & highs == 0 && !hasLess(word, than: 0x20)
      && (equal(word, 0x22) | equal(word, 0x5C) | equal(word, 0x7F)) == 0
  }

  /// True when `bytes` is non-empty and has no newline, no leading, trailing or double space.
  static func isSingleSpaced(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else {
      return false
    }
    var index = 0
    var carry: UInt64 = 0  // 0x80 when the byte before this word was a space
    while index + width <= bytes.count {
      let word = word(bytes, at: index)
      let spaces = equal(word, 0x20)
      // A space whose next byte is a space too (bytes are in little-endian order in the word).
      if equal(word, 0x0A) != 0 || spaces & (spaces >> 8) != 0 || carry & spaces & 0x80 != 0 {
        return false
      }
      carry = spaces >> 56
      index += width
    }
    var previous: UInt8 = carry != 0 ? 0x20 : 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0A || (byte == 0x20 && previous == 0x20) { return false }
      previous = byte
      index += 1
    }
    return true
  }
}
