/** Options of a simulation run that are not part of the model. */
export interface SimulateOptions {
  /** Called now and then with the fraction done (0..1). */
  readonly onProgress?: (fraction: number) => void;
}
