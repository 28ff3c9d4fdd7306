import ArgumentParser
import CurbsideKit

/// Every failure the command line reports, turned into words and exit codes in one place.
enum CLIError: Error, CustomStringConvertible {
  case data([Diagnostic])
  case dataNotFound(String)
  case unreadable(String)
  case exists(String)
  case cannotWrite(String, String)

  var description: String {
    switch self {
    case .data(let diagnostics): return diagnostics.map(\.rendered).joined(separator: "\n")
    case .dataNotFound(let what): return "curbside: cannot find \(what)"
    case .unreadable(let path): return "curbside: cannot read \(path)"
    case .exists(let path): return "curbside: \(path) exists; use --force to replace it"
    case .cannotWrite(let path, let reason): return "curbside: cannot write \(path): \(reason)"
    }
  }

  /// Reports the error on standard error and exits 1: a failure the user asked to hear about.
  static func exit(_ error: Error) -> ExitCode {
    Output.error(String(describing: error))
    return ExitCode(1)
  }
}

extension ParsableCommand {
  /// Runs `body`, mapping CLIError to its message and exit code 1.
  func reporting(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as CLIError {
      throw CLIError.exit(error)
    }
  }
}
