/** Options of a simulation run that are not part of the model. */
export interface SimulateOptions {
  /** Called now and then with the fraction done (0..1). */
  readonly onProgress?: (fraction: number) => void;
}

/** Options of preparing a simulation that are not part of the model. */
export interface PrepareOptions {
  /**
   * Run even with a fixed time step too long for the model's fastest gate or (Crank-Nicolson) membrane time
   * constant (see step-check.ts); the run-time checks for ringing and blow-up still apply.
   */
  readonly forceTimeStep?: boolean;
}
