/**
 * The Hines algorithm: solves the tree-structured linear system of a cable equation in O(n) (Hines 1984,
 * Int J Biomed Comput 15:69). Row i holds the diagonal d[i] and the coupling -g[i] to its parent p = parent[i]
 * (symmetric: the parent's row holds -g[i] for node i). Nodes are numbered so that parent[i] < i; roots have
 * parent -1 (a forest of several cells is one system). Overwrites d and solves in place: rhs becomes the answer.
 */
export function solveTree(parent: Int32Array, g: Float64Array, d: Float64Array, rhs: Float64Array, count: number): void {
  // Eliminate each node into its parent, leaves first.
  for (let i = count - 1; i > 0; i--) {
    const p = parent[i];
    if (p < 0) continue;
    const factor = g[i] / d[i];
    d[p] -= factor * g[i];
    rhs[p] += factor * rhs[i];
  }
  // Back-substitute from the roots.
  for (let i = 0; i < count; i++) {
    const p = parent[i];
    rhs[i] = p < 0 ? rhs[i] / d[i] : (rhs[i] + g[i] * rhs[p]) / d[i];
  }
}
