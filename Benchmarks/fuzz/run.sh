#!/usr/bin/env bash
# Builds the libFuzzer target (address sanitizer on) and fuzzes Curbside's input path for
# SECONDS (default 60), starting from the evaluation questions. Not part of the normal build.
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_TO_RUN=${1:-60}
swift build -c release --scratch-path ../../.build-fuzz 2>&1 | tail -1
BIN="$(swift build -c release --scratch-path ../../.build-fuzz --show-bin-path)/CurbsideFuzz"
corpus=../../.build-fuzz/corpus
mkdir -p "$corpus"
if [ -z "$(ls -A "$corpus")" ]; then
  i=0
  grep -v '^#' ../../Tests/Evaluation/questions.tsv | cut -f2 | grep -v '^$' | while IFS= read -r q; do
    i=$((i + 1)); printf '%s\n' "$q" > "$corpus/q$i"
  done
fi
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
export CURBSIDE_HOME="$(cd ../.. && pwd)"
# Leak detection is off: the compiled patterns live in statics for the life of the process,
# which LeakSanitizer reports as leaks; ASan still checks every access.
"$BIN" -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 "$corpus"
