#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines from a file or standard input in constant memory, repairing invalid UTF-8.
///
/// Any bytes are accepted: NULs stay in the line (the sanitizer blanks them), invalid UTF-8 is
/// replaced with U+FFFD and counted, and a line longer than `maximumLineBytes` is cut there
/// (the rest of it skipped, and counted), so a binary file or a file with no newline at all
/// never costs more than one chunk and one cut line of memory.
public final class LineFile: Sequence, IteratorProtocol {
  /// Longest line kept, in bytes: far beyond any question (the session reads only the first
  /// 2,000 scalars of a line), small enough that one line can never exhaust memory.
  public static let maximumLineBytes = 1 << 20
  /// Bytes read from the file per system call.
  static let chunkBytes = 64 << 10

  /// Set while a read is waiting for input, so that Ctrl-C can end a batch that is blocked on
  /// a terminal or an idle pipe at once (between lines, so no output is cut in half).
  nonisolated(unsafe) public static var waitingForInput: sig_atomic_t = 0

  private let descriptor: Int32
  private let owned: Bool
  private var chunk: [UInt8]
  private var start = 0
  private var end = 0
  private var finished = false
  private var line: [UInt8] = []
  /// Lines that held bytes which are not UTF-8 (repaired with U+FFFD).
  public private(set) var invalidLines = 0
  /// Lines cut at `maximumLineBytes`.
  public private(set) var truncatedLines = 0

  /// Opens `path`, or standard input for `-`; nil when it cannot be opened or is a folder.
  public init?(path: String) {
    let descriptor = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    var info = stat()
    if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      if descriptor != 0 { close(descriptor) }
      return nil
    }
    self.descriptor = descriptor
    owned = descriptor != 0
    chunk = [UInt8](repeating: 0, count: Self.chunkBytes)
  }

  deinit {
    if owned { close(descriptor) }
  }

  public func next() -> String? {
    line.removeAll(keepingCapacity: true)
    var consumed = false
    var truncated = false
    while true {
      if start == end {
        guard !finished, refill() else { break }
      }
      consumed = true
      let newline = chunk.withUnsafeBytes { buffer -> Int? in
        guard let found = memchr(buffer.baseAddress! + start, 0x0A, end - start) else { return nil }
        return buffer.baseAddress!.distance(to: UnsafeRawPointer(found))
      }
      let stop = newline ?? end
      let room = Self.maximumLineBytes - line.count
      if stop - start > room {
        truncated = true
        line.append(contentsOf: chunk[start..<(start + Swift.max(0, room))])
      } else {
        line.append(contentsOf: chunk[start..<stop])
      }
      if let newline {
        start = newline + 1
        break
      }
      start = end
    }
    guard consumed else { return nil }
    return finish(truncated: truncated)
  }

  /// Reads the next chunk; false at end of input or on an error.
  private func refill() -> Bool {
    while true {
      Self.waitingForInput = 1
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      Self.waitingForInput = 0
      if count < 0, errno == EINTR { continue }
      guard count > 0 else {
        finished = true
        return false
      }
      start = 0
      end = count
      return true
    }
  }

  private func finish(truncated: Bool) -> String {
    if truncated {
      truncatedLines += 1
      Self.dropIncompleteScalar(&line)
    }
    var length = line.count
    while length > 0, line[length - 1] == 0x0A || line[length - 1] == 0x0D { length -= 1 }
    return line.withUnsafeBufferPointer { buffer in
      let bytes = UnsafeBufferPointer(rebasing: buffer[0..<length])
      let text = String(decoding: bytes, as: UTF8.self)
      if text.unicodeScalars.contains("\u{FFFD}"), String(validating: bytes, as: UTF8.self) == nil {
        invalidLines += 1
      }
      return text
    }
  }

  /// Removes a UTF-8 sequence cut short at the end of `bytes` by truncation.
  static func dropIncompleteScalar(_ bytes: inout [UInt8]) {
    var lead = bytes.count - 1
    // Step back over at most three continuation bytes (10xxxxxx) to the sequence's lead byte.
    while lead >= 0, lead > bytes.count - 4, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
    guard lead >= 0 else { return }
    let first = bytes[lead]
    let expected = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
    if bytes.count - lead < expected { bytes.removeSubrange(lead...) }
  }
}
