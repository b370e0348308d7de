/**
 * NeuroML2 test documents shared by the io and CLI tests: one passive single-compartment cell ("c1": a 10 um x 20 um
 * soma, leak 3 S/m2 reversing at -54.3 mV, 1 uF/cm2, starting at -65 mV), as NML2_SingleCompHHCell.nml writes it
 * without its HH channels. Test code only (the layer rule exempts test-models files).
 */

/** The `<ionChannelHH>` and `<cell id="c1">` elements; `channels` adds channel densities to its membrane. */
export function passiveNeuromlCell(channels = ''): string {
  return `  <ionChannelHH id="passiveChan" conductance="10pS"/>
  <cell id="c1">
    <morphology id="m1">
      <segment id="0" name="soma"><proximal x="0" y="0" z="0" diameter="10"/><distal x="0" y="20" z="0" diameter="10"/></segment>
    </morphology>
    <biophysicalProperties id="b1">
      <membraneProperties>
        <channelDensity id="leak" ionChannel="passiveChan" condDensity="3.0 S_per_m2" erev="-54.3mV" ion="non_specific"/>${channels}
        <specificCapacitance value="1.0 uF_per_cm2"/>
        <initMembPotential value="-65mV"/>
      </membraneProperties>
      <intracellularProperties><resistivity value="0.03 kohm_cm"/></intracellularProperties>
    </biophysicalProperties>
  </cell>`;
}

/** A NeuroML2 document with `body` inside its root element. */
export function neuromlDocument(body: string, id = 'doc'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<neuroml xmlns="http://www.neuroml.org/schema/neuroml2" id="${id}">\n${body}\n</neuroml>\n`;
}
