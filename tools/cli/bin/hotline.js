#!/usr/bin/env node
// `npx hotline …`: runs the TypeScript CLI through tsx, which also resolves the workspace's
// @hotline/* path aliases, read from the root tsconfig.json wherever the command is run from.
const path = require('node:path');

process.env.TSX_TSCONFIG_PATH ??= path.join(__dirname, '../../../tsconfig.json');
require('tsx/cjs');
require('../src/main.ts');
