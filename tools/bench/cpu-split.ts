// Where a phase's CPU went on this machine: the service under test, PostgreSQL, RabbitMQ, the bench
// itself and the rest, read from /proc (Linux). On a machine where all of them share the cores,
// this says whose cost a throughput figure is, and so what would move it.
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuShares {
  /** CPU seconds per group over the phase, and the machine's idle seconds. */
  seconds: Record<string, number>;
  wallSeconds: number;
}

type Groups = Record<string, (proc: { pid: number; comm: string }) => boolean>;

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux we run on

/** Starts counting; `stop()` gives each group's CPU seconds since. Processes that exit meanwhile lose their share. */
export function cpuSplit(servicePid: number | undefined, serviceName: string): { stop(): CpuShares } {
  const groups: Groups = {
    [serviceName]: ({ pid }) => pid === servicePid,
    PostgreSQL: ({ comm }) => comm === 'postgres',
    RabbitMQ: ({ comm }) => comm === 'beam.smp' || comm === 'erl_child_setup' || comm === 'epmd',
    bench: ({ pid }) => pid === process.pid,
  };
  const before = sample(groups);
  const started = Date.now();
  return {
    stop: () => {
      const after = sample(groups);
      const seconds: Record<string, number> = {};
      for (const name of Object.keys(after)) seconds[name] = (after[name] - (before[name] ?? 0)) / TICKS_PER_SECOND;
      return { seconds, wallSeconds: (Date.now() - started) / 1000 };
    },
  };
}

function sample(groups: Groups): Record<string, number> {
  const totals: Record<string, number> = Object.fromEntries(Object.keys(groups).map((name) => [name, 0]));
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readOrEmpty(`/proc/${pid}/stat`);
    if (!stat) continue;
    // comm is in parentheses and may hold spaces: the fields after it start past the last ')'.
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
    const group = Object.keys(groups).find((name) => groups[name]({ pid, comm }));
    if (group) totals[group] += ticks;
  }
  // The machine's busy and idle ticks from /proc/stat's first line: user nice system idle iowait irq softirq steal.
  const cpu = readOrEmpty('/proc/stat').split('\n')[0].split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + cpu[4];
  const busy = cpu.slice(0, 8).reduce((a, b) => a + b, 0) - idle;
  const grouped = Object.values(totals).reduce((a, b) => a + b, 0);
  return { ...totals, other: busy - grouped, idle };
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** `dispatch 41 %, PostgreSQL 38 %, …` of the machine's cores over the phase. */
export function describeShares({ seconds, wallSeconds }: CpuShares, cores: number): string {
  const capacity = wallSeconds * cores;
  return Object.entries(seconds)
    .map(([name, s]) => `${name} ${((100 * s) / capacity).toFixed(0)} %`)
    .join(', ');
}
