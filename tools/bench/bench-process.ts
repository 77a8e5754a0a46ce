// A service run by a benchmark as a process of its own, and what a benchmark reads off it.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface StartOptions {
  /** Its TypeScript sources under run-from-source.cjs instead of the build; SWC adds some 60 MB to its RSS. */
  fromSource?: boolean;
  /** The service's log lines (stdout) on the bench's own output; errors (stderr) always are. */
  logs?: boolean;
}

/**
 * Starts a service as a process of its own, the build (`dist/services/<name>/main.js`) unless
 * `fromSource`, and resolves once its /health answers 200; stops it again if it never does.
 */
export async function startService(name: string, env: NodeJS.ProcessEnv, port: number, options: StartOptions = {}): Promise<ChildProcess> {
  const main = options.fromSource
    ? ['-r', path.join(__dirname, 'run-from-source.cjs'), path.join(ROOT, `services/${name}/src/main.ts`)]
    : [path.join(ROOT, `dist/services/${name}/main.js`)];
  // As it ships: the flags its Dockerfile and npm start run it with.
  const shipped = (JSON.parse(readFileSync(path.join(ROOT, 'tools/dev/service-node-flags.json'), 'utf8')) as Record<string, string[]>)[name] ?? [];
  // BENCH_PROFILE_DIR=/tmp/prof writes a V8 CPU profile of the service there (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  // BENCH_NODE_FLAGS='--trace-gc …' passes flags to the service's node only (NODE_OPTIONS would reach the bench too).
  const flags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...shipped, ...profile, ...flags, ...main], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', options.logs ? 'inherit' : 'ignore', 'inherit'],
  });
  try {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited during start (${child.exitCode ?? child.signalCode})`);
      if ((await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.status === 200) return child;
    }
    throw new Error(`${name} did not become ready within 60 s`);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
}

export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The process's peak resident memory (VmHWM), in MB (Linux). */
export function peakRssMb(pid: number | undefined): number {
  return pid === undefined ? 0 : statusKb(pid, 'VmHWM') / 1024;
}

/** The process's resident memory (VmRSS) sampled each second; `maxMb()` is the largest sample, in MB. */
export function sampleRss(pid: number | undefined): { stop(): void; maxMb(): number } {
  let max = 0;
  const timer = setInterval(() => {
    if (pid !== undefined) max = Math.max(max, statusKb(pid, 'VmRSS') / 1024);
  }, 1_000);
  return { stop: () => clearInterval(timer), maxMb: () => max };
}

/** A field of /proc/<pid>/status in kB, 0 when unreadable. */
function statusKb(pid: number, field: string): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
    return line ? Number(line.split(/\s+/)[1]) : 0;
  } catch {
    return 0;
  }
}

export async function until(done: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
