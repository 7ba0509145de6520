/**
 * The import direction of docs/architecture.md#import-direction, checked by `npm run lint`:
 * app → components → lib; lib/server never imports components or app; code that can reach the browser
 * (components, lib outside lib/server) never imports lib/server; sim/ imports nothing of the app; no cycles.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'Modules must not import each other in a circle: split the shared part out.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      severity: 'error',
      scope: 'folder',
      comment: 'Folders must not depend on each other in a circle, the simulator\'s included.',
      from: { path: '^(app|components|lib|sim)/' },
      to: { circular: true },
    },
    {
      name: 'lib-imports-only-lib',
      severity: 'error',
      comment: 'lib/ (server or not) never imports components/ or app/: move the shared type to lib/contracts/.',
      from: { path: '^lib/' },
      to: { path: '^(components|app)/' },
    },
    {
      name: 'components-never-import-app',
      severity: 'error',
      comment: 'components/ never imports app/: routes use components, not the other way round.',
      from: { path: '^components/' },
      to: { path: '^app/' },
    },
    {
      name: 'client-never-imports-server',
      severity: 'error',
      comment: 'Code that can reach the browser (components/, lib/ outside lib/server/) never imports lib/server/.',
      from: { path: '^(components/|lib/(?!server/|testing/))', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^lib/server/' },
    },
    {
      name: 'sim-stands-alone',
      severity: 'error',
      comment: 'The simulator stands in for Binance: it shares nothing with the app it checks.',
      from: { path: '^sim/' },
      to: { path: '^(lib|components|app)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^(node_modules|\\.next|\\.next-[^/]*|\\.data|test-results|playwright-report|drizzle)/', '\\.test\\.tsx?$', '(^|/)testing/', 'test-support\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
