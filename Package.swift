// swift-tools-version:6.0
import PackageDescription

/// One settings list for every target: warnings are errors.
let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

/// Release builds of the executable start faster when linked at a fixed address and without
/// exporting its symbols: a position-independent executable has 77,000 pointers for the loader
/// to relocate at every start, and an exported table for it to search (together about 1.2 ms
/// of the 12 ms of `curbside ask`, measured with `make bench`). The cost is that the
/// executable itself is not placed at a random address (its libraries still are); Curbside
/// reads only what its user types or points it at and opens no socket.
let fastStart: [LinkerSetting] = [
  .unsafeFlags(
    ["-Xclang-linker", "-no-pie", "-Xlinker", "--no-export-dynamic"],
    .when(platforms: [.linux], configuration: .release))
]

let package = Package(
  name: "curbside",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "curbside", targets: ["curbside"]),
    .library(name: "CurbsideKit", targets: ["CurbsideKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
  ],
  targets: [
    .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
    .target(
      name: "CurbsideKit",
      dependencies: [.product(name: "Yams", package: "Yams")],
      swiftSettings: strict
    ),
    .executableTarget(
      name: "curbside",
      dependencies: [
        "CurbsideKit", "CReadline",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict,
      linkerSettings: fastStart
    ),
    .target(
      name: "CurbsideTestSupport",
      dependencies: ["CurbsideKit"],
      path: "Tests/CurbsideTestSupport",
      swiftSettings: strict
    ),
    .testTarget(
      name: "CurbsideKitTests",
      dependencies: ["CurbsideKit", "CurbsideTestSupport"],
      swiftSettings: strict
    ),
  ]
)
