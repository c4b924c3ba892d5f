#!/usr/bin/env bash
# Batch scoring throughput: release build, N synthetic 15-turn transcripts (zh-TW and English),
# `callsim score --json DIR > /dev/null` pinned to one core. Reports transcripts/s and µs per turn,
# by elapsed time and by CPU time (on a shared machine the CPU figure is the one to compare).
# Usage: Scripts/bench-score.sh [N]   (default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-20000}"
swift build -c release --product callsim >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 Scripts/gen-transcripts.py "$work/calls" "$count" 7
turns=$((count * 15))
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
# Warm the file cache, then measure.
find "$work/calls" -name '*.txt' -exec cat {} + >/dev/null
times="$work/times"
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%e %U %S" -o "$times" "${pin[@]}" .build/release/callsim score --json "$work/calls" >/dev/null
else
    start=$(date +%s.%N)
    "${pin[@]}" .build/release/callsim score --json "$work/calls" >/dev/null
    end=$(date +%s.%N)
    echo "$(echo "$end - $start" | bc) 0 0" >"$times"
fi
python3 - "$count" "$turns" "$times" <<'PY'
import sys
count, turns = int(sys.argv[1]), int(sys.argv[2])
elapsed, user, system = (float(x) for x in open(sys.argv[3]).read().split()[-3:])
print(f"{count} transcripts ({turns} turns), one core")
print(f"  elapsed {elapsed:.2f} s: {count / elapsed:,.0f} transcripts/s, {elapsed / turns * 1e6:.1f} µs per turn")
cpu = user + system
if cpu > 0:
    print(f"  CPU     {cpu:.2f} s: {count / cpu:,.0f} transcripts/s, {cpu / turns * 1e6:.1f} µs per turn")
PY
