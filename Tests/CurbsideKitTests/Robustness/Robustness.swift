import Testing

/// Hostile input, malformed data, process hygiene and privacy: the suites in this folder, so
/// that `swift test --filter Robustness` runs them all.
@Suite enum Robustness {}
