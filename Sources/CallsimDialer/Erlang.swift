import Foundation

/// Erlang B, Erlang C and Erlang A (Palm's M/M/N+M) performance measures.
public enum Erlang {
    /// Erlang B blocking probability by the recursion B_0 = 1, B_n = A B_(n-1) / (n + A B_(n-1)).
    public static func blocking(agents: Int, load: Double) -> Double {
        guard agents > 0 else { return 1 }
        var b = 1.0
        for n in 1...agents { b = load * b / (Double(n) + load * b) }
        return b
    }

    /// Erlang C probability that a call waits: N B / (N - A (1 - B)); 1 when the queue is unstable.
    public static func probabilityOfWait(agents: Int, load: Double) -> Double {
        let n = Double(agents)
        guard n > load else { return 1 }
        let b = blocking(agents: agents, load: load)
        return n * b / (n - load * (1 - b))
    }
}

/// The steady state of an inbound queue with N agents, offered load A = lambda x AHT.
public struct QueueMeasures: Sendable, Hashable, Codable {
    public var agents: Int
    public var load: Double
    public var occupancy: Double
    public var probabilityOfWait: Double
    /// Mean time in queue over all arrivals (seconds).
    public var averageSpeedOfAnswer: Double
    /// Fraction of arrivals answered within the target time.
    public var serviceLevel: Double
    /// Fraction of arrivals that hang up before being answered (Erlang A only, else 0).
    public var probabilityOfAbandon: Double
    public var isStable: Bool
}

/// An inbound M/M/N (Erlang C) or M/M/N+M (Erlang A) queue.
public struct InboundQueue: Sendable, Hashable, Codable {
    /// Calls per second.
    public var arrivalRate: Double
    /// Mean handling time in seconds.
    public var averageHandlingTime: Double
    public var agents: Int
    /// Mean patience in seconds; nil is infinite patience (Erlang C).
    public var meanPatience: Double?

    public init(callsPerPeriod: Double, periodSeconds: Double, averageHandlingTime: Double, agents: Int, meanPatience: Double? = nil) {
        self.arrivalRate = callsPerPeriod / periodSeconds
        self.averageHandlingTime = averageHandlingTime
        self.agents = agents
        self.meanPatience = meanPatience
    }

    public var load: Double { arrivalRate * averageHandlingTime }

    public func measures(answerTarget: Double) -> QueueMeasures {
        if let patience = meanPatience { return palm(patience: patience, target: answerTarget) }
        let n = Double(agents), a = load
        guard n > a else {
            return QueueMeasures(agents: agents, load: a, occupancy: 1, probabilityOfWait: 1, averageSpeedOfAnswer: .infinity,
                                 serviceLevel: 0, probabilityOfAbandon: 0, isStable: false)
        }
        let c = Erlang.probabilityOfWait(agents: agents, load: a)
        let asa = c * averageHandlingTime / (n - a)
        let sl = 1 - c * exp(-(n - a) * answerTarget / averageHandlingTime)
        return QueueMeasures(agents: agents, load: a, occupancy: a / n, probabilityOfWait: c, averageSpeedOfAnswer: asa,
                             serviceLevel: sl, probabilityOfAbandon: 0, isStable: true)
    }

    /// Palm's M/M/N+M birth-death chain (Mandelbaum and Zeltyn): states j <= N have weight A^j / j!,
    /// states N + k have weight pi_N prod_{i=1..k} lambda / (N mu + i theta). The sum over k is carried
    /// until its terms no longer change the total, which is the exact stationary law to double precision.
    /// P(wait) = P(all agents busy) by PASTA; abandonment rate theta E[Q]; mean wait E[Q] / lambda (Little);
    /// SL(T) from the waiting-time law: a call arriving in state N + k is served within T when the k + 1
    /// departures ahead of it (rates N mu + i theta) happen before T and before its own patience runs out.
    private func palm(patience: Double, target: Double) -> QueueMeasures {
        let lambda = arrivalRate, mu = 1 / averageHandlingTime, theta = 1 / patience
        let n = agents
        // Work in logs relative to state N so large N cannot overflow.
        var lowWeights = [Double](repeating: 0, count: n + 1)  // A^j/j! / (A^N/N!)
        lowWeights[n] = 1
        if n > 0 {
            for j in stride(from: n, to: 0, by: -1) { lowWeights[j - 1] = lowWeights[j] * Double(j) / load }
        }
        var belowN = 0.0
        for j in 0..<n { belowN += lowWeights[j] }
        var busyMass = 0.0, queueMass = 0.0, queueTerm = 1.0
        var waitingProfile: [Double] = []
        var k = 0
        while true {
            busyMass += queueTerm
            queueMass += Double(k) * queueTerm
            waitingProfile.append(queueTerm)
            k += 1
            queueTerm *= lambda / (Double(n) * mu + Double(k) * theta)
            if queueTerm < 1e-18 * busyMass || k > 100_000 { break }
        }
        let total = belowN + busyMass
        let pWait = busyMass / total
        let meanQueue = queueMass / total
        let abandonRate = theta * meanQueue
        let pAbandon = abandonRate / lambda
        let occupancy = (lambda - abandonRate) * averageHandlingTime / Double(max(n, 1))
        // Service within T: the waiting call in position k+1 needs k+1 departures, each at rate N mu + (others' abandonment).
        var served = belowN / total
        for (index, weight) in waitingProfile.enumerated() where weight > 0 {
            served += weight / total * probabilityServedWithin(target, position: index, agents: n, mu: mu, theta: theta)
        }
        return QueueMeasures(agents: n, load: load, occupancy: occupancy, probabilityOfWait: pWait,
                             averageSpeedOfAnswer: meanQueue / lambda, serviceLevel: served,
                             probabilityOfAbandon: pAbandon, isStable: true)
    }

    /// A call finding `position` others waiting is answered when `position + 1` queue departures occur,
    /// the i-th (counting back) at rate N mu + i theta (the calls ahead abandon too), before its own
    /// patience (rate theta) runs out and within T. Uniformised: each phase is exponential with rate
    /// N mu + (i + 1) theta including its own abandonment; it survives a phase with probability r_i / (r_i + theta).
    private func probabilityServedWithin(_ target: Double, position: Int, agents: Int, mu: Double, theta: Double) -> Double {
        // Rates of the phases including the caller's own abandonment.
        var rates: [Double] = []
        var survive = 1.0
        for i in stride(from: position, through: 0, by: -1) {
            let departures = Double(agents) * mu + Double(i) * theta
            rates.append(departures + theta)
            survive *= departures / (departures + theta)
        }
        return survive * hypoexponentialCDF(rates, target)
    }
}

/// P(sum of independent exponentials with the given rates <= t), by uniformisation (stable for equal rates).
func hypoexponentialCDF(_ rates: [Double], _ t: Double) -> Double {
    guard let maxRate = rates.max(), maxRate > 0, t > 0 else { return t > 0 ? 1 : 0 }
    let phases = rates.count
    // Distribution over phases reached, as a DTMC with self-loop probability 1 - r/maxRate.
    var state = [Double](repeating: 0, count: phases + 1)
    state[0] = 1
    let mean = maxRate * t
    var poisson = exp(-mean)
    var logPoisson = -mean
    var cdf = 0.0
    var step = 0
    while true {
        if step > 0 {
            var next = [Double](repeating: 0, count: phases + 1)
            for i in 0..<phases {
                let move = rates[i] / maxRate
                next[i] += state[i] * (1 - move)
                next[i + 1] += state[i] * move
            }
            next[phases] += state[phases]
            state = next
            logPoisson += log(mean / Double(step))
            poisson = exp(logPoisson)
        }
        cdf += poisson * state[phases]
        step += 1
        if Double(step) > mean + 12 * mean.squareRoot() + 50 { break }
    }
    return min(1, cdf)
}

/// The smallest staffing that meets a service-level target.
public struct StaffingPlan: Sendable, Hashable, Codable {
    public var recommended: Int
    public var rows: [QueueMeasures]
}

public enum Staffing {
    /// The fewest agents with SL(T) >= target (and, for Erlang A, any load); rows N-2 ... N+3 around it.
    public static func plan(callsPerPeriod: Double, periodSeconds: Double, averageHandlingTime: Double,
                            serviceLevelTarget: Double, answerTarget: Double, meanPatience: Double?) -> StaffingPlan? {
        guard callsPerPeriod > 0, periodSeconds > 0, averageHandlingTime > 0 else { return nil }
        func queue(_ n: Int) -> InboundQueue {
            InboundQueue(callsPerPeriod: callsPerPeriod, periodSeconds: periodSeconds, averageHandlingTime: averageHandlingTime,
                         agents: n, meanPatience: meanPatience)
        }
        let load = queue(1).load
        var n = meanPatience == nil ? max(1, Int(load.rounded(.down)) + 1) : 1
        while true {
            let m = queue(n).measures(answerTarget: answerTarget)
            if m.isStable, m.serviceLevel >= serviceLevelTarget { break }
            n += 1
            if n > 100_000 { return nil }
        }
        let rows = (max(1, n - 2)...(n + 3)).map { queue($0).measures(answerTarget: answerTarget) }
        return StaffingPlan(recommended: n, rows: rows)
    }
}
