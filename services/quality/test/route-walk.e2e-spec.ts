import { newCloudEvent } from '@hotline/contracts';
import { eventually, publishToBus } from '@hotline/testing';
import { expectRouteWalk, standardsLabelled, startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

const MARKER = 'only-tenant-b-has-this';

describe('quality: every route of its OpenAPI document is protected (issue 12, part 5)', () => {
  let svc: StartedService;

  beforeAll(async () => {
    // The alert stream ends soon, so the walk's admitted call to it gets a whole response.
    svc = await startService(AppModule, { name: 'quality', consumer: 'quality', env: { QUALITY_ALERT_STREAM_MAX_SECONDS: '0.2' } });
    // Tenant B's data, on the day the document's example names: a queue and a standards version no request names.
    await publishToBus(svc.env.namespace, [
      standardsLabelled('tenant-b', MARKER),
      newCloudEvent({
        type: 'contact.queued',
        source: '/test',
        tenantId: 'tenant-b',
        time: '2026-11-25T09:30:00Z',
        data: { contactId: 'c-b', channel: 'voice', queue: MARKER, direction: 'inbound' },
      }),
      // A ledger entry of B's, for an agent and a clause no request names.
      newCloudEvent({
        type: 'contact.scored',
        source: '/hotline/quality',
        tenantId: 'tenant-b',
        time: '2026-11-25T09:40:00Z',
        data: {
          contactId: 'c-b',
          agentId: MARKER,
          score: 85,
          deductions: [{ rule: 'greeting', points: 15, evidence: '-', beginOffsetMs: 0, endOffsetMs: 1, standardId: 'greeting', version: '1', clause: MARKER }],
          standardId: 'etiquette',
          standardVersion: '1',
        },
      }),
    ]);
    const b = await svc.token({ tenant: 'tenant-b', roles: ['supervisor'] });
    await eventually(async () => {
      const res = await svc.http().get('/v1/kpis/contact-tallies?day=2026-11-25').auth(b, { type: 'bearer' }).expect(200);
      expect(res.text).toContain(MARKER);
      expect((await svc.http().get('/v1/standards').auth(b, { type: 'bearer' }).expect(200)).text).toContain(MARKER);
      expect((await svc.http().get('/v1/scorecards?period=2026-11').auth(b, { type: 'bearer' }).expect(200)).text).toContain(MARKER);
    });
  });

  afterAll(() => svc?.stop());

  it('refuses anonymous callers and bad tokens first, agents where their roles do not reach, and shows tenant A nothing of B', async () => {
    const counts = await expectRouteWalk(svc, { tenant: 'acme', otherTenant: 'tenant-b', marker: MARKER, params: { agentId: MARKER } });
    expect(counts.agentRefused).toBeGreaterThan(0);
    expect(counts.agentAdmitted).toBeGreaterThan(0);
    expect(counts.anonymousRefused).toBe(counts.operations - counts.open);
  });

  it("lets tenant A change none of B's alerts, webhooks, silences or disputes: 404, B's resources unchanged", async () => {
    const b = await svc.token({ tenant: 'tenant-b', roles: ['supervisor'] });
    const bAgent = await svc.token({ tenant: 'tenant-b', roles: ['agent'], subject: MARKER });
    const a = await svc.token({ tenant: 'acme', roles: ['supervisor', 'ops', 'admin'] });
    const as = (token: string) => ({
      get: (path: string) => svc.http().get(path).auth(token, { type: 'bearer' }),
      post: (path: string, body: object = {}) => svc.http().post(path).auth(token, { type: 'bearer' }).send(body),
      put: (path: string, body: object) => svc.http().put(path).auth(token, { type: 'bearer' }).send(body),
      delete: (path: string) => svc.http().delete(path).auth(token, { type: 'bearer' }),
    });
    // B's alert (a low score, now), webhook, silence (of another queue) and a dispute of B's ledger entry.
    await as(b).put('/v1/alert-rules/low-b', { condition: { kind: 'low-score', below: 90 } }).expect(201);
    const scored = { contactId: 'c-b-live', agentId: 'agent-b', score: 50, deductions: [], standardId: 'etiquette', standardVersion: '1' };
    await publishToBus(svc.env.namespace, [newCloudEvent({ type: 'contact.scored', source: '/hotline/quality', tenantId: 'tenant-b', data: scored })]);
    const alertId: string = await eventually(async () => {
      const { items } = (await as(b).get('/v1/alerts').expect(200)).body;
      expect(items).toHaveLength(1);
      return items[0].alertId;
    });
    const webhook = (await as(b).post('/v1/webhooks', { url: 'https://example.com/b', description: 'B pager' }).expect(201)).body;
    const endsAt = new Date(Date.now() + 3_600_000).toISOString();
    const silence = (await as(b).post('/v1/silences', { matchers: [{ label: 'queue', value: 'elsewhere' }], endsAt, reason: 'B maintenance' }).expect(201)).body;
    const [entry] = (await as(b).get(`/v1/scorecards/${MARKER}/ledger?period=2026-11`).expect(200)).body.items;
    const dispute = (await as(bAgent).post(`/v1/ledger/${entry.id}/disputes`, { reason: 'not me' }).expect(201)).body;

    const bResources = async () => ({
      alert: (await as(b).get(`/v1/alerts/${alertId}`).expect(200)).body,
      webhooks: (await as(b).get('/v1/webhooks').expect(200)).body,
      silences: (await as(b).get('/v1/silences').expect(200)).body,
      disputes: (await as(b).get('/v1/disputes').expect(200)).body,
    });
    const before = await bResources();
    expect(before.alert.state).toBe('raised');
    expect(before.disputes.items).toEqual([expect.objectContaining({ id: dispute.id, state: 'open' })]);

    await as(a).post(`/v1/alerts/${alertId}/ack`).expect(404);
    await as(a).post(`/v1/alerts/${alertId}/resolve`).expect(404);
    await as(a).delete(`/v1/webhooks/${webhook.id}`).expect(404);
    await as(a).delete(`/v1/silences/${silence.silenceId}`).expect(404);
    await as(a).post(`/v1/disputes/${dispute.id}/ruling`, { decision: 'upheld', note: 'not yours to rule' }).expect(404);
    // Nor can A open an improvement action on B's alert or ledger entry.
    await as(a).post('/v1/improvement-actions', { title: 'x', source: { kind: 'alert', id: alertId }, owner: 'a1', dueAt: endsAt }).expect(422);
    await as(a).post('/v1/improvement-actions', { title: 'x', source: { kind: 'ledger-entry', id: entry.id }, owner: 'a1', dueAt: endsAt }).expect(422);

    expect(await bResources()).toEqual(before);
    // B itself may: its alert is a source for its own improvement action.
    await as(b).post('/v1/improvement-actions', { title: 'Coach on etiquette', source: { kind: 'alert', id: alertId }, owner: 'agent-b', dueAt: endsAt }).expect(201);
  });
});
