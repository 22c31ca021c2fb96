// The import graph of the whole project, type-only imports included (`import type` is erased
// from the build, but a cycle through types still ties two modules into one: neither can be read,
// tested or moved without the other). ESLint's import-x/no-cycle leaves type-only imports out,
// so this closes that gap; `npm run lint` runs both.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type-only imports included: move the shared piece to where it belongs.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The fixture holds a cycle on purpose: tests/unit/lint/layering.test.ts cruises it alone.
    exclude: {
      path: '^(node_modules|out|dist|release|coverage|test-results|playwright-report)/|^tests/fixtures/lint/',
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
