// Nx loads a generator with require(); this one is TypeScript, so it is loaded through tsx (as
// `npx hotline` is), which also resolves the workspace's @hotline/* path aliases.
const path = require('node:path');

process.env.TSX_TSCONFIG_PATH ??= path.join(__dirname, '../../../tsconfig.json');
require('tsx/cjs');
module.exports = require('../src/capability/generator.ts');
