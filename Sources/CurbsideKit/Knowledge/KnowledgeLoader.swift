import Foundation
import Yams

/// Reads a knowledge folder: `knowledge.yaml`, `references.yaml`, `topics/*.yaml`.
public enum KnowledgeLoader {
  public static func load(from folder: URL, bag: inout DiagnosticBag) -> KnowledgeBase {
    let name = folder.lastPathComponent
    var base = KnowledgeBase(
      version: "0", reviewed: "unknown", title: "Curbside", scope: "", outOfScope: "",
      disclaimer: "", notLoaded: "", privacy: "", references: [:], referenceOrder: [], topics: [:])
    guard IntentCatalog.isFolder(folder) else {
      bag.add(
        Diagnostic(
          file: folder.path, line: 1, column: 1, message: "knowledge folder not found or not a folder"))
      return base
    }
    if let document = YAMLDocument.load(
      folder.appendingPathComponent("knowledge.yaml"), displayPath: "\(name)/knowledge.yaml",
      into: &bag)
    {
      loadHeader(document, into: &base, bag: &bag)
    }
    if let document = YAMLDocument.load(
      folder.appendingPathComponent("references.yaml"), displayPath: "\(name)/references.yaml",
      into: &bag)
    {
      loadReferences(document, into: &base, bag: &bag)
    }
    let topics = folder.appendingPathComponent("topics")
    for url in IntentCatalog.yamlFiles(in: topics, bag: &bag) {
      let path = "\(name)/topics/\(url.lastPathComponent)"
      guard let document = YAMLDocument.load(url, displayPath: path, into: &bag),
        let topic = TopicLoader.load(document, bag: &bag)
      else { continue }
      if base.topics[topic.intent] != nil {
        bag.add(document.diagnostic(at: document.root, "second topic for intent '\(topic.intent)'"))
      }
      base.topics[topic.intent] = topic
    }
    base.distinctiveWords = base.distinctive()
    return base
  }

  static func loadHeader(_ document: YAMLDocument, into base: inout KnowledgeBase, bag: inout DiagnosticBag) {
    guard let map = YAMLMap(document.root, in: document, what: "the knowledge header", bag: &bag)
    else { return }
    map.checkKeys(
      allowed: [
        "version", "reviewed", "title", "scope", "out_of_scope", "disclaimer", "not_loaded", "privacy",
      ],
      bag: &bag)
    base.version = map.string("version", bag: &bag) ?? base.version
    base.reviewed = map.string("reviewed", bag: &bag) ?? base.reviewed
    base.title = map.string("title", bag: &bag) ?? base.title
    base.scope = map.string("scope", bag: &bag) ?? ""
    base.outOfScope = map.string("out_of_scope", bag: &bag) ?? ""
    base.disclaimer = map.string("disclaimer", bag: &bag) ?? ""
    base.notLoaded = map.string("not_loaded", bag: &bag) ?? ""
    base.privacy = map.string("privacy", bag: &bag) ?? ""
  }

  static func loadReferences(
    _ document: YAMLDocument, into base: inout KnowledgeBase, bag: inout DiagnosticBag
  ) {
    guard let map = YAMLMap(document.root, in: document, what: "the references file", bag: &bag)
    else { return }
    map.checkKeys(allowed: ["references"], bag: &bag)
    for node in map.sequence("references", required: true, bag: &bag) {
      guard let entry = YAMLMap(node, in: document, what: "a reference", bag: &bag) else { continue }
      entry.checkKeys(allowed: ["key", "short", "citation", "level"], bag: &bag)
      guard let key = entry.string("key", bag: &bag),
        let citation = entry.string("citation", bag: &bag)
      else { continue }
      let levelText = entry.string("level", bag: &bag) ?? "primary"
      let level = Reference.Level(rawValue: levelText)
      if level == nil {
        bag.add(
          document.diagnostic(
            at: entry["level"],
            "unknown level '\(levelText)'; expected one of \(Reference.Level.allCases.map(\.rawValue).joined(separator: ", "))"
          ))
      }
      if base.references[key] != nil {
        bag.add(document.diagnostic(at: entry["key"], "duplicate reference key '\(key)'"))
        continue
      }
      if citation.contains("http") || citation.contains("www.") {
        bag.add(document.diagnostic(at: entry["citation"], "citation of '\(key)' contains a web address"))
      }
      base.references[key] = Reference(
        key: key, short: entry.string("short", bag: &bag) ?? key,
        citation: citation.trimmingCharacters(in: .whitespacesAndNewlines), level: level ?? .primary,
        line: node.mark?.line ?? 1)
      base.referenceOrder.append(key)
    }
  }
}
