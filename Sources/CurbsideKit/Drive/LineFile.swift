#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads lines from a C stream with `getline`, repairing invalid UTF-8, in constant memory.
public final class LineFile: Sequence, IteratorProtocol {
  private let stream: UnsafeMutablePointer<FILE>
  private let owned: Bool
  private var buffer: UnsafeMutablePointer<CChar>?
  private var capacity = 0
  /// Lines that held bytes which are not UTF-8 (repaired with U+FFFD).
  public private(set) var invalidLines = 0

  /// Opens `path`, or standard input for `-`; nil when the file cannot be opened.
  public init?(path: String) {
    guard let file = path == "-" ? fdopen(0, "r") : fopen(path, "r") else { return nil }
    stream = file
    owned = true
  }

  deinit {
    free(buffer)
    if owned { fclose(stream) }
  }

  public func next() -> String? {
    let count = getline(&buffer, &capacity, stream)
    guard count >= 0, let buffer else { return nil }
    var length = count
    while length > 0, buffer[length - 1] == 0x0A || buffer[length - 1] == 0x0D { length -= 1 }
    let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
    let line = String(decoding: bytes, as: UTF8.self)
    if line.unicodeScalars.contains("\u{FFFD}"),
      String(validating: bytes, as: UTF8.self) == nil
    {
      invalidLines += 1
    }
    return line
  }
}
