import Foundation

/// Every intent and the lexicon, loaded from an intents folder.
public struct IntentCatalog: Sendable {
  public var lexicon: Lexicon
  public var intents: [IntentSpec]

  public var normalizer: Normalizer { Normalizer(lexicon: lexicon) }

  public func spec(_ id: IntentID) -> IntentSpec? { intents.first { $0.id == id } }
}

extension IntentCatalog {
  /// Loads `lexicon.yaml` and every `<id>.yaml` in `folder`; problems go to `bag`.
  public static func load(from folder: URL, bag: inout DiagnosticBag) -> IntentCatalog {
    let display = folder.lastPathComponent
    var lexicon = Lexicon()
    guard isFolder(folder) else {
      bag.add(
        Diagnostic(file: folder.path, line: 1, column: 1, message: "intents folder not found or not a folder")
      )
      return IntentCatalog(lexicon: lexicon, intents: [])
    }
    let lexiconURL = folder.appendingPathComponent("lexicon.yaml")
    if let document = YAMLDocument.load(
      lexiconURL, displayPath: "\(display)/lexicon.yaml", into: &bag)
    {
      lexicon = LexiconLoader.load(document, bag: &bag)
    }
    let normalizer = Normalizer(lexicon: lexicon)
    var intents: [IntentSpec] = []
    // File names seen, so that a file with errors is not also reported missing.
    var stems: Set<String> = []
    for url in yamlFiles(in: folder, bag: &bag) where url.lastPathComponent != "lexicon.yaml" {
      stems.insert(url.deletingPathExtension().lastPathComponent)
      let path = "\(display)/\(url.lastPathComponent)"
      guard let document = YAMLDocument.load(url, displayPath: path, into: &bag) else { continue }
      if let spec = IntentLoader.load(document, normalizer: normalizer, bag: &bag) {
        let expected = url.deletingPathExtension().lastPathComponent
        if spec.id.rawValue != expected {
          bag.add(
            document.diagnostic(
              at: document.root, "intent id '\(spec.id)' does not match the file name '\(expected)'"))
        }
        if intents.contains(where: { $0.id == spec.id }) {
          bag.add(document.diagnostic(at: document.root, "duplicate intent id '\(spec.id)'"))
        } else {
          intents.append(spec)
        }
      }
    }
    for id in IntentID.all where !intents.contains(where: { $0.id == id }) && !stems.contains(id.rawValue) {
      bag.add(Diagnostic(file: display, line: 1, column: 1, message: "no file for intent '\(id)'"))
    }
    for spec in intents {
      lexicon.vocabulary.formUnion(spec.terms.flatMap(\.tokens))
      lexicon.vocabulary.formUnion(spec.negatives.flatMap(\.tokens))
    }
    lexicon.finishVocabulary()
    return IntentCatalog(lexicon: lexicon, intents: intents.sorted { $0.id < $1.id })
  }

  static func isFolder(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// The `.yaml` files of a folder, sorted; a missing folder is a diagnostic.
  static func yamlFiles(in folder: URL, bag: inout DiagnosticBag) -> [URL] {
    guard isFolder(folder) else {
      bag.add(Diagnostic(file: folder.path, line: 1, column: 1, message: "folder not found or not a folder"))
      return []
    }
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
      .map { folder.appendingPathComponent($0) }
  }
}
