// `npm start`: provision (dependencies, PostgreSQL, RabbitMQ, database), build the four services,
// start them (each runs its own migrations), wait until every /health says ready, then print the
// URLs and a demo tenant's API key. Ctrl-C stops them all cleanly.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { provision, root } from './provision.mjs';

const SERVICES = [
  { name: 'intake', port: 3001 },
  { name: 'dispatch', port: 3002 },
  { name: 'quality', port: 3003 },
  { name: 'security', port: 3004 },
];
// The node flags each service runs with, as its Dockerfile runs it (source maps; dispatch's and quality's heap limit).
const NODE_FLAGS = JSON.parse(readFileSync(path.join(root, 'tools/dev/service-node-flags.json'), 'utf8'));
const DEMO_TENANT = 'demo';
const log = (msg) => console.log(`[start] ${msg}`);

await provision();

log('building the services (nx, webpack)…');
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static', `--projects=${SERVICES.map((s) => s.name).join(',')}`], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NX_DAEMON: 'false' },
});
if (build.status !== 0) {
  console.error('[start] build failed');
  process.exit(1);
}

const logDir = path.join(root, 'tmp/logs');
mkdirSync(logDir, { recursive: true });
const children = SERVICES.map(startService);
let stopping = false;

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));

try {
  await Promise.all(SERVICES.map(waitUntilReady));
} catch (error) {
  console.error(`[start] ${error.message}`);
  await stop('SIGTERM', 1);
}

const apiKey = runCli(['api-key', 'create', '--tenant', DEMO_TENANT, '--name', 'npm start demo']);
const token = runCli(['token', '--tenant', DEMO_TENANT, '--role', 'supervisor', '--role', 'security', '--role', 'agent']);
console.log(`
Hotline is running (logs in tmp/logs/):
${SERVICES.map((s) => `  ${s.name.padEnd(9)} http://127.0.0.1:${s.port}   (health /health, API docs /docs)`).join('\n')}

Demo tenant "${DEMO_TENANT}":
  API key (shown once): ${apiKey}
  supervisor JWT:       ${token}

Send an event:
  curl -X POST http://127.0.0.1:3001/v1/events -H "Authorization: Bearer ${apiKey}" -H 'Content-Type: application/json' \\
    -d '{"id":"demo-1","source":"/demo","type":"case.opened","time":"${new Date().toISOString()}","data":{"caseId":"C-1","type":"network_fault","priority":"P1","summary":"No signal"}}'
  curl http://127.0.0.1:3002/v1/cases/C-1 -H "Authorization: Bearer <the JWT above>"

Ctrl-C stops everything.`);

function startService({ name, port }) {
  const out = createWriteStream(path.join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, [...NODE_FLAGS[name], path.join(root, 'dist/services', name, 'main.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(out, { end: false });
    // The full JSON log goes to the file; warnings and errors also to the console.
    readline.createInterface({ input: stream }).on('line', (line) => {
      const level = /"level":(\d+)/.exec(line)?.[1];
      if (!level || Number(level) >= 40) console.log(`[${name}] ${line}`);
    });
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${name} stopped unexpectedly (${signal ?? `exit ${code}`}); see tmp/logs/${name}.log`);
      void stop('SIGTERM', 1);
    }
  });
  return { name, child };
}

async function waitUntilReady({ name, port }) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (stopping) throw new Error('stopped');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return log(`${name} is ready on :${port}`);
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${name} was not ready on :${port} within 120 s; see tmp/logs/${name}.log`);
}

function runCli(args) {
  // The services' environment (JWT_SECRET among it), and the intake started above for api-key.
  const intake = SERVICES.find((s) => s.name === 'intake');
  const env = { ...process.env, INTAKE_URL: `http://127.0.0.1:${intake.port}` };
  const r = spawnSync(process.execPath, [path.join(root, 'tools/cli/bin/hotline.js'), ...args], { cwd: root, env, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`[start] npx hotline ${args.join(" ")} failed (${r.error?.message ?? r.signal ?? `exit ${r.status}`}):\n${r.stderr}`);
    return '(could not be created: see the error above)';
  }
  return r.stdout.trim();
}

async function stop(signal, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  log('stopping the services…');
  const exits = children.map(({ child }) =>
    child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r)),
  );
  for (const { child } of children) child.kill(signal === 'SIGINT' ? 'SIGTERM' : signal);
  const timeout = setTimeout(() => children.forEach(({ child }) => child.kill('SIGKILL')), 20_000);
  await Promise.all(exits);
  clearTimeout(timeout);
  log('stopped.');
  process.exit(exitCode);
}
