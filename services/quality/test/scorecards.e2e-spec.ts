import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { BusTap, eventually, metricValue, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

const T = 'acme';
const event = (type: string, time: string, data: Record<string, unknown>): CloudEvent =>
  newCloudEvent({ type, source: '/test', tenantId: T, time, data } as Parameters<typeof newCloudEvent>[0]);

const answeredContact = (contactId: string, at: string, agentId: string): CloudEvent[] => [
  event('contact.queued', at, { contactId, channel: 'voice', queue: 'billing', direction: 'inbound' }),
  event('contact.answered', new Date(Date.parse(at) + 40_000).toISOString(), { contactId, agentId, team: 'north' }),
];
const breach = (contactId: string, extra: Record<string, unknown> = {}): CloudEvent =>
  event('sla.breached', '2026-11-10T09:00:31Z', {
    subjectType: 'contact',
    subjectId: contactId,
    slaKind: 'answer',
    startedAt: '2026-11-10T09:00:00Z',
    deadline: '2026-11-10T09:00:30Z',
    breachedAt: '2026-11-10T09:00:30Z',
    standardId: 'answer-time',
    standardVersion: '1',
    clause: '2.1',
    ...extra,
  });

interface Entry {
  id: string;
  kind: string;
  rule: string;
  points: number;
  reason: string | null;
  agentId: string;
  team: string | null;
  evidence: { eventId: string; type: string; subject: string };
  compensates: string | null;
  reversed: boolean;
  standardId: string;
  clause: string;
}

describe('quality: scorecards from the points ledger (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let tap: BusTap;
  let supervisor = '';
  let a7 = '';
  let a8 = '';
  const http = () => svc.http();
  const ledger = async (agentId = 'a7', bearer = supervisor): Promise<Entry[]> =>
    (await http().get(`/v1/scorecards/${agentId}/ledger?period=2026-11`).auth(bearer, { type: 'bearer' }).expect(200)).body.items;
  const scorecard = async (bearer = supervisor) => (await http().get('/v1/scorecards?period=2026-11').auth(bearer, { type: 'bearer' }).expect(200)).body;
  const handledOnLedger = async (): Promise<number> => {
    const metrics = (await http().get('/metrics')).text;
    const queue = `${svc.env.namespace}.quality.ledger`;
    return (metricValue(metrics, 'hotline_events_consumed_total', { queue, outcome: 'handled' }) ?? 0) + (metricValue(metrics, 'hotline_events_consumed_total', { queue, outcome: 'duplicate' }) ?? 0);
  };

  const scored = event('contact.scored', '2026-11-10T09:10:00Z', {
    contactId: 'C1',
    score: 70,
    deductions: [
      { rule: 'forbidden-phrases', points: 15, evidence: '不知道', beginOffsetMs: 6500, endOffsetMs: 9000, standardId: 'forbidden-phrases', version: '1', clause: '3.4 服务禁语' },
      { rule: 'forbidden-phrases', points: 15, evidence: '没办法', beginOffsetMs: 6500, endOffsetMs: 9000, standardId: 'forbidden-phrases', version: '1', clause: '3.4 服务禁语' },
    ],
    standardId: 'etiquette',
    standardVersion: '1',
  });
  const c1Breach = breach('C1');
  const outageBreach = breach('C2', { causedByOutage: true });
  const c3Breach = breach('C3');
  const c3Withdrawn = event('sla.withdrawn', '2026-11-10T09:20:00Z', {
    subjectType: 'contact',
    subjectId: 'C3',
    slaKind: 'answer',
    startedAt: '2026-11-10T09:00:00Z',
    deadline: '2026-11-10T09:00:30Z',
    standardId: 'answer-time',
    standardVersion: '1',
    withdraws: 'sla.breached',
    reason: 'answered at 2026-11-10T09:00:20Z, before the deadline',
  });
  const evidence = [scored, c1Breach, outageBreach, c3Breach, c3Withdrawn];

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'quality', consumer: 'quality' });
    tap = await BusTap.open(svc.env.namespace);
    supervisor = await svc.token({ tenant: T, roles: ['supervisor'], subject: 'sup1' });
    a7 = await svc.token({ tenant: T, roles: ['agent'], subject: 'a7' });
    a8 = await svc.token({ tenant: T, roles: ['agent'], subject: 'a8' });
    // The contacts' answers first: the ledger learns each contact's agent from the KPIs' facts.
    await publishToBus(svc.env.namespace, [...answeredContact('C1', '2026-11-10T09:00:00Z', 'a7'), ...answeredContact('C2', '2026-11-10T09:00:00Z', 'a7'), ...answeredContact('C3', '2026-11-10T09:00:00Z', 'a7')]);
    await eventually(async () => {
      const kpis = await http().get('/v1/kpis?from=2026-11-10T00:00:00Z&to=2026-11-11T00:00:00Z&groupBy=agent').auth(supervisor, { type: 'bearer' }).expect(200);
      expect(kpis.body.items).toEqual([expect.objectContaining({ group: 'a7', answered: 3 })]);
    });
    await publishToBus(svc.env.namespace, evidence);
    // The ledger hears the three answers too (they name the agent of anything recorded before them).
    await eventually(async () => expect(await handledOnLedger()).toBe(3 + evidence.length));
  });

  afterAll(async () => {
    await tap?.close();
    await svc?.stop();
  });

  it('records a penalty per etiquette deduction and per breach for the contact’s agent, each naming its evidence and clause', async () => {
    const entries = await ledger();
    // One event's entries share its time; the ledger orders them by id, so compare them in rule order.
    const etiquette = entries.filter((e) => e.kind === 'etiquette').sort((a, b) => a.rule.localeCompare(b.rule));
    expect(etiquette.map((e) => [e.rule, e.points, e.agentId, e.team, e.standardId, e.clause, e.evidence.eventId])).toEqual([
      ['etiquette:0:forbidden-phrases', -2, 'a7', 'north', 'forbidden-phrases', '3.4 服务禁语', scored.id],
      ['etiquette:1:forbidden-phrases', -2, 'a7', 'north', 'forbidden-phrases', '3.4 服务禁语', scored.id],
    ]);
    expect(entries.find((e) => e.evidence.eventId === c1Breach.id)).toMatchObject({ kind: 'breach', rule: 'breach:answer', points: -1, standardId: 'answer-time', clause: '2.1', reversed: false });
  });

  it('gives an outage-caused breach no penalty, saying why', async () => {
    expect((await ledger()).find((e) => e.evidence.eventId === outageBreach.id)).toMatchObject({ points: 0, reason: expect.stringContaining('outage') });
  });

  it('reverses a withdrawn breach with a compensating entry, never deleting it', async () => {
    const entries = await ledger();
    const original = entries.find((e) => e.evidence.eventId === c3Breach.id) as Entry;
    expect(original).toMatchObject({ points: -1, reversed: true });
    expect(entries.find((e) => e.compensates === original.id)).toMatchObject({ kind: 'compensation', points: 1, evidence: { eventId: c3Withdrawn.id, type: 'sla.withdrawn' } });
    expect(await scorecard()).toMatchObject({ items: [expect.objectContaining({ agentId: 'a7', reward: 0, penalty: 5, net: -5, entries: 6, kpis: expect.objectContaining({ answered: 3 }) })] });
  });

  it('adds nothing when the evidence is delivered again', async () => {
    const before = await ledger();
    await publishToBus(svc.env.namespace, evidence);
    await eventually(async () => expect(await handledOnLedger()).toBe(3 + 2 * evidence.length));
    expect(await ledger()).toEqual(before);
  });

  it('lets an agent dispute their own entry and a supervisor uphold it, restoring the net; audited; ruled once', async () => {
    const [entry] = (await ledger()).filter((e) => e.kind === 'etiquette');
    await http().post(`/v1/ledger/${entry.id}/disputes`).auth(a8, { type: 'bearer' }).send({ reason: 'not mine' }).expect(404);
    const dispute = (await http().post(`/v1/ledger/${entry.id}/disputes`).auth(a7, { type: 'bearer' }).send({ reason: 'the customer misheard' }).expect(201)).body;
    expect(dispute).toMatchObject({ entryId: entry.id, agentId: 'a7', state: 'open' });
    await http().post(`/v1/ledger/${entry.id}/disputes`).auth(a7, { type: 'bearer' }).send({ reason: 'again' }).expect(409);
    await http().post(`/v1/disputes/${dispute.id}/ruling`).auth(a7, { type: 'bearer' }).send({ decision: 'upheld', note: 'I agree with myself' }).expect(403);

    const ruled = (await http().post(`/v1/disputes/${dispute.id}/ruling`).auth(supervisor, { type: 'bearer' }).send({ decision: 'upheld', note: 'recording checked' }).expect(200)).body;
    expect(ruled).toMatchObject({ state: 'upheld', ruledBy: 'sup1', compensationEntryId: expect.any(String) });
    await http().post(`/v1/disputes/${dispute.id}/ruling`).auth(supervisor, { type: 'bearer' }).send({ decision: 'rejected', note: 'changed my mind' }).expect(409);
    expect((await scorecard()).items[0]).toMatchObject({ penalty: 3, net: -3 });
    expect((await ledger()).find((e) => e.id === ruled.compensationEntryId)).toMatchObject({ kind: 'compensation', points: 2, compensates: entry.id });
    await eventually(async () =>
      expect(tap.events.filter((e) => e.type === 'audit.recorded').map((e) => (e.data as { action: string }).action)).toEqual(expect.arrayContaining(['ledger_entry.dispute', 'ledger_dispute.rule'])),
    );
  });

  it('shows an agent only their own scorecard and ledger', async () => {
    expect((await scorecard(a7)).items.map((i: { agentId: string }) => i.agentId)).toEqual(['a7']);
    expect((await scorecard(a8)).items).toEqual([]);
    await http().get('/v1/scorecards/a7/ledger?period=2026-11').auth(a8, { type: 'bearer' }).expect(404);
    await http().get('/v1/scorecards?period=2026-11&groupBy=team').auth(a8, { type: 'bearer' }).expect(403);
    expect((await http().get('/v1/scorecards?period=2026-11&groupBy=team').auth(supervisor, { type: 'bearer' }).expect(200)).body.items).toEqual([
      expect.objectContaining({ team: 'north', net: -3 }),
    ]);
    await http().get('/v1/scorecards?period=2026-13').auth(supervisor, { type: 'bearer' }).expect(400);
  });

  it('keeps the scheme versioned: 422 naming a bad field, a new version once, the same again changes nothing', async () => {
    const current = (await http().get('/v1/scorecard-scheme').auth(a7, { type: 'bearer' }).expect(200)).body;
    expect(current).toMatchObject({ version: 0, createdBy: null });
    const bad = await http().put('/v1/scorecard-scheme').auth(supervisor, { type: 'bearer' }).send({ ...current.scheme, breaches: { ...current.scheme.breaches, answer: -3 } }).expect(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'breaches.answer' })]);
    const tighter = { ...current.scheme, breaches: { ...current.scheme.breaches, answer: 4 } };
    expect((await http().put('/v1/scorecard-scheme').auth(supervisor, { type: 'bearer' }).send(tighter).expect(201)).body).toMatchObject({ version: 1, createdBy: 'sup1' });
    expect((await http().put('/v1/scorecard-scheme').auth(supervisor, { type: 'bearer' }).send(tighter).expect(200)).body).toMatchObject({ version: 1 });
    await http().put('/v1/scorecard-scheme').auth(a7, { type: 'bearer' }).send(tighter).expect(403);
  });

  it('tracks an improvement action to closure, overdue on read, illegal moves refused', async () => {
    const opened = (
      await http()
        .post('/v1/improvement-actions')
        .auth(supervisor, { type: 'bearer' })
        .send({ title: 'Coach a7 on forbidden phrases', source: { kind: 'scorecard', id: 'a7:2026-11' }, owner: 'a7', dueAt: '2020-01-01T00:00:00Z' })
        .expect(201)
    ).body;
    expect(opened).toMatchObject({ state: 'open', overdue: true, owner: 'a7' });
    await http().post('/v1/improvement-actions').auth(supervisor, { type: 'bearer' }).send({ title: 'x', source: { kind: 'nope', id: 'y' }, owner: 'a7', dueAt: 'soon' }).expect(400);
    await http().post(`/v1/improvement-actions/${opened.id}/transitions`).auth(a7, { type: 'bearer' }).send({ to: 'done' }).expect(409);
    await http().post(`/v1/improvement-actions/${opened.id}/transitions`).auth(a8, { type: 'bearer' }).send({ to: 'in_progress' }).expect(404);
    await http().post(`/v1/improvement-actions/${opened.id}/transitions`).auth(a7, { type: 'bearer' }).send({ to: 'in_progress', note: 'session booked' }).expect(200);
    const done = (await http().post(`/v1/improvement-actions/${opened.id}/transitions`).auth(supervisor, { type: 'bearer' }).send({ to: 'done' }).expect(200)).body;
    expect(done).toMatchObject({ state: 'done', overdue: false });
    expect(done.history.map((h: { to: string; actor: string }) => [h.to, h.actor])).toEqual([
      ['open', 'sup1'],
      ['in_progress', 'a7'],
      ['done', 'sup1'],
    ]);
    const overdue = (await http().get('/v1/improvement-actions?overdue=true').auth(supervisor, { type: 'bearer' }).expect(200)).body;
    expect(overdue.items).toEqual([]);
    expect((await http().get('/v1/improvement-actions?sourceKind=scorecard').auth(a8, { type: 'bearer' }).expect(200)).body.items).toEqual([]);
    await eventually(async () => expect(tap.events.filter((e) => (e.data as { action?: string }).action?.startsWith('improvement_action.'))).toHaveLength(3));
  });

  it('opens an action only from an alert or ledger entry the tenant has: 422 naming source.id otherwise, nothing stored', async () => {
    const [entry] = await ledger();
    const open = (source: object, token = supervisor) =>
      http().post('/v1/improvement-actions').auth(token, { type: 'bearer' }).send({ title: 'Review the evidence', source, owner: 'a7', dueAt: '2030-01-01T00:00:00Z' });
    const before = (await http().get('/v1/improvement-actions').auth(supervisor, { type: 'bearer' }).expect(200)).body.items.length;
    for (const source of [{ kind: 'alert', id: 'no-such-alert' }, { kind: 'ledger-entry', id: 'not-a-uuid' }, { kind: 'ledger-entry', id: '0b7e2f4c-7d3a-4f0e-9a43-5d6b1c2e8f90' }]) {
      const res = await open(source).expect(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'source.id' })]);
      expect(res.body.detail).toContain(source.id);
    }
    // Another tenant's supervisor cannot name acme's entry.
    const globex = await svc.token({ tenant: 'globex', roles: ['supervisor'], subject: 'sup9' });
    expect((await open({ kind: 'ledger-entry', id: entry.id }, globex).expect(422)).body.errors).toEqual([expect.objectContaining({ path: 'source.id' })]);
    expect((await http().get('/v1/improvement-actions').auth(supervisor, { type: 'bearer' }).expect(200)).body.items).toHaveLength(before);
    expect((await http().get('/v1/improvement-actions').auth(globex, { type: 'bearer' }).expect(200)).body.items).toEqual([]);

    expect((await open({ kind: 'ledger-entry', id: entry.id }).expect(201)).body).toMatchObject({ source: { kind: 'ledger-entry', id: entry.id }, state: 'open' });
  });

  it('counts a breach from before the answer for the agent who answers, once the answer arrives', async () => {
    const queued = event('contact.queued', '2026-11-12T10:00:00Z', { contactId: 'C4', channel: 'voice', queue: 'billing', direction: 'inbound' });
    const early = { ...breach('C4'), id: 'breach-C4' };
    await publishToBus(svc.env.namespace, [queued, early]);
    await eventually(async () => expect(await handledOnLedger()).toBe(3 + 2 * evidence.length + 1));
    expect(await ledger('a8')).toEqual([]);

    const answered = event('contact.answered', '2026-11-12T10:00:50Z', { contactId: 'C4', agentId: 'a8' });
    await publishToBus(svc.env.namespace, [answered, answered]);
    await eventually(async () => expect(await ledger('a8')).toHaveLength(1));
    expect((await ledger('a8'))[0]).toMatchObject({ kind: 'breach', rule: 'breach:answer+attributed', points: -4, agentId: 'a8', team: null, evidence: { eventId: early.id } });
    expect((await scorecard()).items).toEqual(expect.arrayContaining([expect.objectContaining({ agentId: 'a8', penalty: 4, net: -4 })]));
  });

  it('counts a case’s breach and survey for the agent who held it, in their team; a redone survey or a newer score replaces the earlier', async () => {
    const a9 = await svc.token({ tenant: T, roles: ['agent'], subject: 'a9' });
    await publishToBus(svc.env.namespace, [
      event('agent.status_changed', '2026-11-01T08:00:00Z', { agentId: 'a9', status: 'available', team: 'south' }),
      event('case.assigned', '2026-11-15T08:00:00Z', { caseId: 'K1', agentId: 'a9', assignedAt: '2026-11-15T08:00:00Z' }),
    ]);
    const caseBreach = event('sla.breached', '2026-11-16T08:00:00Z', {
      subjectType: 'case',
      subjectId: 'K1',
      slaKind: 'resolution',
      startedAt: '2026-11-15T08:00:00Z',
      deadline: '2026-11-16T08:00:00Z',
      standardId: 'fault-repair',
      standardVersion: '1',
      clause: '《电信条例》 48 h',
    });
    const happy = event('survey.completed', '2026-11-17T08:00:00Z', { caseId: 'K1', score: 5, surveyId: 'S1' });
    const redone = event('survey.completed', '2026-11-18T08:00:00Z', { caseId: 'K1', score: 1, surveyId: 'S1' });
    const rescored = event('contact.scored', '2026-11-10T10:00:00Z', { contactId: 'C1', agentId: 'a7', score: 100, deductions: [], standardId: 'etiquette', standardVersion: '1' });
    // Who held the case and their team are applied before the evidence about the case arrives.
    await eventually(async () => expect(await handledOnLedger()).toBe(3 + 2 * evidence.length + 3 + 2));
    await publishToBus(svc.env.namespace, [caseBreach, happy, redone, rescored]);

    await eventually(async () => expect(await ledger('a9', a9)).toHaveLength(4));
    const entries = await ledger('a9', a9);
    expect(entries.map((e) => [e.rule.replace(/:.*-.*$/, ':<entry>'), e.points, e.team]).sort()).toEqual([
      ['breach:resolution', -5, 'south'],
      ['compensation:<entry>', -2, 'south'],
      ['survey:1', -2, 'south'],
      ['survey:5', 2, 'south'],
    ]);
    const happyEntry = entries.find((e) => e.rule === 'survey:5') as Entry;
    expect(entries.find((e) => e.kind === 'compensation')).toMatchObject({ compensates: happyEntry.id, evidence: { eventId: redone.id }, reason: expect.stringContaining('newer survey') });
    await eventually(async () => expect((await ledger()).filter((e) => e.evidence.eventId === rescored.id)).toHaveLength(1));
    expect((await ledger()).filter((e) => e.kind === 'etiquette').every((e) => e.reversed)).toBe(true);
    const cards = (await scorecard()).items;
    expect(cards).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ agentId: 'a7', penalty: 1, net: -1 }),
        expect.objectContaining({ agentId: 'a9', reward: 0, penalty: 7, net: -7 }),
      ]),
    );
  });
});
