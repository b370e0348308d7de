# W3 (../../../shared/BENCHMARKS.md): the COBAHH network of Brette et al. (2007), benchmark 3, exactly as in
# Brian2's examples/COBAHH.py (Brian2 2.5.1), runtime device, for `npm run bench -- --only w3`.
#
#   /usr/bin/python3 bench/w3/brian2_cobahh.py [--target numpy|cython] [--duration MS] [--seed N] [--runs N]
#                                              [--network-out FILE]
#
# 4000 neurons (3200 E, 800 I), p = 0.02 from each population to all, dt 0.1 ms, exponential Euler, threshold
# v > -20 mV, refractory 3 ms; v(0) = El + (randn*5 - 5) mV, ge(0) = (randn*1.5 + 4)*10 nS, gi(0) = (randn*12 + 20)*10 nS,
# m = h = n = 0 at t = 0 (the example does not set them). seed(N) before building: the same seed gives the same
# network and initial state on the same target (numpy and cython draw differently).
#
# Each repetition builds the network afresh (same seed: the same network) and runs it. Timing:
#   runSeconds:  Brian2's own main-loop time (device._last_run_time: from after Network.before_run to the end of
#                the loop), i.e. the simulation alone, comparable to Membrane's run();
#   runCallSeconds: the whole run() call (adds before_run: code generation, for cython compilation or loading
#                the cached extension);
#   buildSeconds: constructing the objects (NeuronGroup, Synapses, connect, initial values) before run().
# A SpikeMonitor records the spikes (inside the timed loop, as in any real use: a few % of the numpy run).
#
# --network-out writes the network of the first repetition as JSON for bench/w3/membrane-cobahh.mjs:
#   { n, ne, seed, target, dt, duration, preE, postE, preI, postI (0-based indices), v0 (mV), ge0, gi0 (nS),
#     brian2: {spikes, rateHz} }
# Prints one JSON line.
import argparse
import json
import os
import statistics
import sys
import time
import warnings

warnings.filterwarnings('ignore')


def build(target, seed_value, duration_ms, dt_ms=0.1):
    import brian2 as b
    from brian2 import ms, mV, nS, umetre, ufarad, siemens, msiemens, cm, second
    b.start_scope()
    b.prefs.codegen.target = target
    b.defaultclock.dt = dt_ms * ms
    b.seed(seed_value)

    # Parameters (examples/COBAHH.py)
    area = 20000 * umetre ** 2
    Cm = (1 * ufarad * cm ** -2) * area
    gl = (5e-5 * siemens * cm ** -2) * area
    El = -60 * mV
    EK = -90 * mV
    ENa = 50 * mV
    g_na = (100 * msiemens * cm ** -2) * area
    g_kd = (30 * msiemens * cm ** -2) * area
    VT = -63 * mV
    taue = 5 * ms
    taui = 10 * ms
    Ee = 0 * mV
    Ei = -80 * mV
    we = 6 * nS
    wi = 67 * nS

    eqs = b.Equations('''
    dv/dt = (gl*(El-v)+ge*(Ee-v)+gi*(Ei-v)-
             g_na*(m*m*m)*h*(v-ENa)-
             g_kd*(n*n*n*n)*(v-EK))/Cm : volt
    dm/dt = alpha_m*(1-m)-beta_m*m : 1
    dn/dt = alpha_n*(1-n)-beta_n*n : 1
    dh/dt = alpha_h*(1-h)-beta_h*h : 1
    dge/dt = -ge*(1./taue) : siemens
    dgi/dt = -gi*(1./taui) : siemens
    alpha_m = 0.32*(mV**-1)*4*mV/exprel((13*mV-v+VT)/(4*mV))/ms : Hz
    beta_m = 0.28*(mV**-1)*5*mV/exprel((v-VT-40*mV)/(5*mV))/ms : Hz
    alpha_h = 0.128*exp((17*mV-v+VT)/(18*mV))/ms : Hz
    beta_h = 4./(1+exp((40*mV-v+VT)/(5*mV)))/ms : Hz
    alpha_n = 0.032*(mV**-1)*5*mV/exprel((15*mV-v+VT)/(5*mV))/ms : Hz
    beta_n = .5*exp((10*mV-v+VT)/(40*mV))/ms : Hz
    ''')

    P = b.NeuronGroup(4000, model=eqs, threshold='v>-20*mV', refractory=3 * ms, method='exponential_euler')
    Pe = P[:3200]
    Pi = P[3200:]
    Ce = b.Synapses(Pe, P, on_pre='ge+=we')
    Ci = b.Synapses(Pi, P, on_pre='gi+=wi')
    Ce.connect(p=0.02)
    Ci.connect(p=0.02)
    P.v = 'El + (randn() * 5 - 5)*mV'
    P.ge = '(randn() * 1.5 + 4) * 10.*nS'
    P.gi = '(randn() * 12 + 20) * 10.*nS'
    monitor = b.SpikeMonitor(P)  # spike times, for the statistics (recorded inside the timed loop)
    net = b.Network(P, Ce, Ci, monitor)
    initial = {
        'preE': Ce.i[:].tolist(), 'postE': Ce.j[:].tolist(),
        # Pi is P[3200:]: Ci.i counts within Pi, so add 3200 for the index in P.
        'preI': (Ci.i[:] + 3200).tolist(), 'postI': Ci.j[:].tolist(),
        'v0': (P.v[:] / mV).tolist(), 'ge0': (P.ge[:] / nS).tolist(), 'gi0': (P.gi[:] / nS).tolist(),
    }
    namespace = dict(area=area, Cm=Cm, gl=gl, El=El, EK=EK, ENa=ENa, g_na=g_na, g_kd=g_kd, VT=VT, taue=taue,
                     taui=taui, Ee=Ee, Ei=Ei, we=we, wi=wi)
    return b, net, monitor, initial, namespace


def spike_statistics(i, t_ms, n, ne, duration_ms, bin_ms=100.0):
    """The statistics bench/w3/model.mjs spikeStatistics computes, from spike indices and times (ms)."""
    import numpy as np
    i = np.asarray(i, dtype=int)
    t_ms = np.asarray(t_ms, dtype=float)
    seconds = duration_ms / 1000
    counts = np.bincount(i, minlength=n)
    rates = counts / seconds
    bins = int(round(duration_ms / bin_ms))
    binned = np.histogram(t_ms, bins=bins, range=(0, bins * bin_ms))[0] / n / (bin_ms / 1000)
    cvs = []
    order = np.lexsort((t_ms, i))
    i_sorted, t_sorted = i[order], t_ms[order]
    starts = np.searchsorted(i_sorted, np.arange(n))
    ends = np.searchsorted(i_sorted, np.arange(n), side='right')
    countable, short = 0, 0
    for a, z in zip(starts, ends):
        last = -np.inf
        for t in t_sorted[a:z]:
            if t - last >= 3.0 - 1e-9:  # refractory 3 ms: Brian2's own spikes all pass (float tolerance)
                countable += 1
                last = t
        short += int(np.sum(np.diff(t_sorted[a:z]) < 3.0 - 1e-9))
        if z - a >= 3:
            isi = np.diff(t_sorted[a:z])
            cvs.append(isi.std() / isi.mean())
    return dict(spikes=int(counts.sum()), rateHz=float(rates.mean()), rateEHz=float(rates[:ne].mean()),
                rateIHz=float(rates[ne:].mean()), silentFraction=float((counts == 0).mean()),
                rateSdHz=float(rates.std()), binnedRateHz=[float(x) for x in binned],
                meanIsiCv=float(np.mean(cvs)) if cvs else None, intervalsUnder3Ms=short,
                rateRefractoryHz=countable / n / seconds)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--target', default='numpy', choices=['numpy', 'cython'])
    parser.add_argument('--duration', type=float, default=1000.0, help='ms')
    parser.add_argument('--seed', type=int, default=12345)
    parser.add_argument('--runs', type=int, default=1)
    parser.add_argument('--dt', type=float, default=0.1, help='ms (0.1 in W3; other values for convergence checks)')
    parser.add_argument('--network-out', default=None)
    args = parser.parse_args()

    import brian2  # noqa: F401  (imported before any timing)
    runs, calls, builds, counts = [], [], [], []
    for repetition in range(args.runs):
        t0 = time.perf_counter()
        b, net, monitor, initial, namespace = build(args.target, args.seed, args.duration, args.dt)
        t1 = time.perf_counter()
        net.run(args.duration * b.ms, namespace=namespace)
        t2 = time.perf_counter()
        builds.append(t1 - t0)
        calls.append(t2 - t1)
        runs.append(float(b.get_device()._last_run_time))
        counts.append(int(monitor.num_spikes))
        if repetition == 0:
            stats = spike_statistics(monitor.i[:], monitor.t[:] / b.ms, 4000, 3200, args.duration)
        synapse_count = len(initial['preE']) + len(initial['preI'])
        if repetition == 0 and args.network_out:
            rate = counts[0] / 4000 / (args.duration / 1000)
            network = dict(n=4000, ne=3200, seed=args.seed, target=args.target, dt=args.dt, duration=args.duration,
                           brian2=dict(stats, rateHz=rate), **initial)
            tmp = args.network_out + '.tmp'
            os.makedirs(os.path.dirname(os.path.abspath(args.network_out)), exist_ok=True)
            with open(tmp, 'w') as f:
                json.dump(network, f, separators=(',', ':'))
            os.replace(tmp, args.network_out)

    print(json.dumps({
        'engine': 'brian2',
        'version': __import__('brian2').__version__,
        'target': args.target,
        'method': 'exponential_euler',
        'dt': args.dt,
        'tstop': args.duration,
        'seed': args.seed,
        'neurons': 4000,
        'synapses': synapse_count,
        'runSeconds': runs,
        'medianSeconds': statistics.median(runs),
        'runCallSeconds': calls,
        'buildSeconds': statistics.median(builds),
        **stats,
        'spikeCounts': counts,
        'spikeCountsStable': len(set(counts)) == 1,
        'timingMethod': "device._last_run_time (Brian2's main loop, after before_run/code generation); build = objects, connect and initial values",
    }))


if __name__ == '__main__':
    main()
