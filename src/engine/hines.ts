/**
 * The Hines algorithm: solves the tree-structured linear system of a cable equation in O(n) (Hines 1984,
 * Int J Biomed Comput 15:69). Row i holds the diagonal d[i] and the coupling -g[i] to its parent p = parent[i]
 * (symmetric: the parent's row holds -g[i] for node i). Nodes are numbered so that parent[i] < i; roots have
 * parent -1 (a forest of several cells is one system). Solves in place: rhs becomes the answer, and d is
 * overwritten (non-root entries by their inverse pivots, so back-substitution multiplies instead of dividing).
 *
 * Speed: on an unbranched run of nodes (parent[i] = i - 1, most of any tree) the elimination is a serial chain
 * through one division per node. The values passed from a node to the next one are carried in local variables
 * rather than stored and reloaded, which shortens that chain; other parents are updated in memory.
 */
export function solveTree(parent: Int32Array, g: Float64Array, d: Float64Array, rhs: Float64Array, count: number): void {
  // Eliminate each node into its parent, leaves first. (carryD, carryR): what node i + 1 adds to node i.
  let carryD = 0;
  let carryR = 0;
  for (let i = count - 1; i > 0; i--) {
    const di = d[i] + carryD;
    const ri = rhs[i] + carryR;
    const p = parent[i];
    rhs[i] = ri;
    if (p < 0) {
      d[i] = di;
      carryD = 0;
      carryR = 0;
      continue;
    }
    const inverse = 1 / di;
    const gi = g[i];
    const factor = gi * inverse;
    d[i] = inverse;
    if (p === i - 1) {
      carryD = -factor * gi;
      carryR = factor * ri;
    } else {
      d[p] -= factor * gi;
      rhs[p] += factor * ri;
      carryD = 0;
      carryR = 0;
    }
  }
  if (count > 0) {
    d[0] += carryD;
    rhs[0] += carryR;
  }
  // Back-substitute from the roots (the previous node's answer is carried the same way).
  let previous = 0;
  for (let i = 0; i < count; i++) {
    const p = parent[i];
    if (p < 0) previous = rhs[i] / d[i];
    else previous = (rhs[i] + g[i] * (p === i - 1 ? previous : rhs[p])) * d[i];
    rhs[i] = previous;
  }
}
