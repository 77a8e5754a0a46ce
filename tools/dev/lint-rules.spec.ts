import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The layering rules hold because lint fails when they are broken. Each case is code a newcomer
 * might write, placed for a moment in a real folder of the workspace and linted by the workspace's
 * own config in one ESLint run (a process: the flat config is an ES module, which Jest's CommonJS
 * runtime cannot load).
 */
const root = path.resolve(__dirname, '../..');

const cases = [
  { folder: 'services/dispatch/src/cases/domain', code: "import { Injectable } from '@nestjs/common';\nexport const a = Injectable;\n", rules: ['no-restricted-imports'] },
  { folder: 'services/dispatch/src/cases/domain', code: "import { Entity } from 'typeorm';\nexport const a = Entity;\n", rules: ['no-restricted-imports'] },
  { folder: 'services/quality/src/kpis/domain', code: "import { Outbox } from '@hotline/messaging';\nexport const a = Outbox;\n", rules: ['no-restricted-imports'] },
  { folder: 'services/quality/src/kpis/domain', code: "import type { Principal } from '@hotline/platform';\nexport type A = Principal;\n", rules: ['no-restricted-imports'] },
  { folder: 'libs/standards/src/lib', code: "import { Module } from '@nestjs/common';\nexport const a = Module;\n", rules: ['no-restricted-imports'] },
  { folder: 'libs/contracts/src/lib', code: "import { Client } from 'pg';\nexport const a = Client;\n", rules: ['no-restricted-imports'] },
  // A pure lib may not lean on an infrastructure lib, whatever the folder.
  { folder: 'libs/standards/src/lib', code: "import { Inbox } from '@hotline/messaging';\nexport const a = Inbox;\n", rules: ['no-restricted-imports', '@nx/enforce-module-boundaries'] },
  { folder: 'libs/csv/src/lib', code: "import { problemSchema } from '@hotline/platform';\nexport const a = problemSchema;\n", rules: ['no-restricted-imports', '@nx/enforce-module-boundaries'] },
  // What is allowed stays allowed: domain code uses the contracts; adapters use the framework.
  { folder: 'services/dispatch/src/cases/domain', code: "import type { CaseOpened } from '@hotline/contracts';\nexport type A = CaseOpened;\n", rules: [] },
  { folder: 'services/dispatch/src/complaints/domain', code: "import { toCsv } from '@hotline/csv';\nexport const a = toCsv;\n", rules: [] },
  { folder: 'services/dispatch/src/cases', code: "import { Injectable } from '@nestjs/common';\nexport const a = Injectable;\n", rules: [] },
];

describe('lint: plain TypeScript where the design says so, libs in their layers', () => {
  const tag = randomBytes(4).toString('hex');
  const files = cases.map((c, i) => path.join(root, c.folder, `lint-fixture-${tag}-${i}.ts`));
  let rulesByFile = new Map<string, string[]>();

  beforeAll(async () => {
    try {
      await Promise.all(files.map((file, i) => writeFile(file, cases[i].code)));
      const eslint = path.join(root, 'node_modules/eslint/bin/eslint.js');
      const run = await promisify(execFile)(process.execPath, [eslint, '--format', 'json', '--no-warn-ignored', ...files], {
        cwd: root,
        env: { ...process.env, NX_DAEMON: 'false' },
        maxBuffer: 10 * 1024 * 1024,
      }).catch((failed: { stdout?: string }) => ({ stdout: failed.stdout ?? '[]' })); // exit 1 when it finds errors
      const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string | null }[] }[];
      rulesByFile = new Map(results.map((r) => [r.filePath, [...new Set(r.messages.map((m) => m.ruleId ?? 'parse error'))].sort()]));
    } finally {
      await Promise.all(files.map((file) => rm(file, { force: true })));
    }
  }, 120_000);

  it.each(cases.map((c, i) => [c.folder, c.code.split('\n')[0], i] as const))('%s: %s', (_folder, _line, i) => {
    expect(rulesByFile.get(files[i])).toEqual([...cases[i].rules].sort());
  });
});
