#!/usr/bin/env bash
# Privacy check: runs curbside's commands under strace and fails if any network system call
# (socket, connect, bind, sendto...) is made. Usage: Benchmarks/privacy.sh [path/to/curbside]
# Installs strace with apt-get when missing and possible; otherwise says so and exits 2 (never
# passes silently).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-$(swift build -c release --scratch-path "${SCRATCH:-.build-bench}" --show-bin-path)/curbside}
if ! command -v strace >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "privacy: installing strace" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq strace >/dev/null
  fi
fi
if ! command -v strace >/dev/null; then
  echo "privacy: NOT CHECKED: strace is not installed (apt-get install strace)" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'hyper-CVAD doses\n72 yo, Ph negative: what induction?\nwhy\n' > "$work/questions.txt"
failed=0
check() {
  local name=$1; shift
  # -f follows threads and children; only network calls are traced.
  if ! strace -f -qq -e trace=network -o "$work/$name.log" "$@" > /dev/null 2>&1 < "$work/questions.txt"; then
    : # the command's own exit status is not the point here (check may report data problems)
  fi
  if grep -Eq '(socket|connect|bind|listen|accept|send|recv)[a-z0-9]*\(' "$work/$name.log"; then
    echo "privacy: FAIL: $name made network calls:" >&2
    grep -E '\(' "$work/$name.log" | head -5 >&2
    failed=1
  else
    echo "privacy: ok: $name made no network call"
  fi
}
export XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state"
check ask "$BIN" ask "hyper-CVAD doses"
check ask-cached "$BIN" ask "blinatumomab for MRD"
check batch "$BIN" batch --format json "$work/questions.txt"
check stdin "$BIN"
check explain "$BIN" explain "what induction for a 72 year old"
check check "$BIN" check
exit $failed
