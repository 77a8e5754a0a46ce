import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { eventually, publishToBus } from '@hotline/testing';
import { startService, type StartedService, tightenTenantStandards } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

/** The tenants' answer time, tightened to 4 s (manual 2.1 allows tightening) so warn points and deadlines fall in seconds. */
const ANSWER_SECONDS = 4;

describe('dispatch: answer clock warnings, opt-in per tenant (real HTTP, PostgreSQL, RabbitMQ, durable timers)', () => {
  let svc: StartedService;
  let acme: string;
  let globex: string;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch', consumer: 'dispatch', tap: true });
    acme = await svc.token({ tenant: 'acme', roles: ['supervisor'] });
    globex = await svc.token({ tenant: 'globex', roles: ['supervisor'] });
    await tightenTenantStandards(svc, 'acme', acme, { 'answer-time': { kind: 'deadline', seconds: ANSWER_SECONDS } });
    await tightenTenantStandards(svc, 'globex', globex, { 'answer-time': { kind: 'deadline', seconds: ANSWER_SECONDS } });
  });

  afterAll(() => svc?.stop());

  const contactEvent = (tenantId: string, type: 'contact.queued' | 'contact.answered', contactId: string, time: Date): CloudEvent =>
    type === 'contact.queued'
      ? newCloudEvent({ type, source: '/test', tenantId, time, data: { contactId, channel: 'voice', queue: 'billing', direction: 'inbound' } })
      : newCloudEvent({ type, source: '/test', tenantId, time, data: { contactId, agentId: 'agent-7' } });
  const verdicts = (type: string, contactId: string) => svc.tap.events.filter((e) => e.type === type && (e.data as { subjectId?: string }).subjectId === contactId);
  const awaitVerdict = (type: string, contactId: string) =>
    eventually(async () => {
      const found = verdicts(type, contactId);
      expect(found).toHaveLength(1);
      return found[0];
    });
  const warnTimers = async (contactId: string): Promise<string[]> =>
    (await svc.db.query(`SELECT key FROM dispatch.timers WHERE kind = 'sla.answer.warn' AND key LIKE $1`, [`${contactId}@%`])).map((row: { key: string }) => row.key);

  it('warns nobody by default: a waiting contact is breached with no warning and no warn timer', async () => {
    const setting = await svc.http().get('/v1/sla-policies').auth(globex, { type: 'bearer' }).expect(200);
    expect(setting.body.items).toEqual([]);
    await publishToBus(svc.env.namespace, [contactEvent('globex', 'contact.queued', 'w-default', new Date())]);
    await eventually(async () => expect((await svc.http().get('/v1/contacts/w-default/sla').auth(globex, { type: 'bearer' }).expect(200)).body.state).toBe('waiting'));
    expect(await warnTimers('w-default')).toEqual([]);
    await awaitVerdict('sla.breached', 'w-default');
    expect(verdicts('sla.warned', 'w-default')).toEqual([]);
    expect((await svc.http().get('/v1/contacts/w-default/sla').auth(globex, { type: 'bearer' }).expect(200)).body).not.toHaveProperty('warnAt');
  });

  it('with warnAt [0.5]: a waiting contact gets one sla.warned at half time, then sla.breached; one answered before half time gets neither', async () => {
    const put = await svc.http().put('/v1/sla-policies/answer').auth(acme, { type: 'bearer' }).send({ calendarId: null, warnAt: [0.5] }).expect(200);
    expect(put.body).toMatchObject({ policyId: 'answer', calendarId: null, priorityBudgets: {}, warnAt: [0.5] });

    const queuedAt = new Date();
    const queued = contactEvent('acme', 'contact.queued', 'w-waiting', queuedAt);
    await publishToBus(svc.env.namespace, [
      queued,
      contactEvent('acme', 'contact.queued', 'w-answered', queuedAt),
      contactEvent('acme', 'contact.answered', 'w-answered', new Date(queuedAt.getTime() + 1_000)),
    ]);

    const warning = await awaitVerdict('sla.warned', 'w-waiting');
    const half = queuedAt.getTime() + (ANSWER_SECONDS * 1000) / 2;
    const due = queuedAt.getTime() + ANSWER_SECONDS * 1000;
    // Live: at half time, well before the deadline (slack for a busy machine).
    expect(Date.now()).toBeGreaterThanOrEqual(half);
    expect(verdicts('sla.breached', 'w-waiting')).toEqual([]);
    // One id per warning of the clock run: published again (a re-run timer, a restart), it is the same event.
    expect(warning).toMatchObject({ id: `sla.warned:contact:w-waiting:${queuedAt.getTime()}:0.5`, tenantid: 'acme', causationid: queued.id, correlationid: queued.id });
    expect(warning.data).toMatchObject({
      subjectType: 'contact',
      subjectId: 'w-waiting',
      slaKind: 'answer',
      startedAt: queuedAt.toISOString(),
      deadline: new Date(due).toISOString(),
      standardId: 'answer-time',
      standardVersion: expect.stringMatching(/^acme:/),
      clause: '2.1',
      fraction: 0.5,
      late: false,
    });
    expect((await svc.http().get('/v1/contacts/w-waiting/sla').auth(acme, { type: 'bearer' }).expect(200)).body).toMatchObject({ state: 'waiting', warnAt: [0.5], warned: [0.5] });

    await awaitVerdict('sla.breached', 'w-waiting');
    expect(verdicts('sla.warned', 'w-waiting')).toHaveLength(1);
    // Both contacts fell due together: the answered one's verdicts would be out by now.
    expect(verdicts('sla.warned', 'w-answered')).toEqual([]);
    expect(verdicts('sla.breached', 'w-answered')).toEqual([]);
    expect(await warnTimers('w-answered')).toEqual([]);
    expect((await svc.http().get('/v1/contacts/w-answered/sla').auth(acme, { type: 'bearer' }).expect(200)).body).toMatchObject({ state: 'answered', warnAt: [0.5], warned: [] });
    // Another tenant's setting changes nothing for globex.
    expect((await svc.http().get('/v1/sla-policies').auth(globex, { type: 'bearer' }).expect(200)).body.items).toEqual([]);
  });

  it('refuses a calendar or budgets by priority for the answer policy, naming the field', async () => {
    const refused = await svc.http().put('/v1/sla-policies/answer').auth(acme, { type: 'bearer' }).send({ calendarId: 'office', warnAt: [0.5] }).expect(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['calendarId']);
    const budgets = await svc.http().put('/v1/sla-policies/answer').auth(acme, { type: 'bearer' }).send({ calendarId: null, priorityBudgets: { P1: 2 } }).expect(400);
    expect(budgets.body.errors.map((e: { path: string }) => e.path)).toEqual(['priorityBudgets']);
    // Left out, warnAt goes back to the answer clock's default: no warnings.
    const cleared = await svc.http().put('/v1/sla-policies/answer').auth(acme, { type: 'bearer' }).send({ calendarId: null }).expect(200);
    expect(cleared.body.warnAt).toEqual([]);
  });
});
