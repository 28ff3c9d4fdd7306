// swift-tools-version:6.0
// A libFuzzer target for Curbside's input path, kept out of the normal build.
// Run: Benchmarks/fuzz/run.sh [seconds]   (needs a toolchain with -sanitize=fuzzer, as on Linux)
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder: the checkout's own name, whatever it is.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().lastPathComponent

let package = Package(
  name: "curbside-fuzz",
  dependencies: [.package(path: "../..")],
  targets: [
    .executableTarget(
      name: "CurbsideFuzz",
      dependencies: [.product(name: "CurbsideKit", package: root)],
      swiftSettings: [.unsafeFlags(["-parse-as-library", "-sanitize=fuzzer,address"])],
      linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
    )
  ]
)
