// `npm test`: provision, then type-check, lint (module boundaries included), build, and run every
// unit, integration and e2e test against the real PostgreSQL and RabbitMQ. Each test file makes
// its own database and its own exchange/queue names, so concurrent runs never collide.
import { spawnSync } from 'node:child_process';
import { provision, root } from './provision.mjs';

await provision({ createDatabase: false });

const steps = [
  ['type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['nx', 'run-many', '-t', 'lint', '--outputStyle=static']],
  // The full-stack e2e test runs the built services as separate processes, as they are deployed.
  ['build', 'npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static']],
  ['tests', 'npx', ['jest', ...(process.env.CI ? ['--ci'] : []), ...process.argv.slice(2)]],
];
for (const [name, cmd, args] of steps) {
  console.log(`\n[test] ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  if (r.status !== 0) {
    console.error(`[test] ${name} failed`);
    process.exit(r.status ?? 1);
  }
}
