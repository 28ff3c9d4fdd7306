import CurbsideKit
import Foundation

/// The engine, loaded once from the project's data (CURBSIDE_HOME, else this file's project).
let engine: Engine = {
  let root = ProcessInfo.processInfo.environment["CURBSIDE_HOME"].map(URL.init(fileURLWithPath:))
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  do throws(DataError) {
    return try Engine.load(
      intents: root.appendingPathComponent("Intents"), knowledge: root.appendingPathComponent("Knowledge"))
  } catch {
    fatalError("cannot load the data under \(root.path): \(error.diagnostics.map(\.description))")
  }
}()

/// One fuzz input: its bytes as lines of a batch, answered in every format. Crashes, hangs and
/// leaks are libFuzzer's to find; an ESC or other control byte in terminal output is a failure.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let renderers = OutputFormat.allCases.map {
    Renderer(format: $0, options: RenderOptions(), references: engine.knowledge.references)
  }
  var session = engine.session()
  for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(32) {
    let response = session.respond(to: String(line))
    _ = IdentifierGuard.check(String(line))
    for renderer in renderers where renderer.format != .json {
      let output = renderer.render(response)
      if output.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" || $0.value == 0x7F }) {
        fatalError("control character in \(renderer.format) output for \(line.debugDescription)")
      }
    }
  }
  return 0
}

/// libFuzzer's driver, for SwiftPM's renamed executable entry point below.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM links an executable target's `main` to `<target>_main`: hand over to libFuzzer.
@_cdecl("CurbsideFuzz_main")
public func fuzzMain(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> CInt {
  var count = argc
  var arguments = argv
  return withUnsafeMutablePointer(to: &arguments) { argumentsPointer in
    argumentsPointer.withMemoryRebound(
      to: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?.self, capacity: 1
    ) { runDriver(&count, $0, { data, size in fuzz(data, size) }) }
  }
}
