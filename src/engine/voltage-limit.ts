/** |V| beyond this (mV) is taken as a numerical blow-up: no living membrane holds a volt. */
export const VOLTAGE_LIMIT = 1000;
