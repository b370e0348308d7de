# NEURON side of W4 (../../shared/BENCHMARKS.md): the F-I sweep, 100 independent W1 runs, serially, in one process.
#
#   /usr/bin/python3 bench/w4/neuron_sweep.py [--currents 100] [--max 0.25] [--sweeps 2] [--method continuerun|psolve]
#                                             [--usetable 1]
#
# Each run is W1 (bench/neuron/workloads.py): one section, L = diam = 12.6157 um (500 um2), cm 1, hh, 6.3 degC,
# IClamp from t = 0 with amplitude I, v recorded, NetCon threshold 0 mV counting spikes; dt 0.025 ms, backward Euler
# (secondorder = 0), 1000 ms. Current i of N is i * MAX / (N - 1) nA (0, ..., 0.25).
# The model is built once (untimed), then one untimed W1 run at 0.1 nA warms up and validates (86 +- 1 spikes).
# A sweep is: for each current, clamp.amp = I, h.finitialize(-65), h.continuerun(1000) (or ParallelContext.psolve),
# copy the spike times: the loop alone is timed with time.perf_counter(). SWEEPS sweeps; the spike counts of every
# sweep must be the same. Prints one JSON line: sweep seconds, their median, currents, spike counts.
# spikeTimes: each current's NetCon spike times (first sweep), for the check's end-of-run rule (bench/w4/fi.mjs).
import argparse, json, statistics, time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--currents", type=int, default=100)
    parser.add_argument("--max", type=float, default=0.25)
    parser.add_argument("--sweeps", type=int, default=2)
    parser.add_argument("--method", choices=("continuerun", "psolve"), default="continuerun")
    parser.add_argument("--usetable", type=int, choices=(0, 1), default=1)
    args = parser.parse_args()
    if args.currents < 2 or args.sweeps < 1:
        parser.error("--currents >= 2, --sweeps >= 1")
    tstop, dt = 1000.0, 0.025
    currents = [i * args.max / (args.currents - 1) for i in range(args.currents)]

    from neuron import h
    h.load_file("stdrun.hoc")
    h.usetable_hh = args.usetable
    h.secondorder = 0
    h.celsius = 6.3
    h.steps_per_ms = 1.0 / dt
    h.dt = dt
    h.tstop = tstop
    h.cvode_active(0)
    pc = h.ParallelContext()
    pc.set_maxstep(10)  # psolve needs a positive minimum NetCon delay; there are no connections here

    t0 = time.perf_counter()
    soma = h.Section(name="soma")
    soma.L = soma.diam = 12.6157
    soma.cm = 1
    soma.insert("hh")  # defaults: gnabar 0.12, gkbar 0.036, gl 0.0003, el -54.3, ena 50, ek -77
    clamp = h.IClamp(soma(0.5)); clamp.delay = 0; clamp.dur = 1e9; clamp.amp = 0.1
    trace = h.Vector(); trace.record(soma(0.5)._ref_v)
    spikes = h.Vector()
    nc = h.NetCon(soma(0.5)._ref_v, None, sec=soma); nc.threshold = 0; nc.record(spikes)
    h.finitialize(-65)
    build = time.perf_counter() - t0

    def run(amp):
        clamp.amp = amp
        h.finitialize(-65)
        if args.method == "psolve":
            pc.psolve(tstop)
        else:
            h.continuerun(tstop)
        return spikes.to_python()

    start = time.perf_counter()
    w1 = len(run(0.1))
    warmup = time.perf_counter() - start
    if abs(w1 - 86) > 1:
        raise SystemExit("W1 check failed: %d spikes at 0.1 nA, expected 86 +- 1" % w1)

    sweep_seconds, runs, stable = [], None, True
    for _ in range(args.sweeps):
        out = []
        start = time.perf_counter()
        for amp in currents:
            out.append(run(amp))
        sweep_seconds.append(time.perf_counter() - start)
        if runs is None:
            runs = out
        stable = stable and out == runs
    counts = [len(t) for t in runs]

    median = statistics.median(sweep_seconds)
    print(json.dumps({
        "engine": "neuron",
        "version": h.nrnversion(5),
        "workload": "w4",
        "method": args.method,
        "mode": "usetable_hh=%d%s" % (args.usetable, "" if args.method == "continuerun" else " psolve"),
        "dt": dt,
        "tstop": tstop,
        "runsPerSweep": len(currents),
        "buildSeconds": build,
        "warmupSeconds": warmup,
        "w1Spikes": w1,
        "sweepSeconds": sweep_seconds,
        "medianSeconds": median,
        "secondsPerRun": median / len(currents),
        "currents": currents,
        "spikeCounts": counts,
        "spikeTimes": runs,
        "spikeCountsStable": stable,
        "timingMethod": "one process, serial: the loop over currents (clamp.amp, h.finitialize(-65), %s(1000), copy of the spike times) timed with time.perf_counter()"
        % ("h.continuerun" if args.method == "continuerun" else "ParallelContext.psolve"),
    }))


main()
