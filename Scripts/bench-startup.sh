#!/usr/bin/env bash
# Start-up time: median wall time from launch to the first prompt, all built-in scenarios loaded.
# Usage: Scripts/bench-startup.sh [RUNS] [SCENARIO-ID]
#   Without an id it times `callsim` up to the scenario picker's prompt; with one, `callsim play ID`
#   up to the call's first prompt. CALLSIM_EXIT_AT_PROMPT makes callsim leave when a prompt is due.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-31}"
id="${2:-}"
swift build -c release --product callsim >&2
binary=.build/release/callsim
args=()
[ -n "$id" ] && args=(play "$id" --seed 1 --no-dead-air)

# One warm-up run so the page cache does not count.
CALLSIM_EXIT_AT_PROMPT=1 "$binary" "${args[@]}" </dev/null >/dev/null

times=()
for _ in $(seq "$runs"); do
    start=$EPOCHREALTIME
    CALLSIM_EXIT_AT_PROMPT=1 "$binary" "${args[@]}" </dev/null >/dev/null
    end=$EPOCHREALTIME
    times+=("$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) * 1000 }')")
done
printf '%s\n' "${times[@]}" | sort -n | awk -v runs="$runs" -v target=100 '
    { t[NR] = $1 }
    END {
        median = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
        printf "start-up to first prompt: median %.1f ms, min %.1f ms, max %.1f ms over %d runs (target < %d ms)\n",
            median, t[1], t[NR], runs, target
        exit (median < target) ? 0 : 1
    }'
