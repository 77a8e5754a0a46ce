import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { eventually, metricValue, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

type Row = { standardId: string; standardVersion: string; targetSeconds: number | null; subjects: number; met: number; breached: number; outageCaused: number; achieved: number | null; trace: string };

describe('quality: compliance reports from contacts and case deadline verdicts (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let supervisor: string;

  const event = (type: string, time: string, data: object, id?: string): CloudEvent =>
    newCloudEvent({ type: type as never, source: '/test', tenantId: 'acme', time, data: data as never, ...(id ? { id } : {}) });
  const queued = (contactId: string, time: string, region: string) => event('contact.queued', time, { contactId, channel: 'voice', queue: 'billing', direction: 'inbound', region });
  const answeredAfter = (contactId: string, queuedAt: string, seconds: number) =>
    event('contact.answered', new Date(Date.parse(queuedAt) + seconds * 1000).toISOString(), { contactId, agentId: 'a1' });
  const sla = (type: 'sla.stopped' | 'sla.breached' | 'sla.withdrawn', caseId: string, slaKind: string, standardId: string, region: string, extra: object = {}, id?: string) =>
    event(
      type,
      '2026-11-12T10:00:00Z',
      { subjectType: 'case', subjectId: caseId, slaKind, startedAt: '2026-11-10T10:00:00Z', deadline: '2026-11-10T10:15:00Z', standardId, standardVersion: '1', clause: '2.2', region, ...extra },
      id,
    );

  // Contacts: acme's answer time is 30 s until 2026-11-15, then its version 2 tightens it to 20 s.
  const contacts = [
    queued('c1', '2026-11-10T09:00:00Z', 'north'),
    answeredAfter('c1', '2026-11-10T09:00:00Z', 10), // met (30 s)
    queued('c2', '2026-11-10T09:05:00Z', 'north'),
    answeredAfter('c2', '2026-11-10T09:05:00Z', 40), // not met
    queued('c3', '2026-11-20T09:00:00Z', 'south'),
    answeredAfter('c3', '2026-11-20T09:00:00Z', 25), // not met (20 s now)
    queued('c4', '2026-11-20T09:05:00Z', 'north'),
    answeredAfter('c4', '2026-11-20T09:05:00Z', 5), // met
    queued('c5', '2026-12-01T00:00:00Z', 'north'), // December: not in November's report
  ];
  // Case deadlines: K1 met; K2 breached under an outage and stopped late; K3's breach withdrawn, stopped in time; K4 breached, still open.
  const k1Stop = sla('sla.stopped', 'K1', 'response', 'network-fault-response', 'north', { outcome: 'met', stoppedAt: '2026-11-10T10:05:00Z', countedSeconds: 300 }, 'k1-stop');
  const k2Breach = sla('sla.breached', 'K2', 'response', 'network-fault-response', 'north', { causedByOutage: true, breachedAt: '2026-11-10T10:15:00Z' }, 'k2-breach');
  const k2Stop = sla('sla.stopped', 'K2', 'response', 'network-fault-response', 'north', { outcome: 'breached', stoppedAt: '2026-11-10T11:00:00Z' }, 'k2-stop');
  const k3 = [
    sla('sla.stopped', 'K3', 'repair', 'fault-repair-rural', 'south', { outcome: 'met', stoppedAt: '2026-11-11T10:00:00Z' }, 'k3-stop'),
    sla('sla.withdrawn', 'K3', 'repair', 'fault-repair-rural', 'south', { withdraws: 'sla.breached', reason: 'a late stop' }, 'k3-withdrawn'),
    sla('sla.breached', 'K3', 'repair', 'fault-repair-rural', 'south', {}, 'k3-breach'),
  ];
  const k4Breach = sla('sla.breached', 'K4', 'complaint_reply', 'complaint-reply', 'north', {}, 'k4-breach');
  // An answer clock's breach is the KPIs' to count, not a case deadline.
  const answerBreach = event('sla.breached', '2026-11-10T09:06:00Z', {
    subjectType: 'contact',
    subjectId: 'c2',
    slaKind: 'answer',
    startedAt: '2026-11-10T09:05:00Z',
    deadline: '2026-11-10T09:05:30Z',
    standardId: 'answer-time',
    standardVersion: '1',
  });

  const get = (path: string, token = supervisor) => svc.http().get(path).auth(token, { type: 'bearer' });
  const report = async (query: string): Promise<Row[]> => (await get(`/v1/reports/compliance?${query}`).expect(200)).body.rows;
  const row = (rows: Row[], standardId: string, version = '1') => rows.find((r) => r.standardId === standardId && r.standardVersion === version);
  const figures = (r: Row | undefined) => r && [r.subjects, r.met, r.breached, r.outageCaused];
  const traceOf = (r: Row | undefined): string => {
    if (!r) throw new Error('no such row');
    return r.trace;
  };
  const settledOnCompliance = async () => {
    const metrics = (await svc.http().get('/metrics')).text;
    const of = (outcome: string) => metricValue(metrics, 'hotline_events_consumed_total', { queue: `${svc.env.namespace}.quality.compliance`, outcome });
    return { handled: of('handled'), duplicate: of('duplicate') };
  };

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'quality', consumer: 'quality' });
    supervisor = await svc.token({ tenant: 'acme', roles: ['supervisor'] });
    await publishToBus(svc.env.namespace, [
      newCloudEvent({
        type: 'standards.published',
        source: '/hotline/intake',
        tenantId: 'acme',
        data: { version: '2', effectiveFrom: '2026-11-15T00:00:00Z', standards: { 'answer-time': { kind: 'deadline', seconds: 20 } } },
      }),
    ]);
    await eventually(async () => expect((await get('/v1/standards').expect(200)).text).toContain('2026-11-15'));
    await publishToBus(svc.env.namespace, [...contacts, k1Stop, k2Stop, k2Breach, ...k3, k4Breach, answerBreach]);
    await eventually(async () => {
      const rows = await report('period=2026-11');
      expect(figures(row(rows, 'complaint-reply'))).toEqual([1, 0, 1, 0]);
      expect(figures(row(rows, 'fault-repair-rural'))).toEqual([1, 1, 0, 0]);
      expect(figures(row(rows, 'answer-time', 'acme:2@1'))).toEqual([2, 1, 1, 0]);
    });
  });

  afterAll(() => svc?.stop());

  it("reports each standard's target against what was achieved, one row per version in force", async () => {
    const res = await get('/v1/reports/compliance?period=2026-11').expect(200);
    expect(res.body).toMatchObject({ tenantId: 'acme', region: null, period: { label: '2026-11', from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', timeZone: 'UTC' } });
    const rows: Row[] = res.body.rows;
    expect(row(rows, 'answer-time')).toMatchObject({ targetSeconds: 30, subjects: 2, met: 1, breached: 1, achieved: 0.5, inForce: { from: '2026-11-01T00:00:00.000Z', to: '2026-11-15T00:00:00.000Z' } });
    expect(row(rows, 'answer-time', 'acme:2@1')).toMatchObject({ targetSeconds: 20, subjects: 2, met: 1, achieved: 0.5 });
    expect(row(rows, 'network-fault-response')).toMatchObject({ targetSeconds: 900, subjects: 2, met: 1, breached: 1, outageCaused: 1, achieved: 0.5, achievedExcludingOutages: 1 });
    expect(row(rows, 'fault-repair-rural')).toMatchObject({ targetSeconds: 72 * 3600, subjects: 1, met: 1, achieved: 1 });
    expect(row(rows, 'complaint-reply')).toMatchObject({ targetSeconds: 15 * 86_400, subjects: 1, breached: 1, achieved: 0 });
    expect(figures(row(rows, 'follow-up-call'))).toEqual([0, 0, 0, 0]);
  });

  it('reports one region, and a day or a quarter', async () => {
    const north = await report('period=2026-11&region=north');
    expect(figures(row(north, 'answer-time'))).toEqual([2, 1, 1, 0]);
    expect(figures(row(north, 'answer-time', 'acme:2@1'))).toEqual([1, 1, 0, 0]);
    expect(figures(row(north, 'fault-repair-rural'))).toEqual([0, 0, 0, 0]);
    expect(figures(row(await report('period=2026-11-10'), 'network-fault-response'))).toEqual([2, 1, 1, 1]);
    expect(figures(row(await report('period=2026-11-11'), 'network-fault-response'))).toEqual([0, 0, 0, 0]);
    const q4 = await report('period=2026-Q4');
    expect(figures(row(q4, 'answer-time', 'acme:2@1'))).toEqual([3, 1, 2, 0]); // c5 in December: not answered
    expect(figures(row(await report('from=2026-10&to=2026-11-14'), 'answer-time'))).toEqual([2, 1, 1, 0]);
  });

  it('traces each figure to the subjects and the event ids behind it', async () => {
    const rows = await report('period=2026-11');
    const response = (await get(traceOf(row(rows, 'network-fault-response'))).expect(200)).body;
    expect(response).toEqual({
      items: [
        expect.objectContaining({ subjectId: 'K1', outcome: 'met', causedByOutage: false, eventIds: ['k1-stop'], standardVersion: '1', region: 'north' }),
        expect.objectContaining({ subjectId: 'K2', outcome: 'breached', causedByOutage: true, eventIds: ['k2-breach', 'k2-stop'] }),
      ],
      nextCursor: null,
    });
    const answers = (await get(traceOf(row(rows, 'answer-time'))).expect(200)).body;
    expect(answers.items.map((i: { subjectId: string; outcome: string }) => [i.subjectId, i.outcome])).toEqual([
      ['c1', 'met'],
      ['c2', 'breached'],
    ]);
    expect(answers.items[0].eventIds).toEqual([contacts[0].id, contacts[1].id].sort());
    const first = (await get('/v1/reports/compliance/evidence?standardId=answer-time&period=2026-11&limit=3').expect(200)).body;
    expect(first.items.map((i: { subjectId: string }) => i.subjectId)).toEqual(['c1', 'c2', 'c3']);
    const rest = (await get(`/v1/reports/compliance/evidence?standardId=answer-time&period=2026-11&limit=3&cursor=${first.nextCursor}`).expect(200)).body;
    expect(rest).toEqual({ items: [expect.objectContaining({ subjectId: 'c4' })], nextCursor: null });
  });

  it('counts a redelivered verdict once', async () => {
    const before = await settledOnCompliance();
    await publishToBus(svc.env.namespace, [k1Stop, k2Breach]);
    await eventually(async () => expect((await settledOnCompliance()).duplicate - before.duplicate).toBe(2));
    expect(figures(row(await report('period=2026-11'), 'network-fault-response'))).toEqual([2, 1, 1, 1]);
  });

  it('answers CSV with a header row, RFC 4180', async () => {
    const res = await get('/v1/reports/compliance?period=2026-11&region=north&format=csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe('period,region,standardId,title,clause,standardVersion,inForceFrom,inForceTo,targetSeconds,subjects,met,breached,outageCaused,achieved,achievedExcludingOutages,trace');
    expect(lines.at(-1)).toBe('');
    const answer = lines.find((line) => line.startsWith('2026-11,north,answer-time,'));
    expect(answer).toContain(',2.1,1,2026-11-01T00:00:00.000Z,2026-11-15T00:00:00.000Z,30,2,1,1,0,0.5,0.5,');
  });

  it('refuses bad input with a 422 naming the field, and callers whose roles do not reach', async () => {
    const problem = async (query: string) => (await get(`/v1/reports/compliance?${query}`).expect(422)).body.errors.map((e: { path: string }) => e.path);
    expect(await problem('period=2026-13')).toEqual(['query.period']);
    expect(await problem('period=last-month')).toEqual(['query.period']);
    expect(await problem('from=2026-12&to=2026-11')).toEqual(['query.to']);
    expect(await problem('period=2026-11&region=')).toEqual(['query.region']);
    expect(await problem('period=2026-11&format=xml')).toEqual(['query.format']);
    expect(await problem('')).toEqual(['query.period']);
    expect((await get('/v1/reports/compliance/evidence?period=2026-11&standardId=answer-time&cursor=nope').expect(422)).body.errors[0].path).toBe('query.cursor');
    const agent = await svc.token({ tenant: 'acme', roles: ['agent'] });
    await get('/v1/reports/compliance?period=2026-11', agent).expect(403);
  });
});
