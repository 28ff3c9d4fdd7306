/// Why a pattern did not compile, with the offset (in scalars) of the place in its source.
enum PatternError: Error, Equatable, CustomStringConvertible {
  /// Valid ICU syntax this engine does not implement: backreferences, possessive quantifiers,
  /// `\p{...}`, nested classes and the like.
  case unsupported(String, at: Int)
  /// Not a valid pattern at all.
  case malformed(String, at: Int)

  var description: String {
    switch self {
    case .unsupported(let what, let offset): return "unsupported \(what) at offset \(offset)"
    case .malformed(let what, let offset): return "\(what) at offset \(offset)"
    }
  }
}
