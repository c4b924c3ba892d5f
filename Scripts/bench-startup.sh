#!/usr/bin/env bash
# Start-up time: median time from launch to the first prompt, all built-in scenarios loaded.
# Usage: Scripts/bench-startup.sh [RUNS] [SCENARIO-ID]
#   Without an id it times `callsim` up to the scenario picker's prompt (every scenario file
#   loaded); with one, `callsim play ID` up to the call's first prompt. CALLSIM_EXIT_AT_PROMPT
#   makes callsim leave when a prompt is due. Reports wall time (what the user waits, which
#   grows when other work shares the cores) and CPU time (user + system, steadier under load).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-31}"
id="${2:-}"
swift build -c release --product callsim >&2
binary=.build/release/callsim
args=()
[ -n "$id" ] && args=(play "$id" --seed 1 --no-dead-air)

# The runs record nothing in the user's own database or history.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CALLSIM_DB="$work/callsim.sqlite" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"

# One warm-up run so the page cache (and the scenario cache) does not count.
CALLSIM_EXIT_AT_PROMPT=1 "$binary" "${args[@]}" </dev/null >/dev/null

TIMEFORMAT='%3R %3U %3S'
samples=()
for _ in $(seq "$runs"); do
    samples+=("$( { time CALLSIM_EXIT_AT_PROMPT=1 "$binary" "${args[@]}" </dev/null >/dev/null; } 2>&1 )")
done
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "?")
printf '%s\n' "${samples[@]}" | awk -v runs="$runs" -v target=100 -v load="$load" -v what="${id:-the scenario picker}" '
    function median(values, n,    sorted, i, j, t) {
        for (i = 1; i <= n; i++) sorted[i] = values[i]
        for (i = 2; i <= n; i++) for (j = i; j > 1 && sorted[j - 1] > sorted[j]; j--) { t = sorted[j]; sorted[j] = sorted[j - 1]; sorted[j - 1] = t }
        return (n % 2) ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
    }
    { wall[NR] = $1 * 1000; cpu[NR] = ($2 + $3) * 1000 }
    END {
        w = median(wall, NR); c = median(cpu, NR)
        printf "start-up to the first prompt of %s over %d runs: median wall %.0f ms, median CPU %.0f ms (load average %s; target < %d ms)\n",
            what, runs, w, c, load, target
        exit (w < target) ? 0 : 1
    }'
