import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { eventually, publishToBus } from '@hotline/testing';
import { startService, type StartedService, tightenTenantStandards } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

/** acme's network-fault response, tightened to 2 s so a case breaches in seconds. */
const RESPONSE_SECONDS = 2;

describe('dispatch: sla.stopped, a case clock stopping in time or late (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let agent: string;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch', consumer: 'dispatch', tap: true });
    agent = await svc.token({ tenant: 'acme', roles: ['agent'], subject: 'agent-7' });
    await tightenTenantStandards(svc, 'acme', agent, { 'network-fault-response': { kind: 'deadline', seconds: RESPONSE_SECONDS } });
  });

  afterAll(async () => {
    await svc?.stop();
  });

  const move = (caseId: string, to: string) => svc.http().post(`/v1/cases/${caseId}/transitions`).auth(agent, { type: 'bearer' }).send({ to, reason: `to ${to}` });
  const ofCase = (type: string, caseId: string): CloudEvent[] =>
    svc.tap.events.filter((e) => e.type === type && (e.data as { subjectId?: string; slaKind?: string }).subjectId === caseId && (e.data as { slaKind?: string }).slaKind === 'response');
  const awaitOne = (type: string, caseId: string) =>
    eventually(
      async () => {
        const found = ofCase(type, caseId);
        expect(found).toHaveLength(1);
        return found[0];
      },
      { timeoutMs: 10_000 },
    );
  const open = async (caseId: string, region: string) => {
    const event = newCloudEvent({ type: 'case.opened', source: '/test', tenantId: 'acme', data: { caseId, type: 'network_fault', priority: 'P1', summary: 'No signal', region } });
    await publishToBus(svc.env.namespace, [event]);
    await eventually(async () => expect((await svc.db.query(`SELECT 1 FROM dispatch.timers WHERE kind = 'sla.case' AND key = $1`, [`${caseId}/network-fault-response`])).length).toBe(1));
  };

  it('publishes sla.stopped met, with the region and the standard applied, for a fault moved to handling in time', async () => {
    await open('CASE-MET', 'beijing');
    await move('CASE-MET', 'handling').expect(200);
    const stopped = await awaitOne('sla.stopped', 'CASE-MET');
    expect(stopped.tenantid).toBe('acme');
    expect(stopped.data).toMatchObject({
      subjectType: 'case',
      subjectId: 'CASE-MET',
      slaKind: 'response',
      outcome: 'met',
      region: 'beijing',
      standardId: 'network-fault-response',
      standardVersion: 'acme:3@1',
      clause: '2.2',
    });
    const data = stopped.data as { stoppedAt: string; startedAt: string; countedSeconds: number };
    expect(data.countedSeconds).toBeLessThanOrEqual(RESPONSE_SECONDS);
    expect(Date.parse(data.stoppedAt)).toBeGreaterThanOrEqual(Date.parse(data.startedAt));
  });

  it('publishes sla.stopped breached after the breach, both carrying the region, each once', async () => {
    await open('CASE-LATE-STOP', 'tongzhou');
    const breach = await awaitOne('sla.breached', 'CASE-LATE-STOP');
    expect(breach.data).toMatchObject({ region: 'tongzhou' });
    await move('CASE-LATE-STOP', 'handling').expect(200);
    const stopped = await awaitOne('sla.stopped', 'CASE-LATE-STOP');
    expect(stopped.data).toMatchObject({ outcome: 'breached', region: 'tongzhou', standardId: 'network-fault-response' });
    expect((stopped.data as { countedSeconds: number }).countedSeconds).toBeGreaterThanOrEqual(RESPONSE_SECONDS);
    expect(ofCase('sla.withdrawn', 'CASE-LATE-STOP')).toEqual([]);
  });
});
