import type { NestExpressApplication } from '@nestjs/platform-express';
import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import type { AmqpServer } from '@hotline/messaging';
import { amqpConsumer, bootstrapService } from '@hotline/platform';
import { eventually, publishToBus } from '@hotline/testing';
import { startService, type StartedService, tightenTenantStandards } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { FireCaseClock } from '../src/case-clocks/use-cases/fire-case-clock';
import { FireAnswerDeadline } from '../src/contacts/use-cases/fire-answer-deadline';

/** acme's answer time and network-fault response, tightened so a few hundred clocks fall due together in seconds. */
const DEADLINE_SECONDS = 8;
const CONTACTS = 200;
const CASES = 30;

describe('dispatch: two replicas on one database and broker namespace never fire a deadline twice (real HTTP, PostgreSQL, RabbitMQ, durable timers)', () => {
  let svc: StartedService;
  let replica: NestExpressApplication | undefined;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch', consumer: 'dispatch', tap: true });
    // The second replica: the same env (database, namespace), its own consumer on the same queues and its own timer runner.
    let consumer: AmqpServer | undefined;
    replica = await bootstrapService(AppModule, { name: 'dispatch', defaultPort: 0, microservice: (config, nest) => (consumer = amqpConsumer('dispatch')(config, nest)) });
    await consumer?.whenReady();
    const token = await svc.token({ tenant: 'acme', roles: ['supervisor'] });
    await tightenTenantStandards(svc, 'acme', token, {
      'answer-time': { kind: 'deadline', seconds: DEADLINE_SECONDS },
      'network-fault-response': { kind: 'deadline', seconds: DEADLINE_SECONDS },
    });
    // acme opts in to answer warnings at half time: each waiting contact's warn point is a timer of its own too.
    await svc.http().put('/v1/sla-policies/answer').auth(token, { type: 'bearer' }).send({ calendarId: null, warnAt: [0.5] }).expect(200);
  }, 60_000);

  afterAll(async () => {
    await replica?.close();
    await svc?.stop();
  });

  const published = (type: string, subjectId: string) => svc.tap.events.filter((e) => e.type === type && (e.data as { subjectId?: string }).subjectId === subjectId);
  const countOf = (type: string, prefix: string) => svc.tap.events.filter((e) => e.type === type && String((e.data as { subjectId?: string }).subjectId).startsWith(prefix)).length;
  const timerCount = async (kind: string) => Number((await svc.db.query(`SELECT count(*) AS n FROM dispatch.timers WHERE kind = $1`, [kind]))[0].n);

  it('publishes every sla.breached (and sla.warned, of cases and contacts) of clocks falling due together exactly once while both replicas fire timers', async () => {
    // Timer batches each replica's runner handed to its handlers, counted as they pass (the handlers run for real).
    const handled = [svc.app, replica as NestExpressApplication].map((app) => {
      const share = { contacts: 0, cases: 0 };
      const answers = app.get(FireAnswerDeadline);
      const fireAnswers = answers.execute.bind(answers);
      jest.spyOn(answers, 'execute').mockImplementation((manager, timers) => ((share.contacts += timers.length), fireAnswers(manager, timers)));
      const cases = app.get(FireCaseClock);
      const fireCases = cases.execute.bind(cases);
      jest.spyOn(cases, 'execute').mockImplementation((manager, timers) => ((share.cases += timers.length), fireCases(manager, timers)));
      return share;
    });

    const at = new Date();
    const contacts: CloudEvent[] = Array.from({ length: CONTACTS }, (_, i) =>
      newCloudEvent({ type: 'contact.queued', source: '/test', tenantId: 'acme', time: at, data: { contactId: `R-C-${i}`, channel: 'voice', queue: 'billing', direction: 'inbound' } }),
    );
    const cases: CloudEvent[] = Array.from({ length: CASES }, (_, i) =>
      newCloudEvent({ type: 'case.opened', source: '/test', tenantId: 'acme', time: at, data: { caseId: `R-K-${i}`, type: 'network_fault', priority: 'P2', summary: 'No signal', region: 'beijing' } }),
    );
    // Replayed too: a redelivered event must not start a second clock on the other replica.
    await publishToBus(svc.env.namespace, [...contacts, ...cases, ...contacts.slice(0, 20), ...cases.slice(0, 5)]);

    await eventually(
      async () => {
        expect(countOf('sla.breached', 'R-C-')).toBeGreaterThanOrEqual(CONTACTS);
        expect(countOf('sla.breached', 'R-K-')).toBeGreaterThanOrEqual(CASES);
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    // Everything that fell due has fired and left the outbox; a marker's breach, published after, has reached the tap too.
    await eventually(
      async () => {
        expect(await timerCount('sla.answer')).toBe(0);
        expect(await timerCount('sla.answer.warn')).toBe(0);
        const [{ n }] = await svc.db.query(`SELECT count(*) AS n FROM dispatch.outbox`);
        expect(Number(n)).toBe(0);
      },
      { timeoutMs: 30_000 },
    );
    const marker = new Date(Date.now() - (DEADLINE_SECONDS - 1) * 1000);
    await publishToBus(svc.env.namespace, [
      newCloudEvent({ type: 'contact.queued', source: '/test', tenantId: 'acme', time: marker, data: { contactId: 'R-MARKER', channel: 'voice', queue: 'billing', direction: 'inbound' } }),
    ]);
    await eventually(async () => expect(published('sla.breached', 'R-MARKER')).toHaveLength(1), { timeoutMs: 20_000 });

    for (let i = 0; i < CONTACTS; i++) {
      expect([`R-C-${i}`, published('sla.breached', `R-C-${i}`).length]).toEqual([`R-C-${i}`, 1]);
      // Warned once, at half time, under the warning's own id.
      expect([`R-C-${i}`, published('sla.warned', `R-C-${i}`).map((e) => e.id)]).toEqual([`R-C-${i}`, [`sla.warned:contact:R-C-${i}:${at.getTime()}:0.5`]]);
    }
    for (let i = 0; i < CASES; i++) {
      const breaches = published('sla.breached', `R-K-${i}`);
      expect([`R-K-${i}`, breaches.map((e) => (e.data as { standardId: string }).standardId)]).toEqual([`R-K-${i}`, ['network-fault-response']]);
      // Warned at 50 % and 80 %, once each.
      expect([`R-K-${i}`, published('sla.warned', `R-K-${i}`).length]).toEqual([`R-K-${i}`, 2]);
    }
    expect(countOf('sla.breached', 'R-')).toBe(CONTACTS + CASES + 1);
    // The breaches came from the replicas' timers (a put-off or retried batch is handed over again, so at least once each);
    // which replica claims what is the database's choice (FOR UPDATE SKIP LOCKED), so the split is not asserted.
    const fired = handled.reduce((sum, share) => ({ contacts: sum.contacts + share.contacts, cases: sum.cases + share.cases }), { contacts: 0, cases: 0 });
    expect(fired.contacts).toBeGreaterThanOrEqual(CONTACTS + 1);
    expect(fired.cases).toBeGreaterThanOrEqual(CASES * 3);
  }, 120_000);
});
