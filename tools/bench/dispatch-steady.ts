// The steady phases of bench:dispatch: contacts offered at a fixed pace, a tick every 50 ms, a share
// of them answered 3 s in, and how fast dispatch clocks them. Ticks do not wait for the previous
// ticks' confirms (up to a second of them may be in flight), so the pace offered is the one asked
// unless the broker cannot take it at all; then the bench falls behind and says so.
import type { CloudEvent } from '@hotline/contracts';
import { until } from './bench-process';

const TICK_MS = 50;
const MAX_TICKS_IN_FLIGHT = 20;

export interface SteadyOptions {
  /** Contact ids start with it (`s` → `s-17`), so the breach tap tells the phases apart. */
  prefix: string;
  rate: number;
  seconds: number;
  tenants: number;
  answered: number;
  answerAfterMs: number;
  /** Puts the events on the bus; resolves once the broker has confirmed them. */
  send: (events: CloudEvent[]) => Promise<void>;
  contactEvent: (type: 'contact.queued' | 'contact.answered', contactId: string, tenantId: string, time: number) => CloudEvent;
  /** `contact.queued` events dispatch has consumed so far (its own counter). */
  clockedSoFar: () => Promise<number>;
  /** Sampled each second: the consumer queue's backlog and the open timers. */
  backlog: () => Promise<number>;
  openTimers: () => Promise<number>;
  drainMs: number;
}

export interface SteadyResult {
  sent: number;
  clocked: number;
  clockedSeconds: number;
  offeredSeconds: number;
  answers: number;
  unanswered: number;
  backlogMax: number;
  backlogEnd: number;
  openMin: number;
  openMax: number;
}

export async function steadyLoad(options: SteadyOptions): Promise<SteadyResult> {
  const { prefix, rate, seconds, tenants, answered, answerAfterMs, send, contactEvent } = options;
  const perTick = Math.round((rate * TICK_MS) / 1000);
  const answerTicks = answerAfterMs / TICK_MS;
  const queuedByTick: { contactId: string; tenantId: string; time: number }[][] = [];
  const backlog: number[] = [];
  const open: number[] = [];
  const sampler = setInterval(() => {
    void options.backlog().then((n) => backlog.push(n), () => undefined);
    void options.openTimers().then((n) => open.push(n), () => undefined);
  }, 1_000);
  const clockedBefore = await options.clockedSoFar();
  const inFlight: Promise<void>[] = [];
  let n = 0;
  let answers = 0;
  const started = Date.now();
  try {
    return await offerAndDrain();
  } finally {
    clearInterval(sampler);
  }

  async function offerAndDrain(): Promise<SteadyResult> {
    for (let tick = 0; tick < (seconds * 1000) / TICK_MS; tick++) {
      const wait = started + tick * TICK_MS - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const time = Date.now();
      const queued = Array.from({ length: perTick }, () => {
        const i = n++;
        return { contactId: `${prefix}-${i}`, tenantId: `t${i % tenants}`, time };
      });
      queuedByTick.push(queued);
      const toAnswer = queuedByTick[tick - answerTicks] ?? [];
      const events = queued.map((c) => contactEvent('contact.queued', c.contactId, c.tenantId, c.time));
      toAnswer.forEach((c, i) => {
        if (i < toAnswer.length * answered) {
          events.push(contactEvent('contact.answered', c.contactId, c.tenantId, c.time + answerAfterMs));
          answers++;
        }
      });
      inFlight.push(send(events));
      // A broker that cannot keep up holds the bench back here, and the pace offered says so.
      if (inFlight.length >= MAX_TICKS_IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
    const offeredSeconds = (Date.now() - started) / 1000;
    // Contacts of the last 3 s get no answer event: count them as unanswered only by the share never answered.
    let unanswered = 0;
    for (const [tick, queued] of queuedByTick.entries()) {
      unanswered += Math.round(queued.length * (tick < queuedByTick.length - answerTicks ? 1 - answered : 1));
    }
    // A consumer that fell behind gets drainMs to catch up; what it clocked by then is its pace.
    const clockedNow = async () => (await options.clockedSoFar()) - clockedBefore;
    await until(async () => (await clockedNow()) >= n, options.drainMs).catch(() => undefined);
    const clocked = await clockedNow();
    return {
      sent: n,
      clocked,
      clockedSeconds: (Date.now() - started) / 1000,
      offeredSeconds,
      answers,
      unanswered,
      backlogMax: Math.max(0, ...backlog),
      backlogEnd: await options.backlog(),
      openMin: Math.min(...open),
      openMax: Math.max(...open),
    };
  }
}
