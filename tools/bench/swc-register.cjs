// Runs a service's TypeScript source directly (`node -r ./tools/bench/swc-register.cjs services/dispatch/src/main.ts`)
// for benches that need the real service as a process of its own without building it first. SWC with
// decorator metadata, as Jest runs the services (tsx cannot: esbuild emits no design:paramtypes, which
// Nest's dependency injection reads), and the @hotline/* path aliases of tsconfig.base.json.
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');
const { compilerOptions } = require('../../tsconfig.base.json');

const root = path.resolve(__dirname, '../..');
const aliases = new Map(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, path.join(root, target)]));

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, aliases.get(request) ?? request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const source = require('node:fs').readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
