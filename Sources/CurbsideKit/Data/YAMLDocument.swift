import Foundation
import Yams

/// A YAML file parsed into nodes that remember their line and column.
struct YAMLDocument {
  /// The path shown in diagnostics (relative to the data root when possible).
  let displayPath: String
  let lines: [Substring]
  let root: Node

  /// Reads and parses `url`; on failure adds a located diagnostic and returns nil.
  static func load(_ url: URL, displayPath: String, into bag: inout DiagnosticBag) -> YAMLDocument? {
    guard let data = try? Data(contentsOf: url) else {
      bag.add(Diagnostic(file: displayPath, line: 1, column: 1, message: "cannot read file"))
      return nil
    }
    guard let text = String(data: data, encoding: .utf8) else {
      bag.add(Diagnostic(file: displayPath, line: 1, column: 1, message: "file is not valid UTF-8"))
      return nil
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    func located(_ mark: Mark?, _ message: String) -> Diagnostic {
      let line = max(1, mark?.line ?? 1)
      let source = line - 1 < lines.count ? String(lines[line - 1]) : nil
      return Diagnostic(
        file: displayPath, line: line, column: max(1, mark?.column ?? 1), message: message,
        sourceLine: source)
    }
    do {
      guard let root = try Yams.compose(yaml: text) else {
        bag.add(located(nil, "file is empty"))
        return nil
      }
      return YAMLDocument(displayPath: displayPath, lines: lines, root: root)
    } catch let error as YamlError {
      switch error {
      case .scanner(let context, let problem, let mark, _),
        .parser(let context, let problem, let mark, _),
        .composer(let context, let problem, let mark, _):
        let prefix = context.map { "\($0.text) " } ?? ""
        bag.add(located(mark, "invalid YAML: \(prefix)\(problem)"))
      case .duplicatedKeysInMapping(let duplicates, let context):
        let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
        bag.add(located(context.mark, "duplicate key \(keys)"))
      default:
        bag.add(located(nil, "invalid YAML: \(error)"))
      }
      return nil
    } catch {
      bag.add(located(nil, "invalid YAML: \(error)"))
      return nil
    }
  }

  /// A diagnostic pointing at `node`.
  func diagnostic(at node: Node?, _ message: String, severity: Diagnostic.Severity = .error)
    -> Diagnostic
  {
    let line = max(1, node?.mark?.line ?? 1)
    let source = line - 1 < lines.count ? String(lines[line - 1]) : nil
    return Diagnostic(
      file: displayPath, line: line, column: max(1, node?.mark?.column ?? 1), message: message,
      severity: severity, sourceLine: source)
  }
}
