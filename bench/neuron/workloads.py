# NEURON side of the standard workloads W1, W2 and W2b (../shared/BENCHMARKS.md), for `npm run bench`.
#
#   /usr/bin/python3 bench/neuron/workloads.py WORKLOAD USETABLE [RUNS] [WARMUPS] [METHOD]
#     WORKLOAD  w1 | w2 | w2b
#     USETABLE  1 (NEURON's default: hh rate tables, 1 mV from -100 to 100 mV, interpolated) or 0 (exact rates)
#     RUNS      timed runs (default 5); WARMUPS  untimed warm-up runs before them (default 1)
#     METHOD    continuerun (default: stdrun.hoc's loop, what NEURON users run; it calls the hoc step() once per dt)
#               or psolve (ParallelContext.psolve: the same fixed-step integration looped in C, no hoc per step;
#               ~25 ms less on W1's 40 000 steps, within a few % on W2)
#
# Fixed step dt = 0.025 ms, backward Euler (secondorder = 0). Prints one JSON line. Timing: each repetition runs
# h.finitialize(-65) untimed, then times h.continuerun(tstop) (or pc.psolve(tstop)) alone with time.perf_counter();
# the median is reported.
# "build" is the wall time from creating the sections to the end of the first h.finitialize. Memory: growth of VmRSS
# (/proc/self/status) from just before the model is created to just after that first h.finitialize (sections,
# mechanisms, the solver's matrix and the recording vectors as NEURON has sized them then), divided by the
# compartments. RSS moves in 4 kB pages and the first model also pays NEURON's one-time allocations, so for W1 (one
# compartment) the figure is not a per-compartment cost. rssAfterFirstRunBytesPerCompartment adds what the first run
# grew (the recording vectors fill during the run).
# The first run validates (spike counts at threshold 0 mV, NetCon) and counts as the first warm-up.
import json, sys, time, statistics

WORKLOADS = {"w1": 1000.0, "w2": 250.0, "w2b": 100.0}


def rss_bytes():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def main():
    workload = sys.argv[1] if len(sys.argv) > 1 else "w2"
    usetable = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    warmups = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    method = sys.argv[5] if len(sys.argv) > 5 else "continuerun"
    if workload not in WORKLOADS or usetable not in (0, 1) or runs < 1 or warmups < 1 or method not in ("continuerun", "psolve"):
        sys.exit("usage: workloads.py w1|w2|w2b 0|1 [runs >= 1] [warmups >= 1] [continuerun|psolve]")
    tstop = WORKLOADS[workload]
    dt = 0.025

    from neuron import h
    h.load_file("stdrun.hoc")
    h.usetable_hh = usetable
    h.secondorder = 0
    h.celsius = 6.3
    h.steps_per_ms = 1.0 / dt
    h.dt = dt
    h.tstop = tstop
    h.cvode_active(0)
    pc = h.ParallelContext()
    pc.set_maxstep(10)  # psolve needs a positive minimum NetCon delay; there are no connections here

    rss_before = rss_bytes()
    t0 = time.perf_counter()
    if workload == "w1":
        # One HH compartment of 500 um2, 0.1 nA (20 uA/cm2) from t = 0.
        soma = h.Section(name="soma")
        soma.L = soma.diam = 12.6157
        soma.cm = 1
        soma.insert("hh")  # defaults: gnabar 0.12, gkbar 0.036, gl 0.0003, el -54.3, ena 50, ek -77
        clamp = h.IClamp(soma(0.5)); clamp.delay = 0; clamp.dur = 1e9; clamp.amp = 0.1
        compartments = 1
        probes = {"spikes": soma(0.5)}
        recorded = [soma(0.5)]
        keep = [soma, clamp]
    else:
        # Rallpack 3: 1 mm, 1 um, 1000 compartments, pas 1/40000 S/cm2 at -65 mV plus HH Na/K (gl_hh = 0).
        axon = h.Section(name="axon")
        axon.L = 1000; axon.diam = 1; axon.nseg = 1000; axon.Ra = 100; axon.cm = 1
        axon.insert("pas"); axon.insert("hh")
        for seg in axon:
            seg.pas.g = 1.0 / 40000; seg.pas.e = -65; seg.hh.gl = 0
        axon.ena = 50; axon.ek = -77
        clamp = h.IClamp(axon(0)); clamp.delay = 0; clamp.dur = 1e9; clamp.amp = 0.1
        compartments = 1000
        probes = {"near": axon(0), "far": axon(1)}
        recorded = [axon(0), axon(1)]
        keep = [axon, clamp]

    traces = []
    for seg in recorded:
        vec = h.Vector(); vec.record(seg._ref_v); traces.append(vec)
    detectors = {}
    for name, seg in probes.items():
        vec = h.Vector()
        nc = h.NetCon(seg._ref_v, None, sec=seg.sec); nc.threshold = 0; nc.record(vec)
        detectors[name] = (nc, vec)
    h.finitialize(-65)
    build = time.perf_counter() - t0
    rss_after = rss_bytes()

    def run_once():
        h.finitialize(-65)
        start = time.perf_counter()
        if method == "psolve":
            pc.psolve(tstop)
        else:
            h.continuerun(tstop)
        elapsed = time.perf_counter() - start
        return elapsed, {name: list(vec) for name, (nc, vec) in detectors.items()}

    first, spikes = run_once()
    rss_after_run = rss_bytes()
    warmup_times = [first] + [run_once()[0] for _ in range(warmups - 1)]
    times = []
    counts_stable = True
    for _ in range(runs):
        elapsed, again = run_once()
        times.append(elapsed)
        counts_stable = counts_stable and all(len(again[k]) == len(spikes[k]) for k in spikes)
    steps = int(round(tstop / dt))
    median = statistics.median(times)
    print(json.dumps({
        "engine": "neuron",
        "version": h.nrnversion(5),
        "workload": workload,
        "mode": "usetable_hh=%d" % usetable + ("" if method == "continuerun" else " psolve"),
        "method": method,
        "rates": "table" if usetable else "exact",
        "integrator": "backward-euler (secondorder=0)",
        "dt": dt,
        "tstop": tstop,
        "steps": steps,
        "compartments": compartments,
        "buildSeconds": build,
        "warmupSeconds": warmup_times,
        "runSeconds": times,
        "medianSeconds": median,
        "nsPerCompartmentStep": median / (steps * compartments) * 1e9,
        "spikeCounts": {k: len(v) for k, v in spikes.items()},
        "spikeTimes": spikes,
        "spikeCountsStable": counts_stable,
        "memoryBytesPerCompartment": (rss_after - rss_before) / compartments,
        "rssAfterFirstRunBytesPerCompartment": (rss_after_run - rss_before) / compartments,
        "memoryMethod": "VmRSS growth (/proc/self/status) from before creating the model to after the first finitialize, / compartments",
        "timingMethod": "h.finitialize(-65) untimed, then %s(tstop) timed with time.perf_counter()" % ("h.continuerun" if method == "continuerun" else "ParallelContext.psolve"),
    }))


main()
