#!/usr/bin/env bash
# Dialler benchmark: release build pinned to one core (taskset -c 0).
#  1. a 30-day predictive campaign of 1,000,000 leads and 100 agents through `callsim dial --simulate`:
#     simulated events per second (CPU), wall time and peak memory (/usr/bin/time -v), lead-list reading included;
#  2. the same campaign with Scripts/simpy_model.py, the same model written with SimPy (see its header for
#     what it models), timed the same way; the ratio of events per CPU second is the speed-up. Both count the
#     same logical events (dial results, drop timeouts, ends of talk and wrap-up, adapt and hopper ticks, shift
#     starts and ends, ends of safe-harbour messages). CPU seconds (user+sys: clock() around the simulation, time.process_time() around env.run()) are reported because the machine is shared and its load slows both alike.
# Usage: Scripts/bench-dialer.sh [--quick]   (--quick: 100,000 leads and 10 agents, for a fast check)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
work="$root/.build/bench-dialer"
mkdir -p "$work"

if [ ! -x /usr/bin/time ]; then
    echo "bench: installing time" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >&2
fi
python3 -c "import simpy" 2>/dev/null || python3 -m pip install -q simpy >&2
command -v taskset >/dev/null || { echo "bench: taskset (util-linux) is missing" >&2; exit 1; }

Scripts/setup.sh release
bin="$root/.build/release/callsim"

big_leads=1000000; big_agents=100; big_trunks=400
if [ "${1:-}" = "--quick" ]; then big_leads=100000; big_agents=10; big_trunks=40; fi

# Writes a campaign file, its lead list (four US time zones, every 100th number on the national DNC list).
make_campaign() { # dir leads agents trunks
    python3 - "$@" <<'PY'
import sys, os
d, n, agents, trunks = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
os.makedirs(d, exist_ok=True)
zones = [("America/New_York", "212"), ("America/Chicago", "312"), ("America/Denver", "303"), ("America/Los_Angeles", "213")]
with open(os.path.join(d, "leads.csv"), "w") as f, open(os.path.join(d, "dnc.txt"), "w") as dnc:
    f.write("id,phone,timezone\n")
    for i in range(n):
        zone, area = zones[i % 4]
        phone = "+1%s%07d" % (area, 2000000 + i)
        f.write("B%07d,%s,%s\n" % (i, phone, zone))
        if i % 100 == 0:
            dnc.write(phone + "\n")
with open(os.path.join(d, "bench.yaml"), "w") as f:
    f.write(f"""campaign: bench
profile: US
timezone: America/New_York
start: 2026-01-05
days: 30
shift: "09:00-21:00"
leads: leads.csv
agents: [{{group: floor, count: {agents}}}]
dialing:
  mode: predictive
  dial_level: 1.5
  max_level: 3.0
  drop_target: 2.5
  ring_timeout: 20s
  trunks: {trunks}
outcomes:
  default: {{person: 0.25, machine: 0.20, busy: 0.05, no_answer: 0.45, disconnected: 0.05}}
  "17-21": {{person: 0.32, machine: 0.18, busy: 0.05, no_answer: 0.40, disconnected: 0.05}}
times:
  ring: lognormal(9, 4)
  talk: lognormal(180, 120)
  wrap_up: uniform(10, 40)
  signal: uniform(2, 5)
  machine_detection: fixed(3)
dispositions: {{SALE: 0.06, NI: 0.60, CALLBK: 0.14, DNC: 0.05, NP: 0.15}}
do_not_call: {{national: dnc.txt}}
""")
PY
}

figure() { sed -n "s/.*\"$1\" *: *\([0-9.]*\).*/\1/p" "$2" | head -1; }

echo "== 1. callsim: ${big_leads} leads, ${big_agents} agents, 30 days (taskset -c 0)"
make_campaign "$work/big" "$big_leads" "$big_agents" "$big_trunks"
taskset -c 0 /usr/bin/time -v "$bin" dial "$work/big/bench.yaml" --simulate --json --timing \
    > "$work/big/report.json" 2> "$work/big/time.txt"
grep '^timing:' "$work/big/time.txt"
grep -E 'Elapsed \(wall clock\)|Maximum resident set size' "$work/big/time.txt" | sed 's/^\s*/  /'
python3 - "$work/big/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
t = r["totals"]
print(f"  dials {t['dials']}, person answered {t['humanAnswered']}, drops {t['drops']}, abandonment {r['abandonmentPercent']:.2f}%, "
      f"contacts {t['contacts']}, sales {t['sales']}, occupancy {r['occupancy']:.3f}, breaches {sum(b['count'] for b in r['breaches'])}")
PY

echo
echo "== 2. the same campaign with Scripts/simpy_model.py (SimPy), taskset -c 0"
taskset -c 0 python3 Scripts/simpy_model.py --leads "$big_leads" --agents "$big_agents" --days 30 --trunks "$big_trunks" \
    > "$work/big/simpy.json"
echo "simpy    $(cat "$work/big/simpy.json")"
swift_line=$(grep '^timing:' "$work/big/time.txt")
swift_eps=$(echo "$swift_line" | sed -n 's/.*= \([0-9]*\) events\/s.*/\1/p')
swift_cpu=$(echo "$swift_line" | sed -n 's/.*wall, \([0-9.]*\) s CPU.*/\1/p')
simpy_eps=$(figure events_per_second "$work/big/simpy.json")
simpy_cpu=$(figure cpu_seconds "$work/big/simpy.json")
python3 - "$swift_eps" "$simpy_eps" "$swift_cpu" "$simpy_cpu" <<'PY'
import sys
se, pe, sc, pc = map(float, sys.argv[1:])
print(f"speed-up: {se / pe:.0f}x events per CPU second ({se:,.0f} vs {pe:,.0f}); "
      f"{pc / sc:.0f}x less CPU time for the same campaign ({sc:.3f} s vs {pc:.3f} s)")
PY
