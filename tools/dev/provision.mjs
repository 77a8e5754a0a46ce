// Makes a fresh clone runnable: installs dependencies, makes sure PostgreSQL and RabbitMQ answer
// (starting local servers that are installed but stopped, else Docker Compose), and creates the
// database. Plain Node with no dependencies, because it runs before `npm ci` has.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/hotline';
export const DEFAULT_AMQP_URL = 'amqp://guest:guest@127.0.0.1:5672';

const log = (msg) => console.log(`[provision] ${msg}`);

export function ensureDependencies() {
  const marker = path.join(root, 'node_modules/.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  // A linked node_modules (e.g. a git worktree sharing another checkout's) belongs to that
  // checkout: npm ci here would empty it for every checkout that shares it.
  if (existsSync(marker) && lstatSync(path.join(root, 'node_modules')).isSymbolicLink()) {
    log('node_modules is a link to another checkout: not reinstalling it (run npm ci there if the lock file changed)');
    return;
  }
  log('installing dependencies (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) fail('npm ci failed: check the npm registry is reachable, then run it again.');
}

function canConnect(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function waitFor(host, port, seconds) {
  for (let i = 0; i < seconds * 2; i++) {
    if (await canConnect(host, port)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const run = (cmd) => spawnSync('sh', ['-c', cmd], { stdio: 'inherit' }).status === 0;
const isLoopback = (host) => ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host);

function startLocalPostgres() {
  if (existsSync('/etc/postgresql') && has('pg_ctlcluster')) {
    return readdirSync('/etc/postgresql').some((v) =>
      run(`pg_ctlcluster --skip-systemctl-redirect ${v} main start 2>&1 || pg_ctlcluster ${v} main start`),
    );
  }
  if (has('brew')) return run('brew services start postgresql');
  return false;
}

// A broker started by hand inherits the shell's soft limit of open files (often 1,024, far below
// what RabbitMQ asks for): raise it to the hard limit first.
function startLocalRabbit() {
  if (has('rabbitmq-server')) {
    // A node that runs but does not listen is wedged (or still booting: it had its chance above).
    if (run('pgrep -f "beam.*rabbit" >/dev/null')) return restartLocalRabbit();
    return run('ulimit -n "$(ulimit -Hn)" 2>/dev/null; rabbitmq-server -detached');
  }
  if (has('brew')) return run('brew services start rabbitmq');
  return false;
}

function dockerRuns() {
  return has('docker') && spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;
}

async function ensureServer(name, url, defaultPort, startLocal, composeService, install) {
  const u = new URL(url);
  const host = u.hostname;
  const port = Number(u.port || defaultPort);
  if (await canConnect(host, port)) return;
  // A server the machine is still booting gets a moment before anything is started.
  if (isLoopback(host) && (await waitFor(host, port, 10))) return;
  if (!isLoopback(host)) fail(`${name} at ${host}:${port} does not answer; start it or fix the URL.`);
  log(`${name} is not answering on ${host}:${port}; trying to start it…`);
  if (startLocal() && (await waitFor(host, port, 60))) return log(`${name} started.`);
  if (dockerRuns()) {
    log(`starting ${name} with docker compose…`);
    if (run(`docker compose -f "${root}/docker-compose.yml" up -d ${composeService}`) && (await waitFor(host, port, 90)))
      return log(`${name} started in Docker.`);
  }
  fail(`${name} is not reachable on ${host}:${port} and could not be started.\n  Install it: ${install}\n  or run a Docker engine and: docker compose up -d ${composeService}`);
}

export async function ensureServers({ databaseUrl, amqpUrl }) {
  await ensureServer('PostgreSQL', databaseUrl, 5432, startLocalPostgres, 'postgres',
    'apt-get install postgresql (Debian/Ubuntu) or brew install postgresql');
  await ensureServer('RabbitMQ', amqpUrl, 5672, startLocalRabbit, 'rabbitmq',
    'apt-get install rabbitmq-server (Debian/Ubuntu) or brew install rabbitmq');
  // The AMQP port opens a little before the broker accepts connections.
  if (await waitForAmqp(amqpUrl, 60)) return;
  // A local broker that takes TCP but never answers the AMQP handshake is wedged (seen here after a
  // broker was killed and started again): restart it rather than wait forever.
  if (isLoopback(new URL(amqpUrl).hostname) && has('rabbitmq-server')) {
    log('RabbitMQ accepts TCP but does not answer AMQP; restarting the local broker…');
    restartLocalRabbit();
    if (await waitFor(new URL(amqpUrl).hostname, Number(new URL(amqpUrl).port || 5672), 90) && (await waitForAmqp(amqpUrl, 120)))
      return log('RabbitMQ restarted.');
  }
  fail(`RabbitMQ at ${new URL(amqpUrl).host} accepts TCP but does not answer AMQP: restart the broker.`);
}

function restartLocalRabbit() {
  run('timeout 30 rabbitmqctl stop >/dev/null 2>&1');
  // A wedged node may not answer its own CLI either.
  run('pkill -9 -f "beam.*rabbit" 2>/dev/null; pkill -9 epmd 2>/dev/null; sleep 1');
  return run('ulimit -n "$(ulimit -Hn)" 2>/dev/null; rabbitmq-server -detached');
}

/** True once an AMQP login succeeds; every attempt has a deadline, since a wedged broker never answers. */
async function waitForAmqp(url, seconds) {
  const require = createRequire(path.join(root, 'package.json'));
  const amqp = require('amqplib');
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      const conn = await amqp.connect(url, { timeout: 5000 });
      await conn.close();
      return true;
    } catch (err) {
      if (/ACCESS_REFUSED|403/.test(String(err?.message)))
        fail(`RabbitMQ at ${new URL(url).host} refused the login: check AMQP_URL's user and password.`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  return false;
}

export async function ensureDatabase(databaseUrl) {
  const require = createRequire(path.join(root, 'package.json'));
  const { Client } = require('pg');
  const target = new URL(databaseUrl);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      log(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

export function fail(msg) {
  console.error(`[provision] ${msg}`);
  process.exit(1);
}

export function settings() {
  return {
    databaseUrl: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    amqpUrl: process.env.AMQP_URL ?? DEFAULT_AMQP_URL,
  };
}

export async function provision({ createDatabase = true } = {}) {
  ensureDependencies();
  const s = settings();
  await ensureServers(s);
  if (createDatabase) await ensureDatabase(s.databaseUrl);
  return s;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await provision();
  log('ready.');
}
