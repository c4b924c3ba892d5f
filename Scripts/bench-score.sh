#!/usr/bin/env bash
# Batch scoring throughput: release build, N synthetic 15-turn transcripts (zh-TW and English),
# `callsim score --json DIR > /dev/null` pinned to one core. Reports transcripts/s and µs per turn.
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
cat "$work"/calls/*.txt >/dev/null 2>&1 || find "$work/calls" -name '*.txt' -exec cat {} + >/dev/null
start=$(date +%s.%N)
"${pin[@]}" .build/release/callsim score --json "$work/calls" >/dev/null
end=$(date +%s.%N)
python3 - "$start" "$end" "$count" "$turns" <<'PY'
import sys
start, end, count, turns = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
seconds = end - start
print(f"{count} transcripts ({turns} turns) in {seconds:.2f} s on one core: "
      f"{count / seconds:,.0f} transcripts/s, {seconds / turns * 1e6:.1f} µs per turn")
PY
