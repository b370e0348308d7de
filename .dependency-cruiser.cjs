// The layers of ../shared/DESIGN.md, enforced: units <- core <- model <- mechanisms <- engine <- {io, cli, web}.
// Each rule forbids a layer from importing any layer above it. `npm run layers` runs it; a test runs it too.
const order = ['units', 'core', 'model', 'mechanisms', 'engine', 'analysis', 'io', 'cli'];
const above = (layer) => order.slice(order.indexOf(layer) + 1);

const layerRules = order
  .filter((layer) => layer !== 'io' && layer !== 'cli')
  .map((layer) => ({
    name: `${layer}-imports-only-lower-layers`,
    severity: 'error',
    comment: `src/${layer} may import only layers below it (${order.slice(0, order.indexOf(layer)).join(', ') || 'none'}).`,
    from: { path: `^src/${layer}/` },
    to: { path: `^src/(${above(layer).join('|')})/` },
  }));

// io and cli sit side by side on top: cli may use io, io never uses cli.
layerRules.push({
  name: 'io-does-not-import-cli',
  severity: 'error',
  from: { path: '^src/io/' },
  to: { path: '^src/cli/' },
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-node-modules-in-browser-layers',
      severity: 'error',
      comment: 'units, core, model, mechanisms and engine run in the browser: no Node built-ins there.',
      from: { path: '^src/(units|core|model|mechanisms|engine|analysis)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Tests and their helpers (never built into dist/) may read reference files with node:fs.
    exclude: { path: '(\\.test\\.ts|/test-models\\.ts|/test-arbitraries\\.ts)$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
