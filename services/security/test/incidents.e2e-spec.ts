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
});
