#!/usr/bin/env bash
# Times `callsim report` on a database of 10,000 practice calls (about 15 turns and
# 28 indicator results each, 30 trainees): the class view, one trainee, and --html.
# Usage: Scripts/bench-report.sh [SESSIONS] [TRAINEES]
set -euo pipefail
cd "$(dirname "$0")/.."
sessions="${1:-10000}"
trainees="${2:-30}"

swift build -c release --product callsim >&2
bin=.build/release/callsim
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/bench.sqlite"

start=$(date +%s.%N)
"$bin" _store seed --db "$db" --sessions "$sessions" --trainees "$trainees" >&2
echo "seeded $sessions sessions in $(echo "$(date +%s.%N) - $start" | bc) s ($(du -h "$db" | cut -f1))"

# Best of three runs, in seconds, failing the bench above one second.
time_it() {
    local label="$1"; shift
    local best=999
    for _ in 1 2 3; do
        local t0 t1 elapsed
        t0=$(date +%s.%N)
        "$@" > /dev/null
        t1=$(date +%s.%N)
        elapsed=$(echo "$t1 - $t0" | bc)
        if (( $(echo "$elapsed < $best" | bc) )); then best=$elapsed; fi
    done
    printf '%-28s %6.3f s\n' "$label" "$best"
    if (( $(echo "$best >= 1.0" | bc) )); then
        echo "bench-report: $label took $best s (limit 1 s)" >&2
        status=1
    fi
}

status=0
time_it "report (class view)" "$bin" report --db "$db"
time_it "report --trainee" "$bin" report --db "$db" --trainee trainee-07
time_it "report --html (class)" "$bin" report --db "$db" --html "$work/class.html"
time_it "report --html --trainee" "$bin" report --db "$db" --trainee trainee-07 --html "$work/one.html"
time_it "report --json" "$bin" report --db "$db" --json
time_it "history" "$bin" history --db "$db"
exit $status
