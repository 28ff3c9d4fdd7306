#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few file operations the cache needs, straight on the C library (Foundation's are slower
/// to start and to run, and the cache exists to make start-up fast).
enum PosixFile {
  /// Largest file the cache maps: the cache is about a megabyte; anything bigger is not ours.
  static let maximumSize = 64 << 20

  /// Calls `body` with the file's bytes mapped into memory (read-only, private), or returns nil
  /// when it cannot be (missing, empty, a folder, too big, a symlink when `followLinks` is
  /// false). Mapping a file that is in the page cache costs a few page faults, where reading it
  /// costs a fault for every page of a fresh buffer and a copy: for the one-megabyte start-up
  /// cache, 0.5 ms of `curbside ask`. The bytes are valid only inside `body`. The cache is only
  /// ever replaced by renaming a new file over it, so a mapped file is never rewritten.
  static func withMapping<T>(
    _ path: String, followLinks: Bool = true, _ body: (UnsafeRawBufferPointer) -> T
  ) -> T? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW))
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
      info.st_size > 0, Int(info.st_size) <= maximumSize
    else { return nil }
    let size = Int(info.st_size)
    guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
      address != MAP_FAILED
    else { return nil }
    defer { munmap(address, size) }
    return body(UnsafeRawBufferPointer(start: address, count: size))
  }

  /// The bytes of `range` of a regular file (not through a symlink), or nil when they cannot all
  /// be read.
  static func bytes(of path: String, in range: Range<Int>) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var result = [UInt8](repeating: 0, count: range.count)
    var done = 0
    let complete = result.withUnsafeMutableBytes { buffer -> Bool in
      while done < range.count {
        let got = pread(
          descriptor, buffer.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
        if got < 0, errno == EINTR { continue }
        guard got > 0 else { return false }
        done += got
      }
      return true
    }
    return complete ? result : nil
  }

  /// Feeds the file's bytes to `body` in chunks through one reusable `buffer`; false when the
  /// file cannot be read. Hashing the data files this way allocates nothing per file.
  static func chunks(
    of path: String, buffer: UnsafeMutableRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void
  ) -> Bool {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    while true {
      let got = read(descriptor, buffer.baseAddress!, buffer.count)
      if got < 0, errno == EINTR { continue }
      guard got >= 0 else { return false }
      if got == 0 { return true }
      body(UnsafeRawBufferPointer(rebasing: buffer[..<got]))
    }
  }

  /// The names in a folder (no `.` or `..`), sorted; nil when it is not a readable folder.
  static func names(in path: String) -> [String]? {
    guard let folder = opendir(path) else { return nil }
    defer { closedir(folder) }
    var names: [String] = []
    while let entry = readdir(folder) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
      }
      if name != ".", name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  /// What a file's metadata say of its content: device, inode, size, and the modification and
  /// change times to the nanosecond; `newestSecond` is the later of the two times.
  struct Metadata {
    var words: [UInt64]
    var newestSecond: Int
  }

  static func metadata(_ path: String) -> Metadata? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    #if canImport(Darwin)
      let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
    #else
      let (modified, changed) = (info.st_mtim, info.st_ctim)
    #endif
    let times = [modified.tv_sec, modified.tv_nsec, changed.tv_sec, changed.tv_nsec].map {
      UInt64(truncatingIfNeeded: $0)
    }
    let words =
      [UInt64(truncatingIfNeeded: info.st_dev), UInt64(truncatingIfNeeded: info.st_ino)]
      + [UInt64(truncatingIfNeeded: info.st_size)] + times
    return Metadata(words: words, newestSecond: Int(max(modified.tv_sec, changed.tv_sec)))
  }

  /// The wall clock, in seconds (the clock file times are read against).
  static func nowSeconds() -> Int {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int(now.tv_sec)
  }

  /// Size, modification time and inode of a file, to tell one build of a program from another.
  static func identity(_ path: String) -> [UInt64]? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    #if canImport(Darwin)
      let seconds = info.st_mtimespec.tv_sec
      let nanoseconds = info.st_mtimespec.tv_nsec
    #else
      let seconds = info.st_mtim.tv_sec
      let nanoseconds = info.st_mtim.tv_nsec
    #endif
    return [
      UInt64(truncatingIfNeeded: info.st_size), UInt64(truncatingIfNeeded: seconds),
      UInt64(truncatingIfNeeded: nanoseconds), UInt64(truncatingIfNeeded: info.st_ino),
      UInt64(truncatingIfNeeded: info.st_dev),
    ]
  }

  /// Creates `path` and its parents with mode 0700; true when it exists as a folder after.
  static func makeFolder(_ path: String) -> Bool {
    var info = stat()
    if stat(path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
    let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
      .joined(separator: "/")
    if !parent.isEmpty, parent != path, !makeFolder(parent) { return false }
    return mkdir(path, 0o700) == 0 || errno == EEXIST
  }

  /// Writes `bytes` to a new private file beside `path` (mode 0600), then renames it over
  /// `path`, so a reader sees the old file or the new one, never half of one. False on failure.
  static func writeAtomically(_ bytes: [UInt8], to path: String) -> Bool {
    let temporary = "\(path).\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
    guard descriptor >= 0 else { return false }
    var done = 0
    var failed = false
    while done < bytes.count {
      let wrote = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + done, bytes.count - done) }
      if wrote < 0, errno == EINTR { continue }
      guard wrote > 0 else {
        failed = true
        break
      }
      done += wrote
    }
    if fchmod(descriptor, 0o600) != 0 { failed = true }
    if close(descriptor) != 0 { failed = true }
    if failed || rename(temporary, path) != 0 {
      unlink(temporary)
      return false
    }
    return true
  }
}
