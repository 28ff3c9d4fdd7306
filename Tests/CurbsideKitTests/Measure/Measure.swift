import Testing

/// The start-up cache, the typo index and the benchmarks: the suites in this folder, so that
/// `swift test --filter Measure` runs them all.
@Suite enum Measure {}
