// Maps the tsconfig.base.json path aliases (@hotline/*) for Jest, so there is one list of them.
const { compilerOptions } = require('../../tsconfig.base.json');

exports.pathsToModuleNameMapper = () =>
  Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
      `^${alias.replace('/', '\\/')}$`,
      `<rootDir>/${target}`,
    ]),
  );
