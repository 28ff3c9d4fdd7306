#!/usr/bin/env bash
# Curbside benchmarks, each beside the machine's own floor measured in the same run:
#   (a) start-up of `curbside ask` as a whole process vs a Swift hello (hyperfine), and of the
#       REPL to its prompt on a pseudo-terminal (Benchmarks/repl_prompt.py)
#   (b) warm per-question latency (median, p99) and batch throughput (`curbside bench`)
#   (c) peak RSS answering a 100,000-line batch (streamed)
#   (d) growth: time per question with 1x and 10x the intents, terms and statements
#   (e) privacy: no network system call (Benchmarks/privacy.sh, under strace)
# Usage: Benchmarks/run.sh   (or `make bench`). Environment: SCRATCH (build folder, default
# .build-bench), STATIC=0 to link the Swift runtime dynamically, ROUNDS (bench rounds, 10),
# LINES (batch size for (c), 100000).
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=${SCRATCH:-.build-bench}
STATIC=${STATIC:-1}
ROUNDS=${ROUNDS:-10}
LINES=${LINES:-100000}
OUT="$SCRATCH/bench"
mkdir -p "$OUT"

static_flag=() swiftc_static=()
if [ "$STATIC" = 1 ]; then static_flag=(--static-swift-stdlib); swiftc_static=(-static-stdlib); fi

install() {  # install Debian packages when missing and we are root; never fatal
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 || true
  fi
}
command -v hyperfine >/dev/null || install hyperfine
[ -x /usr/bin/time ] || install time

echo "== build (release${static_flag:+, static Swift runtime})"
swift build -c release --scratch-path "$SCRATCH" "${static_flag[@]}" 2>&1 | tail -1
BIN="$(swift build -c release --scratch-path "$SCRATCH" "${static_flag[@]}" --show-bin-path)/curbside"
swiftc -O "${swiftc_static[@]}" Benchmarks/hello/hello.swift -o "$OUT/hello"
swiftc -O Benchmarks/hello/hello.swift -o "$OUT/hello-dynamic"

# A private cache folder for this run, warmed by one call (the start-up cache is per build).
export XDG_CACHE_HOME="$PWD/$OUT/cache"
rm -rf "$XDG_CACHE_HOME"
QUESTION="hyper-CVAD doses for a 45 year old"
# A question with a misspelling: it also reads the typo index, which a start reads only when a
# word needs correcting (about two questions in three of the blind sets).
MISSPELT="blinatumumab for an MRD positive 52 year old"
"$BIN" ask "$QUESTION" > /dev/null
# The cache vouches for the data files by their metadata only once they have been left alone
# for 2 s (a fresh clone's files are seconds old): warm it again after that, as any real start
# after the first finds it.
sleep 3
"$BIN" ask "$QUESTION" > /dev/null

median_ms() {  # median wall time in ms of a command line, over many runs
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 5 --runs "${RUNS:-60}" --export-csv "$OUT/h.csv" "$1" > /dev/null 2>&1
    awk -F, 'NR == 2 { printf "%.1f", $4 * 1000 }' "$OUT/h.csv"
  else
    # Fallback: wall times of a loop, via /usr/bin/time, median of them.
    for _ in $(seq 40); do /usr/bin/time -f %e sh -c "$1 > /dev/null" 2>&1 >/dev/null | tail -1; done |
      sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] * 1000 }'
  fi
}

echo "== (a) start-up"
hello=$(median_ms "$OUT/hello")
hello_dynamic=$(median_ms "$OUT/hello-dynamic")
help=$(median_ms "$BIN --help")
ask=$(median_ms "$BIN ask '$QUESTION'")
ask_misspelt=$(median_ms "$BIN ask '$MISSPELT'")
ask_nocache=$(CURBSIDE_NO_CACHE=1 median_ms "$BIN ask '$QUESTION'")
echo "hello (same flags): $hello ms; hello (dynamic runtime): $hello_dynamic ms"
echo "curbside --help: $help ms; ask: $ask ms; ask (misspelt): $ask_misspelt ms; ask without the cache: $ask_nocache ms"
ratio=$(awk -v a="$ask" -v h="$hello" 'BEGIN { printf "%.1f", a / h }')
ratio_dynamic=$(awk -v a="$ask" -v h="$hello_dynamic" 'BEGIN { printf "%.1f", a / h }')
# The REPL's prompt on a pseudo-terminal, against a hello printing on one (same harness).
repl="n/a" repl_floor="n/a" ratio_repl="n/a"
if command -v python3 >/dev/null; then
  repl=$(python3 Benchmarks/repl_prompt.py "$BIN" 40 || echo n/a)
  repl_floor=$(python3 Benchmarks/repl_prompt.py "$OUT/hello-dynamic" 40 hello || echo n/a)
  ratio_repl=$(awk -v a="$repl" -v h="$repl_floor" 'BEGIN { if (h + 0 > 0) printf "%.1f", a / h; else print "n/a" }')
fi
echo "REPL prompt on a terminal: $repl ms; dynamic hello on a terminal: $repl_floor ms"
ratio_misspelt=$(awk -v a="$ask_misspelt" -v h="$hello_dynamic" 'BEGIN { printf "%.1f", a / h }')

echo "== (b) warm per question: curbside bench --rounds $ROUNDS"
"$BIN" bench --rounds "$ROUNDS" | tee "$OUT/bench1.txt"

echo "== (c) peak RSS on a $LINES-line batch"
grep -v '^#' Tests/Evaluation/questions.tsv | cut -f2 | grep -v '^$' > "$OUT/questions.txt"
awk -v n="$LINES" '{ q[NR] = $0 } END { for (i = 0; i < n; i++) print q[i % NR + 1] }' \
  "$OUT/questions.txt" > "$OUT/big.txt"
start=$(date +%s.%N)
/usr/bin/time -f %M -o "$OUT/rss.txt" "$BIN" batch --format json "$OUT/big.txt" > /dev/null
end=$(date +%s.%N)
rss_mb=$(awk '{ printf "%.1f", $1 / 1024 }' "$OUT/rss.txt")
batch_qps=$(awk -v s="$start" -v e="$end" -v n="$LINES" 'BEGIN { printf "%.0f", n / (e - s) }')
small=$(head -1000 "$OUT/big.txt" > "$OUT/small.txt"; /usr/bin/time -f %M "$BIN" batch --format json "$OUT/small.txt" 2>&1 >/dev/null | tail -1)
echo "peak RSS: $rss_mb MB for $LINES lines ($(awk -v k="$small" 'BEGIN { printf "%.1f", k / 1024 }') MB for 1,000); process throughput $batch_qps lines/s"

echo "== (d) growth: bench --scale 10"
"$BIN" bench --rounds "$ROUNDS" --scale 10 | tee "$OUT/bench10.txt"
m1=$(awk '/^median/ { print $2 }' "$OUT/bench1.txt")
m10=$(awk '/^median/ { print $2 }' "$OUT/bench10.txt")
growth=$(awk -v a="$m1" -v b="$m10" 'BEGIN { printf "%.2f", b / a }')

echo "== (e) privacy"
privacy="ok"
Benchmarks/privacy.sh "$BIN" || privacy="FAILED or not checked"

verdict() { awk -v v="$1" -v t="$2" -v dir="$3" 'BEGIN { ok = dir == "<=" ? v <= t : v >= t; print ok ? "met" : "MISSED" }'; }
p50=$(awk '/^median/ { print $2 }' "$OUT/bench1.txt")
p99=$(awk '/^p99/ { print $2 }' "$OUT/bench1.txt")
qps=$(awk '/^batch/ { print $2 }' "$OUT/bench1.txt")
echo
echo "== summary (target, measured, verdict)"
printf '%-34s %-16s %-22s %s\n' "start-up ask vs hello" "<= 3x" "$ask ms / $hello ms = ${ratio}x" "$(verdict "$ratio" 3 '<=')"
printf '%-34s %-16s %-22s %s\n' "start-up ask vs dynamic hello" "<= 3x" "$ask ms / $hello_dynamic ms = ${ratio_dynamic}x" "$(verdict "$ratio_dynamic" 3 '<=')"
printf '%-34s %-16s %-22s %s\n' "start-up misspelt ask vs dyn. hello" "<= 3x" "$ask_misspelt ms / $hello_dynamic ms = ${ratio_misspelt}x" "$(verdict "$ratio_misspelt" 3 '<=')"
printf '%-34s %-16s %-22s %s\n' "REPL prompt vs dyn. hello (pty)" "<= 3x" "$repl ms / $repl_floor ms = ${ratio_repl}x" "$(verdict "$ratio_repl" 3 '<=')"
printf '%-34s %-16s %-22s %s\n' "median per question (warm)" "<= 50 us" "$p50 us" "$(verdict "$p50" 50 '<=')"
printf '%-34s %-16s %-22s %s\n' "p99 per question (warm)" "<= 500 us" "$p99 us" "$(verdict "$p99" 500 '<=')"
printf '%-34s %-16s %-22s %s\n' "batch throughput (in process)" ">= 20000 q/s" "$qps q/s" "$(verdict "$qps" 20000 '>=')"
printf '%-34s %-16s %-22s %s\n' "peak RSS, $LINES-line batch" "<= 40 MB" "$rss_mb MB" "$(verdict "$rss_mb" 40 '<=')"
printf '%-34s %-16s %-22s %s\n' "growth 10x data (median ratio)" "<= 10x" "${growth}x" "$(verdict "$growth" 10 '<=')"
printf '%-34s %-16s %-22s %s\n' "network system calls" "none" "$privacy" "$([ "$privacy" = ok ] && echo met || echo MISSED)"
