/**
 * Brent's method for a root of a continuous function bracketed by a sign change: inverse quadratic
 * interpolation and secant steps, safeguarded by bisection, so it always converges.
 * Reference: Brent, "Algorithms for Minimization without Derivatives" (Prentice-Hall 1973), ch. 4;
 * Press et al., "Numerical Recipes", 3rd ed. (2007), section 9.3.
 */

/**
 * Finds x in [lower, upper] with f(x) = 0, given f(lower) and f(upper) of opposite signs (or one of them 0).
 * Stops when the bracket is narrower than relativeTolerance·|x| + absoluteTolerance.
 * After 100 iterations it falls back to plain bisection, which bounds the total work.
 */
export function brentRoot(
  f: (x: number) => number,
  lower: number,
  upper: number,
  relativeTolerance: number,
  absoluteTolerance: number,
): number {
  let a = lower;
  let b = upper;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if ((fa > 0) === (fb > 0)) throw new Error('brentRoot: the interval does not bracket a root');
  let c = b;
  let fc = fb;
  let d = 0;
  let e = 0;
  for (let iteration = 0; iteration < 5000; iteration++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 2 * Number.EPSILON * Math.abs(b) + 0.5 * (relativeTolerance * Math.abs(b) + absoluteTolerance);
    const half = 0.5 * (c - b);
    if (Math.abs(half) <= tolerance || fb === 0) return b;
    if (iteration < 100 && Math.abs(e) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      if (2 * p < Math.min(3 * half * q - Math.abs(tolerance * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = half;
        e = d;
      }
    } else {
      d = half;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tolerance ? d : half > 0 ? tolerance : -tolerance;
    fb = f(b);
  }
  return b;
}
