# NEURON 8.2 reference for validation/myelinated-axon.test.ts: the Brill et al. (1977) fibre as in ModelDB 9848
# (Hines): 10 um axon, nodes of 100 um2 (L 3.183 um) with hh gnabar 1.2, gkbar 0.09, gl 0.02 S/cm2, el -65.05 mV,
# internodes 1000 um with pas g 1.7825e-6 S/cm2, cm 5.9524e-3 uF/cm2, Ra 98.96 ohm cm, 20 degC; 30 nodes;
# 2 nA for 0.1 ms at node 0 from t = 0.05 ms; velocity from node 10 to node 20 (threshold -20 mV).
# And the unmyelinated 10 um HH axon (squid hh defaults, cm 1), 10 mm, detectors at 0.3 and 0.7.
import math, sys
from neuron import h
h.load_file("stdrun.hoc")
h.usetable_hh = 0
h.celsius = 20
d = 10.0
Ra = 1.26e8 * math.pi * (d / 2) ** 2 * 1e-8
perArea = lambda x: x / (math.pi * d * 1e-4)

def myelinated(nseg, dt, nnode=30):
    nodes = [h.Section(name="node%d" % k) for k in range(nnode)]
    myel = [h.Section(name="internode%d" % k) for k in range(nnode - 1)]
    for k in range(nnode - 1):
        myel[k].connect(nodes[k](1)); nodes[k + 1].connect(myel[k](1))
    for s in nodes:
        s.L = 100 / (math.pi * d); s.diam = d; s.nseg = 1; s.Ra = Ra; s.cm = perArea(3.14e-9) * 1e6
        s.insert("hh"); s.gnabar_hh = 1.2; s.gkbar_hh = 0.09; s.gl_hh = 0.02; s.el_hh = -65.05; s.ena = 50; s.ek = -77
    for s in myel:
        s.L = 1000; s.diam = d; s.nseg = nseg; s.Ra = Ra; s.cm = perArea(1.87e-11) * 1e6
        s.insert("pas"); s.g_pas = perArea(5.6e-9); s.e_pas = -65
    stim = h.IClamp(nodes[0](0.5)); stim.delay = 0.05; stim.dur = 0.1; stim.amp = 2
    rec = []
    for k in range(nnode):
        v = h.Vector(); nc = h.NetCon(nodes[k](0.5)._ref_v, None, sec=nodes[k]); nc.threshold = -20; nc.record(v); rec.append((nc, v))
    h.secondorder = 2; h.dt = dt; h.steps_per_ms = 1 / dt
    h.finitialize(-65); h.continuerun(3)
    t = [r[1][0] for r in rec]
    dist = h.distance(nodes[10](0.5), nodes[20](0.5))
    return dist / (t[20] - t[10]) / 1000, [1000 * (t[k + 1] - t[k]) for k in range(nnode - 1)]

def unmyelinated(nseg, dt):
    a = h.Section(name="axon"); a.L = 10000; a.diam = d; a.nseg = nseg; a.Ra = Ra; a.cm = 1; a.insert("hh")
    a.ena = 50; a.ek = -77
    stim = h.IClamp(a(0)); stim.delay = 0.05; stim.dur = 0.1; stim.amp = 20
    out = []
    for x in (0.3, 0.7):
        v = h.Vector(); nc = h.NetCon(a(x)._ref_v, None, sec=a); nc.threshold = -20; nc.record(v); out.append((nc, v))
    h.secondorder = 2; h.dt = dt; h.steps_per_ms = 1 / dt
    h.finitialize(-65); h.continuerun(10)
    return h.distance(a(0.3), a(0.7)) / (out[1][1][0] - out[0][1][0]) / 1000

cv = h.CVode(); cv.active(1); cv.atol(1e-8); cv.rtol(1e-8); cv.condition_order(2)
for nseg, dt in ((20, 0.0025), (40, 0.00125), (80, 0.000625)):
    v, delays = myelinated(nseg, dt)
    print("myelinated nseg %d dt %g: %.5f m/s; delays node 10-20 (us): %s" % (nseg, dt, v, " ".join("%.3f" % x for x in delays[10:20])))
for nseg, dt in ((1001, 0.005), (2001, 0.0025)):
    print("unmyelinated nseg %d dt %g: %.5f m/s" % (nseg, dt, unmyelinated(nseg, dt)))
