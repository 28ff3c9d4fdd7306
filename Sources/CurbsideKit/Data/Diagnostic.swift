/// A problem found in a data file, located by file, line and column.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
  /// How bad a problem is: errors fail `check` and start-up, warnings only fail `check --strict`.
  public enum Severity: String, Sendable { case error, warning }

  public var file: String
  public var line: Int
  public var column: Int
  public var message: String
  public var severity: Severity
  /// The offending source line, shown under the message when known.
  public var sourceLine: String?

  public init(
    file: String, line: Int, column: Int, message: String, severity: Severity = .error,
    sourceLine: String? = nil
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
    self.severity = severity
    self.sourceLine = sourceLine
  }

  /// `file:line:column: error: message`, the form editors and CI understand.
  public var description: String {
    "\(file):\(line):\(column): \(severity.rawValue): \(message)"
  }

  /// The description, followed by the source line and a caret under the column.
  public var rendered: String {
    guard let sourceLine else { return description }
    let caret = String(repeating: " ", count: max(0, column - 1)) + "^"
    return "\(description)\n    \(sourceLine)\n    \(caret)"
  }
}

/// Collects diagnostics so that every problem is reported in one pass.
public struct DiagnosticBag: Sendable {
  public private(set) var items: [Diagnostic] = []

  public init() {}

  public mutating func add(_ diagnostic: Diagnostic) { items.append(diagnostic) }
  public mutating func add(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }

  public var hasErrors: Bool { items.contains { $0.severity == .error } }
  public var errors: [Diagnostic] { items.filter { $0.severity == .error } }

  /// Diagnostics ordered by file, line and column, so output is deterministic.
  public var sorted: [Diagnostic] {
    items.sorted {
      ($0.file, $0.line, $0.column, $0.message) < ($1.file, $1.line, $1.column, $1.message)
    }
  }
}
