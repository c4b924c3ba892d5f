#!/usr/bin/env python3
"""The bench campaign of Scripts/bench-dialer.sh written with SimPy, as a yardstick for callsim's engine.

What it models, the same way as CallsimDialer's DialerEngine does for that campaign:
- leads in four US time zones, dialled from a New York site during a daily shift, only inside the
  08:00-21:00 window at each lead's local time; numbers on the national do-not-call list are scrubbed;
- each dial ends as person / machine / busy / no answer / disconnected with probabilities by the lead's
  local hour; ring time lognormal, capped by the ring timeout (then no answer); machines are detected
  (AMD) after a fixed time and hung up; busy and disconnected are recognised after a uniform signal time;
- agents are a simpy.Resource held through talk and wrap-up; a person who answers requests an agent and
  waits at most the drop time (`req | env.timeout(drop_time)`), else the call drops and the line plays
  the safe-harbour message for 8 s;
- predictive pacing as in the engine: calls to place = round(level x ready agents) - calls ringing or
  waiting, capped by trunks; every 15 s level *= 1 + (mean ready - mean waiting) / staffed agents (not
  raised when the hopper ran dry), bounded to [1, max]; hard drop control sets the level to 1 when today's
  (over 50 dials) or the 30-day abandonment exceeds the target; the level halves when over half of the
  last minute's 20+ answered calls dropped; each day starts at the initial level;
- dispositions after talk; busy, no answer, machine, drop and callback leads are recycled after a delay
  up to a maximum number of attempts, in first-in first-out queues per status as in the engine (each
  status has one delay, so each queue is in due order); DNC requests join the company do-not-call list.
Logical events (the same kinds the Swift engine counts) are counted for events-per-second figures.
"""
import argparse, collections, json, math, random, sys, time

try:
    import simpy
except ImportError:
    sys.exit("simpy is not installed: pip install simpy")

ZONES = [("America/New_York", 0), ("America/Chicago", -3600), ("America/Denver", -7200), ("America/Los_Angeles", -10800)]
DAY = 86400.0


class Campaign:
    shift_start, shift_end = 9 * 3600, 21 * 3600
    window_start, window_end = 8 * 3600, 21 * 3600
    initial_level, max_level, drop_target = 1.5, 3.0, 2.5
    drop_time, ring_timeout, adapt_interval = 2.0, 20.0, 15.0
    amd_time = 3.0
    outcomes_default = (0.25, 0.20, 0.05, 0.45, 0.05)
    outcomes_evening = (0.32, 0.18, 0.05, 0.40, 0.05)  # local 17-21
    dispositions = [("CALLBK", 0.14), ("DNC", 0.05), ("NI", 0.60), ("NP", 0.15), ("SALE", 0.06)]
    recycle = {"B": (600, 5), "NA": (7200, 5), "AA": (14400, 4), "A": (14400, 4), "DROP": (259200, 3), "CALLBK": (86400, 6)}


def lognormal(rng, mean, sd):
    var = math.log(1 + (sd * sd) / (mean * mean))
    return math.exp(math.log(mean) - var / 2 + math.sqrt(var) * rng.gauss(0, 1))


class Model:
    def __init__(self, leads, agents, days, seed, trunks):
        self.env = simpy.Environment()
        self.rng = random.Random(seed)
        self.c = Campaign()
        self.days = days
        self.trunks = trunks
        self.agent_count = agents
        self.agents = simpy.Resource(self.env, capacity=agents)
        # Leads: zone group, status, attempts, phone; grouped by zone like the engine's hopper.
        self.groups = [{"shift": off, "new": [], "cursor": 0, "recycle": {st: collections.deque() for st in Campaign.recycle}}
                       for _, off in ZONES]
        self.lead_group, self.status, self.attempts, self.phone = [], [], [], []
        for i in range(leads):
            g = i % len(ZONES)
            self.lead_group.append(g)
            self.status.append("NEW")
            self.attempts.append(0)
            self.phone.append(12_000_000_000 + i)
            self.groups[g]["new"].append(i)
        self.national_dnc = set(self.phone[i] for i in range(0, leads, 100))
        self.company_dnc = set()
        self.ringing = self.waiting = self.connected = self.messages = 0
        self.in_call = 0
        self.dialing_open = False
        self.day = 0
        self.level = self.c.initial_level
        self.lead_starved = False
        self.group_cursor = 0
        self.last_accrual = 0.0
        self.ready_area = self.waiting_area = 0.0
        self.busy_area = self.available_area = 0.0
        self.recent_humans, self.recent_drops = [], []
        self.day_dials = [0] * days
        self.day_humans = [0] * days
        self.day_drops = [0] * days
        self.totals = dict(dials=0, human=0, drops=0, contacts=0, sales=0, connects=0, scrubbed=0, breaches=0)
        self.events = 0
        self.logged_in = False

    # Accounting -------------------------------------------------------------
    def ready(self):
        return self.agent_count - self.agents.count if self.logged_in else 0

    def accrue(self):
        now = self.env.now
        span = now - self.last_accrual
        if span > 0:
            busy = self.agents.count
            if self.logged_in:
                self.busy_area += busy * span
                self.available_area += self.agent_count * span
            if self.dialing_open:
                self.ready_area += self.ready() * span
                self.waiting_area += self.waiting * span
            self.last_accrual = now

    # Leads ------------------------------------------------------------------
    def local(self, g):
        return (self.env.now + self.groups[g]["shift"]) % DAY

    def dialable(self, lead):
        if self.phone[lead] in self.national_dnc or self.phone[lead] in self.company_dnc:
            self.totals["scrubbed"] += 1
            self.status[lead] = "DNC"
            return False
        st = self.status[lead]
        if st == "NEW":
            return True
        rule = self.c.recycle.get(st)
        return rule is not None and self.attempts[lead] < rule[1]

    def next_lead(self):
        n = len(self.groups)
        for step in range(n):
            g = (self.group_cursor + step) % n
            grp = self.groups[g]
            loc = self.local(g)
            if not (self.c.window_start <= loc < self.c.window_end):
                continue
            lanes = grp["recycle"]
            while True:
                # The earliest due lead is at the head of one queue; ties go to the first queue.
                best = None
                for q in lanes.values():
                    if q and (best is None or q[0][0] < best[0][0]):
                        best = q
                if best is None or best[0][0] > self.env.now:
                    break
                _, lead = best.popleft()
                if self.dialable(lead):
                    self.group_cursor = (g + 1) % n
                    return lead
            while grp["cursor"] < len(grp["new"]):
                lead = grp["new"][grp["cursor"]]
                grp["cursor"] += 1
                if self.dialable(lead):
                    self.group_cursor = (g + 1) % n
                    return lead
        return None

    def set_status(self, lead, st):
        self.status[lead] = st
        rule = self.c.recycle.get(st)
        if rule is not None and self.attempts[lead] < rule[1]:
            self.groups[self.lead_group[lead]]["recycle"][st].append((self.env.now + rule[0], lead))

    # Pacing -----------------------------------------------------------------
    def pace(self):
        if not self.dialing_open:
            return
        free = self.trunks - (self.ringing + self.waiting + self.connected + self.messages)
        if free <= 0:
            return
        goal = int(round(self.level * self.ready())) - (self.ringing + self.waiting)
        count = min(free, goal)
        if count <= 0:
            return
        self.lead_starved = False
        for _ in range(count):
            lead = self.next_lead()
            if lead is None:
                self.lead_starved = True
                return
            self.accrue()
            self.ringing += 1
            self.env.process(self.call(lead))

    def rolling(self):
        first = max(0, self.day - 29)
        h = sum(self.day_humans[first:self.day + 1])
        d = sum(self.day_drops[first:self.day + 1])
        return (100.0 * d / h if h else 0.0), h

    def adapt(self):
        while True:
            yield self.env.timeout(self.c.adapt_interval)
            self.events += 1
            self.accrue()
            avg_ready = self.ready_area / self.c.adapt_interval
            avg_wait = self.waiting_area / self.c.adapt_interval
            self.ready_area = self.waiting_area = 0.0
            staffed = self.agent_count
            if self.dialing_open and staffed > 0:
                before = self.level
                diff = avg_ready - avg_wait
                if diff < 0 or not self.lead_starved:
                    self.level *= 1 + diff / staffed
                dials, humans, drops = self.day_dials[self.day], self.day_humans[self.day], self.day_drops[self.day]
                today = 100.0 * drops / humans if humans else 0.0
                period, period_h = self.rolling()
                if (dials > 50 and today > self.c.drop_target) or (period_h >= 50 and period > self.c.drop_target):
                    self.level = 1.0
                now = self.env.now
                self.recent_humans = [t for t in self.recent_humans if t >= now - 60]
                self.recent_drops = [t for t in self.recent_drops if t >= now - 60]
                if len(self.recent_humans) >= 20 and len(self.recent_drops) * 2 > len(self.recent_humans):
                    self.level = before / 2
                self.level = min(self.c.max_level, max(1.0, self.level))
            self.pace()
            if not self.dialing_open:
                return

    def hopper(self):
        while True:
            yield self.env.timeout(30)
            self.events += 1
            self.accrue()
            self.pace()
            if not self.dialing_open:
                return

    def days_process(self):
        for day in range(self.days):
            yield self.env.timeout(day * DAY + self.c.shift_start - self.env.now)
            self.events += 1
            self.accrue()
            self.day = day
            self.level = self.c.initial_level
            self.dialing_open = True
            self.logged_in = True
            self.env.process(self.adapt())
            self.env.process(self.hopper())
            self.pace()
            yield self.env.timeout(day * DAY + self.c.shift_end - self.env.now)
            self.events += 1
            self.accrue()
            self.dialing_open = False
            self.env.process(self.log_out_when_done())

    def log_out_when_done(self):
        while self.agents.count > 0 or self.ringing + self.waiting > 0:
            yield self.env.timeout(5)
        self.accrue()
        self.logged_in = False

    # A call -----------------------------------------------------------------
    def call(self, lead):
        env, c, rng = self.env, self.c, self.rng
        g = self.lead_group[lead]
        loc = self.local(g)
        if not (c.window_start <= loc < c.window_end) or self.phone[lead] in self.national_dnc or self.phone[lead] in self.company_dnc:
            self.totals["breaches"] += 1
        self.attempts[lead] += 1
        self.totals["dials"] += 1
        self.day_dials[self.day] += 1
        hour = int(loc // 3600) % 24
        mix = c.outcomes_evening if 17 <= hour < 21 else c.outcomes_default
        u = rng.random()
        outcome = 4
        for k, p in enumerate(mix):
            if u < p:
                outcome = k
                break
            u -= p
        if outcome in (0, 1):
            delay = lognormal(rng, 9, 4)
            if delay > c.ring_timeout:
                delay, outcome = c.ring_timeout, 3
            elif outcome == 1:
                delay += c.amd_time
        elif outcome == 3:
            delay = c.ring_timeout
        else:
            delay = rng.uniform(2, 5)
        yield env.timeout(delay)
        self.events += 1
        self.accrue()
        self.ringing -= 1
        if outcome != 0:
            self.set_status(lead, {1: "AA", 2: "B", 3: "NA", 4: "DC"}[outcome])
            self.pace()
            return
        self.totals["human"] += 1
        self.day_humans[self.day] += 1
        self.recent_humans.append(env.now)
        self.waiting += 1
        req = self.agents.request()
        result = yield req | env.timeout(c.drop_time)
        self.accrue()
        self.waiting -= 1
        if req not in result:
            self.events += 1  # the drop timeout
            req.cancel()
            self.totals["drops"] += 1
            self.day_drops[self.day] += 1
            self.recent_drops.append(env.now)
            self.set_status(lead, "DROP")
            self.messages += 1
            self.pace()
            yield env.timeout(8)  # safe-harbour message holds the line
            self.events += 1
            self.accrue()
            self.messages -= 1
            self.pace()
            return
        self.connected += 1
        self.totals["connects"] += 1
        yield env.timeout(lognormal(rng, 180, 120))
        self.events += 1
        self.accrue()
        u = rng.random()
        status = c.dispositions[-1][0]
        for st, p in c.dispositions:
            if u < p:
                status = st
                break
            u -= p
        if status in ("SALE", "NI", "DNC", "CALLBK"):
            self.totals["contacts"] += 1
        if status == "SALE":
            self.totals["sales"] += 1
        if status == "DNC":
            self.company_dnc.add(self.phone[lead])
        self.set_status(lead, status)
        self.connected -= 1
        self.pace()
        yield env.timeout(rng.uniform(10, 40))  # wrap-up, still holding the agent
        self.events += 1
        self.accrue()
        self.agents.release(req)
        self.pace()

    def run(self):
        self.env.process(self.days_process())
        self.env.run()
        self.accrue()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--leads", type=int, default=100_000)
    ap.add_argument("--agents", type=int, default=10)
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--trunks", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    m = Model(a.leads, a.agents, a.days, a.seed, a.trunks)
    t0, c0 = time.perf_counter(), time.process_time()
    m.run()
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    t = m.totals
    out = dict(engine="simpy " + simpy.__version__, leads=a.leads, agents=a.agents, days=a.days, events=m.events,
               seconds=round(wall, 3), cpu_seconds=round(cpu, 3), events_per_second=round(m.events / cpu), dials=t["dials"], person_answered=t["human"],
               drops=t["drops"], abandonment_percent=round(100.0 * t["drops"] / max(1, t["human"]), 2),
               contacts=t["contacts"], sales=t["sales"], occupancy=round(m.busy_area / max(1e-9, m.available_area), 3),
               scrubbed=t["scrubbed"], breaches=t["breaches"])
    print(json.dumps(out))


if __name__ == "__main__":
    main()
