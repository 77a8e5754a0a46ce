import { type CloudEvent, type EventDataInput, newCloudEvent } from '@hotline/contracts';
import { eventually, publishToBus } from '@hotline/testing';
import { startService, type StartedService, tightenTenantStandards } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
/** acme's equipment-fault response (a Hotline default, no floor under it), tightened so a business-hours clock falls due in seconds. */
const EQUIPMENT_SECONDS = 90;
/** acme's network-fault response, tightened; its P1 budget is tighter still. */
const RESPONSE_SECONDS = 20;
const P1_SECONDS = 4;

/**
 * A fixed-offset zone where it is about noon now (Etc/GMT-k is UTC+k), so the calendar built around
 * the current minute never crosses a local midnight, whatever time the spec runs.
 */
function zoneAtNoon(now: Date): { timeZone: string; offsetMs: number } {
  const k = 12 - now.getUTCHours();
  return { timeZone: k === 0 ? 'Etc/GMT' : `Etc/GMT${k > 0 ? '-' : '+'}${Math.abs(k)}`, offsetMs: k * 60 * MINUTE };
}

const hhmm = (localMs: number) => new Date(localMs).toISOString().slice(11, 16);
const isoDate = (localMs: number) => new Date(localMs).toISOString().slice(0, 10);
const weekday = (localMs: number) => WEEKDAYS[new Date(localMs).getUTCDay()];

describe('dispatch: business calendars and priority changes in the case clocks (real HTTP, PostgreSQL, RabbitMQ, durable timers)', () => {
  let svc: StartedService;
  let supervisor: string;
  let agent: string;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch', consumer: 'dispatch', tap: true });
    supervisor = await svc.token({ tenant: 'acme', roles: ['supervisor'], subject: 'sup-1' });
    agent = await svc.token({ tenant: 'acme', roles: ['agent'], subject: 'agent-7' });
    await tightenTenantStandards(svc, 'acme', supervisor, {
      'equipment-fault-response': { kind: 'deadline', seconds: EQUIPMENT_SECONDS },
      'network-fault-response': { kind: 'deadline', seconds: RESPONSE_SECONDS },
    });
  });

  afterAll(() => svc?.stop());

  const as = (token: string) => ({
    get: (path: string) => svc.http().get(path).auth(token, { type: 'bearer' }),
    put: (path: string, body: unknown) => svc.http().put(path).auth(token, { type: 'bearer' }).send(body as object),
    post: (path: string, body: unknown) => svc.http().post(path).auth(token, { type: 'bearer' }).send(body as object),
  });
  type Opened = EventDataInput<'case.opened'>;
  const opened = (caseId: string, type: Opened['type'], priority: Opened['priority'], time: Date): CloudEvent =>
    newCloudEvent({ type: 'case.opened', source: '/test', tenantId: 'acme', time, data: { caseId, type, priority, summary: 'Down', region: 'beijing' } });
  const verdicts = (type: string, caseId: string) => svc.tap.events.filter((e) => e.type === type && (e.data as { subjectId?: string }).subjectId === caseId);
  type Deadline = { policyId: string; dueAt: string };
  const deadlineOf = async (caseId: string, policyId: string): Promise<Deadline> =>
    eventually(async () => {
      const deadline = ((await as(agent).get(`/v1/cases/${caseId}`).expect(200)).body.openDeadlines as Deadline[]).find((d) => d.policyId === policyId);
      expect(deadline).toBeDefined();
      return deadline as Deadline;
    });

  it('times a business-hours clock over the weekend and a holiday, and breaches live when its working time runs out', async () => {
    const now = new Date();
    const { timeZone, offsetMs } = zoneAtNoon(now);
    const local = now.getTime() + offsetMs;
    const today = local - (local % DAY);
    const thisMinute = local - (local % MINUTE);
    // Three days ago worked until this very minute; then a holiday (with hours), a day off, and today from this minute.
    const openedOn = today - 3 * DAY;
    const calendar = {
      timeZone,
      weeklyHours: {
        [weekday(openedOn)]: [{ from: hhmm(thisMinute - 10 * MINUTE), to: hhmm(thisMinute) }],
        [weekday(today - 2 * DAY)]: [{ from: '00:00', to: '24:00' }],
        [weekday(today)]: [{ from: hhmm(thisMinute), to: hhmm(thisMinute + 10 * MINUTE) }],
      },
      holidays: [isoDate(today - 2 * DAY)],
    };
    expect((await as(supervisor).put('/v1/calendars/office', calendar).expect(200)).body).toMatchObject({ calendarId: 'office', timeZone, holidays: calendar.holidays, workdays: [] });
    expect((await as(supervisor).put('/v1/sla-policies/equipment-fault-response', { calendarId: 'office' }).expect(200)).body).toMatchObject({
      policyId: 'equipment-fault-response',
      calendarId: 'office',
    });
    expect((await as(supervisor).get('/v1/calendars').expect(200)).body.items.map((c: { calendarId: string }) => c.calendarId)).toEqual(['office']);
    // The same calendar again changes nothing: one audit record of it.
    await as(supervisor).put('/v1/calendars/office', calendar).expect(200);
    await eventually(async () =>
      expect(svc.tap.events.filter((e) => e.type === 'audit.recorded' && (e.data as { action: string }).action === 'calendar.put')).toEqual([
        expect.objectContaining({ tenantid: 'acme', data: expect.objectContaining({ actor: expect.objectContaining({ id: 'sup-1' }), subject: { type: 'business_calendar', id: 'office' } }) }),
      ]),
    );

    // Opened three days ago with some working time left that day: the rest of the budget is due today, a few seconds from now.
    const dueAt = now.getTime() + 8 * SECOND;
    const countedToday = dueAt - (thisMinute - offsetMs);
    const openedAt = new Date(thisMinute - offsetMs - 3 * DAY - (EQUIPMENT_SECONDS * SECOND - countedToday));
    await publishToBus(svc.env.namespace, [opened('EQ-BUSINESS', 'equipment_fault', 'P2', openedAt)]);
    expect(await deadlineOf('EQ-BUSINESS', 'equipment-fault-response')).toMatchObject({ dueAt: new Date(dueAt).toISOString() });

    const [breach] = await eventually(
      async () => {
        const found = verdicts('sla.breached', 'EQ-BUSINESS');
        expect(found).toHaveLength(1);
        return found;
      },
      { timeoutMs: 20_000 },
    );
    expect(breach.data).toMatchObject({ slaKind: 'response', standardId: 'equipment-fault-response', deadline: new Date(dueAt).toISOString(), late: false });
    expect(Date.now()).toBeGreaterThanOrEqual(dueAt);

    // A calendar change times the clocks created afterwards; this one keeps the calendar it was created with.
    await as(supervisor).put('/v1/calendars/office', { ...calendar, holidays: [] }).expect(200);
    const [row] = await svc.db.query(`SELECT tailoring FROM dispatch.case_clocks WHERE tenant_id = 'acme' AND case_id = 'EQ-BUSINESS' AND policy_id = 'equipment-fault-response'`);
    expect(row.tailoring).toMatchObject({ calendarId: 'office', calendar: { holidays: calendar.holidays } });
  });

  it('brings the deadline forward when the priority is raised, keeping the time already elapsed', async () => {
    await as(supervisor).put('/v1/sla-policies/network-fault-response', { calendarId: null, priorityBudgets: { P1: P1_SECONDS } }).expect(200);
    // Opened two seconds ago at P3: the 20 s budget applies, two seconds of it gone.
    const openedAt = new Date(Date.now() - 2 * SECOND);
    await publishToBus(svc.env.namespace, [opened('NF-RAISED', 'network_fault', 'P3', openedAt)]);
    expect(await deadlineOf('NF-RAISED', 'network-fault-response')).toMatchObject({ dueAt: new Date(openedAt.getTime() + RESPONSE_SECONDS * SECOND).toISOString() });

    const raised = await as(agent).post('/v1/cases/NF-RAISED/priority', { priority: 'P1', reason: 'a hospital is affected' }).expect(200);
    // The 4 s of P1 count from the opening, not from the change: the elapsed time stays.
    const dueAt = new Date(openedAt.getTime() + P1_SECONDS * SECOND).toISOString();
    expect(raised.body).toMatchObject({ priority: 'P1', openDeadlines: expect.arrayContaining([expect.objectContaining({ policyId: 'network-fault-response', dueAt })]) });
    // The repair clock has no budgets by priority: its 48 h stand.
    expect(raised.body.openDeadlines).toContainEqual(expect.objectContaining({ policyId: 'fault-repair-town', dueAt: new Date(openedAt.getTime() + 48 * 3_600_000).toISOString() }));

    const [breach] = await eventually(async () => {
      const found = verdicts('sla.breached', 'NF-RAISED');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(breach.data).toMatchObject({ standardId: 'network-fault-response', deadline: dueAt });
    const changed = await eventually(async () => {
      const found = svc.tap.events.filter((e) => e.type === 'case.priority_changed' && e.subject === 'NF-RAISED');
      expect(found).toHaveLength(1);
      return found[0];
    });
    expect(changed.data).toMatchObject({ caseId: 'NF-RAISED', from: 'P3', to: 'P1', actor: expect.objectContaining({ id: 'agent-7' }), reason: 'a hospital is affected' });

    // The timeline has the change (who, why) and the clock's re-budget it caused.
    const items = (await as(agent).get('/v1/cases/NF-RAISED/timeline').expect(200)).body.items as { kind: string; event?: string; policyId?: string; signal?: string }[];
    expect(items).toContainEqual(expect.objectContaining({ kind: 'priority', from: 'P3', to: 'P1', reason: 'a hospital is affected', actor: expect.objectContaining({ id: 'agent-7' }) }));
    expect(items).toContainEqual(expect.objectContaining({ kind: 'clock', event: 'sla.rebudgeted', policyId: 'network-fault-response', signal: 'priority_changed' }));

    // The same priority again changes nothing.
    await as(agent).post('/v1/cases/NF-RAISED/priority', { priority: 'P1', reason: 'again' }).expect(200);
    const changes = (await as(agent).get('/v1/cases/NF-RAISED/timeline').expect(200)).body.items.filter((item: { kind: string }) => item.kind === 'priority');
    expect(changes).toHaveLength(1);
  });

  it('refuses a priority change on a cancelled case (409), a bad one (400), and for an unknown case (404)', async () => {
    await publishToBus(svc.env.namespace, [opened('NF-CANCELLED', 'network_fault', 'P3', new Date())]);
    await deadlineOf('NF-CANCELLED', 'network-fault-response');
    await as(agent).post('/v1/cases/NF-CANCELLED/transitions', { to: 'cancelled', reason: 'duplicate' }).expect(200);
    const refused = await as(agent).post('/v1/cases/NF-CANCELLED/priority', { priority: 'P1', reason: 'too late' }).expect(409);
    expect(refused.body).toMatchObject({ type: 'urn:hotline:problem:case-finished', stage: 'cancelled' });
    expect((await as(agent).get('/v1/cases/NF-CANCELLED').expect(200)).body.priority).toBe('P3');
    const bad = await as(agent).post('/v1/cases/NF-CANCELLED/priority', { priority: 'P0', reason: '' }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['priority', 'reason']);
    await as(agent).post('/v1/cases/NO-SUCH/priority', { priority: 'P1', reason: 'x' }).expect(404);
  });

  it('refuses calendars that make no calendar with 422 naming each field, and changes nothing', async () => {
    const put = (id: string, body: unknown) => as(supervisor).put(`/v1/calendars/${id}`, body);
    const noHours = await put('empty', { timeZone: 'Asia/Shanghai', weeklyHours: {} }).expect(422);
    expect(noHours.body.errors).toEqual([expect.objectContaining({ path: 'weeklyHours' })]);
    const bad = await put('bad', {
      timeZone: 'Mars/Olympus',
      weeklyHours: { monday: [{ from: '09:00', to: '12:00' }, { from: '11:00', to: '14:00' }] },
      holidays: ['2026-02-30'],
      workdays: [{ date: '2026-10-11', workAs: 'someday' }],
    }).expect(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['timeZone', 'weeklyHours.monday', 'holidays[0]', 'workdays[0].workAs']);
    await as(supervisor).get('/v1/calendars/empty').expect(404);
    await as(supervisor).get('/v1/calendars/bad').expect(404);
    // Malformed shapes are a 400; agents may not manage calendars.
    expect((await put('bad', { timeZone: 'UTC', weeklyHours: { funday: [] } }).expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'weeklyHours' })]);
    await as(agent).put('/v1/calendars/mine', { timeZone: 'UTC', weeklyHours: { monday: [{ from: '09:00', to: '17:00' }] } }).expect(403);

    // A policy setting naming no calendar of the tenant, or loosening the standard, is refused whole.
    const unknown = await as(supervisor).put('/v1/sla-policies/record-completion', { calendarId: 'nowhere', priorityBudgets: { P4: 999_999 } }).expect(422);
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toEqual(['calendarId', 'priorityBudgets.P4']);
    expect((await as(supervisor).get('/v1/sla-policies').expect(200)).body.items.map((s: { policyId: string }) => s.policyId)).not.toContain('record-completion');
    // The answer clock takes warn points only: a calendar or budgets by priority are a 400 naming them.
    const answer = await as(supervisor).put('/v1/sla-policies/answer', { calendarId: 'nowhere', priorityBudgets: { P1: 10 } }).expect(400);
    expect(answer.body.errors.map((e: { path: string }) => e.path)).toEqual(['calendarId', 'priorityBudgets']);
    await as(supervisor).put('/v1/sla-policies/no-such-policy', { calendarId: null }).expect(400);
  });

  it('warns where the policy setting says: warnAt [0.25] publishes exactly one warning, at 25 % of the budget', async () => {
    const budgetMs = 8 * SECOND;
    const setting = await as(supervisor).put('/v1/sla-policies/complaint-acknowledgement', { calendarId: null, priorityBudgets: { P2: budgetMs / SECOND }, warnAt: [0.25] }).expect(200);
    expect(setting.body).toMatchObject({ policyId: 'complaint-acknowledgement', calendarId: null, warnAt: [0.25] });
    const openedAt = new Date();
    await publishToBus(svc.env.namespace, [opened('CO-WARN', 'complaint', 'P2', openedAt)]);
    await eventually(async () => expect(verdicts('sla.breached', 'CO-WARN')).toHaveLength(1), { timeoutMs: 20_000 });
    const warnings = verdicts('sla.warned', 'CO-WARN');
    expect(warnings).toEqual([expect.objectContaining({ data: expect.objectContaining({ standardId: 'complaint-acknowledgement', priority: 'P2' }) })]);
    const timeline = (await as(agent).get('/v1/cases/CO-WARN/timeline').expect(200)).body.items as { event?: string; policyId?: string; at: string; summary: string }[];
    const warned = timeline.filter((item) => item.event === 'sla.warned' && item.policyId === 'complaint-acknowledgement');
    expect(warned).toEqual([expect.objectContaining({ at: new Date(openedAt.getTime() + budgetMs / 4).toISOString(), summary: expect.stringContaining('25 %') })]);

    // Other policies keep the default points; the setting lists them.
    const settings = (await as(supervisor).get('/v1/sla-policies').expect(200)).body.items as { policyId: string; warnAt: number[] }[];
    expect(settings.find((item) => item.policyId === 'complaint-acknowledgement')?.warnAt).toEqual([0.25]);
    expect(settings.find((item) => item.policyId === 'equipment-fault-response')?.warnAt).toEqual([0.5, 0.8]);
  });

  it('refuses warn points a clock cannot use with 422 naming each, and changes nothing', async () => {
    const put = (warnAt: unknown) => as(supervisor).put('/v1/sla-policies/follow-up-call', { calendarId: null, warnAt });
    const bad = await put([0.5, 0.4, 1, 0]).expect(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['warnAt[1]', 'warnAt[2]', 'warnAt[3]']);
    expect((await put([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]).expect(422)).body.errors.map((e: { path: string }) => e.path)).toEqual(['warnAt']);
    expect((await put(['half']).expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'warnAt.0' })]);
    expect((await as(supervisor).get('/v1/sla-policies').expect(200)).body.items.map((s: { policyId: string }) => s.policyId)).not.toContain('follow-up-call');
  });

  it('pages calendars and policy settings by id (?limit=&cursor=)', async () => {
    const initech = await svc.token({ tenant: 'initech', roles: ['admin'] });
    const hours = { timeZone: 'UTC', weeklyHours: { monday: [{ from: '09:00', to: '17:00' }] } };
    for (const id of ['c-1', 'c-2', 'c-3']) await as(initech).put(`/v1/calendars/${id}`, hours).expect(200);
    const first = (await as(initech).get('/v1/calendars?limit=2').expect(200)).body;
    expect(first.items.map((c: { calendarId: string }) => c.calendarId)).toEqual(['c-1', 'c-2']);
    const second = (await as(initech).get(`/v1/calendars?limit=2&cursor=${first.nextCursor}`).expect(200)).body;
    expect(second).toEqual({ items: [expect.objectContaining({ calendarId: 'c-3' })], nextCursor: null });

    for (const id of ['follow-up-call', 'record-completion']) await as(initech).put(`/v1/sla-policies/${id}`, { calendarId: 'c-1' }).expect(200);
    const page = (await as(initech).get('/v1/sla-policies?limit=1').expect(200)).body;
    expect(page.items.map((s: { policyId: string }) => s.policyId)).toEqual(['follow-up-call']);
    const next = (await as(initech).get(`/v1/sla-policies?limit=1&cursor=${page.nextCursor}`).expect(200)).body;
    expect(next.items.map((s: { policyId: string }) => s.policyId)).toEqual(['record-completion']);
    expect((await as(initech).get(`/v1/sla-policies?limit=1&cursor=${next.nextCursor}`).expect(200)).body).toEqual({ items: [], nextCursor: null });

    expect((await as(initech).get('/v1/calendars?cursor=garbage').expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'query.cursor' })]);
    expect((await as(initech).get('/v1/sla-policies?limit=0').expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'query.limit' })]);
  });

  it("keeps each tenant's calendars its own", async () => {
    const other = await svc.token({ tenant: 'globex', roles: ['supervisor'] });
    await as(supervisor).put('/v1/calendars/shared-name', { timeZone: 'UTC', weeklyHours: { monday: [{ from: '09:00', to: '17:00' }] } }).expect(200);
    await as(other).get('/v1/calendars/shared-name').expect(404);
    await as(other).put('/v1/sla-policies/record-completion', { calendarId: 'shared-name' }).expect(422);
  });
});
