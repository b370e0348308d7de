# Generates validation/neuron/hh-exact.json with NEURON 8.2 (Debian packages neuron and python3-neuron):
# the HH compartment of ../shared/reference/neuron (1000 um2, 6.3 degC, 10 uA/cm2 from t = 0, 100 ms) and the
# Rallpack 3 axon (spike times at both ends, 250 ms), with EXACT rate functions (usetable_hh = 0), to validate
# Membrane's `exact` rate mode. Run: /usr/bin/python3 validation/neuron/make_exact_reference.py
import json, os
import numpy as np
from neuron import h

h.load_file("stdrun.hoc")
h.usetable_hh = 0
out = {"generator": "NEURON %s, usetable_hh = 0" % h.nrnversion(5)}

soma = h.Section(name="soma")
soma.L = soma.diam = (1000.0 / np.pi) ** 0.5
soma.insert("hh")
h.celsius = 6.3
clamp = h.IClamp(soma(0.5)); clamp.delay = 0; clamp.dur = 1e9; clamp.amp = 10 * 1000 * 1e-8 * 1e3
cvode = h.CVode(); cvode.active(1); cvode.atol(1e-9); cvode.rtol(1e-9)
spikes = h.Vector(); detector = h.NetCon(soma(0.5)._ref_v, None, sec=soma); detector.threshold = 0; detector.record(spikes)
h.finitialize(-65); h.continuerun(100)
out["hh_iclamp10_spikes_ms"] = [round(t, 5) for t in spikes]
out["hh_iclamp10_integrator"] = "CVODE atol = rtol = 1e-9"
cvode.active(0)
del detector, clamp
soma = None

axon = h.Section(name="axon"); axon.L = 1000; axon.diam = 1; axon.nseg = 1000; axon.Ra = 100; axon.cm = 1
axon.insert("pas"); axon.insert("hh")
for seg in axon:
    seg.pas.g = 2.5e-5; seg.pas.e = -65; seg.hh.gl = 0
axon.ena = 50; axon.ek = -77
clamp = h.IClamp(axon(0)); clamp.delay = 0; clamp.dur = 1e9; clamp.amp = 0.1
near = h.Vector(); far = h.Vector()
d0 = h.NetCon(axon(0)._ref_v, None, sec=axon); d0.threshold = 0; d0.record(near)
d1 = h.NetCon(axon(1)._ref_v, None, sec=axon); d1.threshold = 0; d1.record(far)
h.secondorder = 2; h.dt = 0.0025; h.steps_per_ms = 400
h.finitialize(-65); h.continuerun(250)
out["rallpack3_crank_nicolson_dt_ms"] = 0.0025
out["rallpack3_spikes_near_ms"] = [round(t, 4) for t in near]
out["rallpack3_spikes_far_ms"] = [round(t, 4) for t in far]
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hh-exact.json")
json.dump(out, open(path, "w"), indent=1)
print(json.dumps(out)[:300])
