import { newCloudEvent } from '@hotline/contracts';
import { BusTap, eventually, metricValue, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

/** A transcript as intake publishes it: the agent read the customer's mobile number back, and intake masked it. */
function transcript(tenantId: string, contactId: string, agentId: string) {
  return newCloudEvent({
    type: 'transcript.recorded',
    source: '/hotline/intake',
    tenantId,
    data: {
      contactId,
      agentId,
      language: 'zh',
      segments: [
        { role: 'customer', text: '您好，我的手机号是 138****5678', beginOffsetMs: 0, endOffsetMs: 3000 },
        { role: 'agent', text: '好的，您的号码是 138****5678 对吗', beginOffsetMs: 3000, endOffsetMs: 6000 },
        { role: 'agent', text: '再确认一下 138****5678', beginOffsetMs: 6000, endOffsetMs: 8000 },
      ],
      redactions: [
        { path: 'segments.0.text', kind: 'mobile', count: 1 },
        { path: 'segments.1.text', kind: 'mobile', count: 1 },
      ],
    },
  });
}

function denied(tenantId: string, keyPrefix: string, attempts: number) {
  return newCloudEvent({
    type: 'access.denied',
    source: '/hotline/intake',
    tenantId,
    data: { reason: 'unknown_key', keyPrefix, remoteAddress: '203.0.113.7', route: 'POST /v1/events', attempts },
  });
}

describe('security: detection opens incidents run by response plans (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let tap: BusTap;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'security', consumer: 'security' });
    tap = await BusTap.open(svc.env.namespace);
  });

  afterAll(async () => {
    await tap?.close();
    await svc?.stop();
  });

  const incidentsOf = (tenantId: string, type: string) =>
    svc.db.query(`SELECT id, severity, state, detections FROM security.incidents WHERE tenant_id = $1 AND type = $2`, [tenantId, type]);
  const handled = async (type: string) => metricValue((await svc.http().get('/metrics')).text, 'hotline_events_consumed_total', { outcome: 'handled', type, queue: `${svc.env.namespace}.security.detection` });

  it('opens one incident for an agent who spoke a customer’s phone number, however often it is heard again', async () => {
    const first = transcript('acme', 'C-PII', 'A-7');
    const sameContact = transcript('acme', 'C-PII', 'A-7');
    sameContact.data.redactions = [{ path: 'segments.2.text', kind: 'mobile', count: 1 }];
    await publishToBus(svc.env.namespace, [first, first, sameContact]);
    await eventually(async () => expect(await handled('transcript.recorded')).toBe(2));
    const incidents = await incidentsOf('acme', 'pii_spoken_by_agent');
    expect(incidents).toEqual([expect.objectContaining({ severity: 'P2', state: 'open', detections: 2 })]);
    await eventually(async () =>
      expect(tap.events.filter((event) => event.type === 'incident.opened')).toEqual([
        expect.objectContaining({ tenantid: 'acme', data: expect.objectContaining({ incidentId: incidents[0].id, kind: 'pii_spoken_by_agent', planId: 'plan-pii-spoken-by-agent' }) }),
      ]),
    );
  });

  it('opens one brute_force incident for a burst of refusals from one key', async () => {
    const burst = Array.from({ length: 6 }, () => denied('acme', 'hk_live_x1', 5));
    await publishToBus(svc.env.namespace, burst);
    await eventually(async () => expect(await handled('access.denied')).toBe(burst.length));
    expect(await incidentsOf('acme', 'brute_force')).toEqual([expect.objectContaining({ severity: 'P3', state: 'open', detections: 3 })]);
  });

  it('shows the incident with its plan’s steps, their deadlines and its timeline, to security only', async () => {
    const token = await svc.token({ tenant: 'acme', roles: ['security'] });
    const page = (await svc.http().get('/v1/incidents?type=pii_spoken_by_agent').auth(token, { type: 'bearer' }).expect(200)).body;
    expect(page).toEqual({ items: [expect.objectContaining({ type: 'pii_spoken_by_agent', state: 'open', allowedTransitions: ['triaged'] })], nextCursor: null });
    const { id, openedAt } = page.items[0];
    const detail = (await svc.http().get(`/v1/incidents/${id}`).auth(token, { type: 'bearer' }).expect(200)).body;
    const hoursAfterOpening = (dueAt: string) => (Date.parse(dueAt) - Date.parse(openedAt)) / 3_600_000;
    expect(detail.steps.map(({ id: step, dueAt }: { id: string; dueAt: string }) => [step, hoursAfterOpening(dueAt)])).toEqual([
      ['triage', 1],
      ['contain', 4],
      ['report', 72],
      ['review', 336],
    ]);
    expect(detail.timeline.map(({ kind }: { kind: string }) => kind)).toEqual(['opened', 'detected_again']);
    expect(detail.timeline[0].detail).toMatchObject({ agentId: 'A-7', contactId: 'C-PII', kinds: ['mobile'], eventType: 'transcript.recorded' });

    const severe = (await svc.http().get('/v1/incidents?severity=P1').auth(token, { type: 'bearer' }).expect(200)).body;
    expect(severe.items).toEqual([]);
    const agent = await svc.token({ tenant: 'acme', roles: ['agent'] });
    await svc.http().get('/v1/incidents').auth(agent, { type: 'bearer' }).expect(403);
    const bad = await svc.http().get('/v1/incidents?state=burning').auth(token, { type: 'bearer' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'query.state' })]);
  });

  it('runs an incident through to closed with a review, refuses a skipped step with 409, and audits each move', async () => {
    const token = await svc.token({ tenant: 'acme', roles: ['security'], subject: 'officer-1' });
    const [{ id }] = (await svc.http().get('/v1/incidents?type=brute_force').auth(token, { type: 'bearer' }).expect(200)).body.items;
    const move = (body: object) => svc.http().post(`/v1/incidents/${id}/transitions`).auth(token, { type: 'bearer' }).send(body);

    const skipped = await move({ to: 'resolved', reason: 'skip ahead' }).expect(409);
    expect(skipped.headers['content-type']).toContain('application/problem+json');
    expect(skipped.body).toMatchObject({ type: 'urn:hotline:problem:illegal-transition', state: 'open', allowed: ['triaged'] });
    expect(skipped.body.detail).toContain('allowed: triaged');

    const review = { summary: 'Key hk_live_x1 was a leaked test key', rootCause: 'A test key committed to a public repository', actions: ['Rotated the key', 'Scan repositories for keys'] };
    const earlyReview = await move({ to: 'triaged', reason: 'r', review }).expect(400);
    expect(earlyReview.body.errors).toEqual([expect.objectContaining({ path: 'review' })]);
    for (const to of ['triaged', 'contained', 'resolved']) expect((await move({ to, reason: `now ${to}` }).expect(200)).body.state).toBe(to);
    const noReview = await move({ to: 'closed', reason: 'done' }).expect(422);
    expect(noReview.body.errors).toEqual([expect.objectContaining({ path: 'review' })]);
    const partReview = await move({ to: 'closed', reason: 'done', review: { summary: 'x', rootCause: 'y' } }).expect(400);
    expect(partReview.body.errors).toEqual([expect.objectContaining({ path: 'review.actions' })]);
    const closed = (await move({ to: 'closed', reason: 'done', review }).expect(200)).body;
    expect(closed).toMatchObject({ state: 'closed', allowedTransitions: [], review });
    expect(closed.timeline.filter(({ kind }: { kind: string }) => kind === 'transition').map(({ detail }: { detail: { to: string } }) => detail.to)).toEqual([
      'triaged',
      'contained',
      'resolved',
      'closed',
    ]);
    await move({ to: 'open', reason: 'again' }).expect(409);

    await eventually(async () => {
      const audited = tap.events.filter((event) => event.type === 'audit.recorded' && event.subject === id);
      expect(audited.map((event) => (event.data as { after: { state: string } }).after.state)).toEqual(['triaged', 'contained', 'resolved', 'closed']);
      expect(audited[0].data).toMatchObject({ actor: { id: 'officer-1', kind: 'user' }, action: 'incident.transition', service: 'security' });
    });
  });

  it('shows another tenant nothing, and lets it change nothing', async () => {
    const acme = await svc.token({ tenant: 'acme', roles: ['security'] });
    const [{ id }] = (await svc.http().get('/v1/incidents?type=pii_spoken_by_agent').auth(acme, { type: 'bearer' }).expect(200)).body.items;
    const other = await svc.token({ tenant: 'globex', roles: ['security', 'admin'] });
    expect((await svc.http().get('/v1/incidents').auth(other, { type: 'bearer' }).expect(200)).body).toEqual({ items: [], nextCursor: null });
    await svc.http().get(`/v1/incidents/${id}`).auth(other, { type: 'bearer' }).expect(404);
    await svc.http().post(`/v1/incidents/${id}/transitions`).auth(other, { type: 'bearer' }).send({ to: 'triaged', reason: 'not mine' }).expect(404);
    expect((await svc.http().get(`/v1/incidents/${id}`).auth(acme, { type: 'bearer' }).expect(200)).body.state).toBe('open');
  });

  it('pages the list with a cursor, newest opened first, and refuses a made-up cursor naming it', async () => {
    const token = await svc.token({ tenant: 'acme', roles: ['admin'] });
    const list = (query: string) => svc.http().get(`/v1/incidents?${query}`).auth(token, { type: 'bearer' });
    const first = (await list('limit=1').expect(200)).body;
    expect(first.items).toEqual([expect.objectContaining({ type: 'brute_force' })]);
    const second = (await list(`limit=1&cursor=${first.nextCursor}`).expect(200)).body;
    expect(second.items).toEqual([expect.objectContaining({ type: 'pii_spoken_by_agent' })]);
    expect((await list(`limit=1&cursor=${second.nextCursor}`).expect(200)).body).toEqual({ items: [], nextCursor: null });
    const bad = await list('cursor=not-a-cursor').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
  });
});
