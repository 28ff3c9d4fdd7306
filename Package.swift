// swift-tools-version:6.0
import PackageDescription

/// One settings list for every target: warnings are errors.
let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

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
      swiftSettings: strict
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
