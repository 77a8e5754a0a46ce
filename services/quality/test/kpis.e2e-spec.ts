import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { eventually, metricValue, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

const at = '2026-11-25T09:30:00+08:00';
const contact = <T extends 'contact.queued' | 'contact.answered' | 'contact.abandoned'>(type: T, data: object) =>
  newCloudEvent({ type, source: '/test', tenantId: 'acme', time: at, data: data as never });

describe('quality: KPIs from the bus (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  /** Deliveries the kpis queue has settled so far, applied or dropped as duplicates. */
  const settled = async () => {
    const metrics = (await svc.http().get('/metrics')).text;
    const of = (outcome: string) => metricValue(metrics, 'hotline_events_consumed_total', { queue: `${svc.env.namespace}.quality.kpis`, outcome });
    return { handled: of('handled'), duplicate: of('duplicate') };
  };
  const publishAndSettle = async (events: readonly CloudEvent[], expected: { handled: number; duplicate: number }) => {
    const before = await settled();
    await publishToBus(svc.env.namespace, events);
    await eventually(async () => {
      const after = await settled();
      expect({ handled: after.handled - before.handled, duplicate: after.duplicate - before.duplicate }).toEqual(expected);
    });
  };

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'quality', consumer: 'quality' });
  });

  afterAll(() => svc?.stop());

  describe('GET /v1/kpis: contacts out of order, redelivered and corrected, counted once', () => {
    // Tenant globex tightens the answer standard from 30 s to 20 s at 09:00 on 2026-11-25.
    const standards = newCloudEvent({
      type: 'standards.published',
      source: '/hotline/intake',
      tenantId: 'globex',
      data: { version: '2', effectiveFrom: '2026-11-25T09:00:00Z', standards: { 'answer-time': { kind: 'deadline', seconds: 20 } } },
    });
    const event = (type: string, time: string, data: object, id?: string): CloudEvent =>
      newCloudEvent({ type: type as never, source: '/test', tenantId: 'globex', time: `2026-11-25T${time}Z`, data: data as never, ...(id ? { id } : {}) });
    const queued = (contactId: string, time: string, queue: string) => event('contact.queued', time, { contactId, channel: 'voice', queue, direction: 'inbound' });
    const answered = (contactId: string, time: string, agentId: string, team: string, waitSeconds?: number) =>
      event('contact.answered', time, { contactId, agentId, team, ...(waitSeconds === undefined ? {} : { waitSeconds }) });
    const answerSla = (type: 'sla.breached' | 'sla.withdrawn', contactId: string, extra: object = {}) =>
      event(type, '09:30:00', {
        subjectType: 'contact',
        subjectId: contactId,
        slaKind: 'answer',
        startedAt: '2026-11-25T09:05:00Z',
        deadline: '2026-11-25T09:05:20Z',
        standardId: 'answer-time',
        standardVersion: 'globex:2@1',
        ...extra,
      });

    // c1 before the change (30 s): answered after the platform's 25 s wait, in time.
    // c2 after it (20 s): answered 25 s after queueing (no platform wait), late; transferred, complained about, breached.
    // c3: the platform's 10 s wait counts, not the 12 s between the events.
    // c4: abandoned after 40 s, then the platform corrects it: answered after 15 s; its breach withdrawn.
    // c5: hung up after 3 s, a short abandon. c6: answered (no wait) long before its late queued event arrives.
    const c6Answered = answered('c6', '09:15:20', 'a1', 'red');
    const firstRound = [
      queued('c1', '08:50:00', 'billing'),
      answered('c1', '08:50:25', 'a1', 'red', 25),
      event('contact.ended', '08:56:00', { contactId: 'c1', agentId: 'a1', handleSeconds: 300, afterContactWorkSeconds: 30 }),
      queued('c2', '09:05:00', 'billing'),
      answered('c2', '09:05:25', 'a1', 'red'),
      event('contact.transferred', '09:06:00', { contactId: 'c2', toQueue: 'faults' }),
      answered('c3', '09:07:12', 'a2', 'blue', 10),
      queued('c3', '09:07:00', 'billing'),
      event('contact.ended', '09:10:00', { contactId: 'c3', talkSeconds: 100, holdSeconds: 20, afterContactWorkSeconds: 10 }),
      queued('c4', '09:10:00', 'faults'),
      event('contact.abandoned', '09:10:40', { contactId: 'c4', queue: 'faults', waitSeconds: 40 }),
      answerSla('sla.breached', 'c4'),
      queued('c5', '09:12:00', 'faults'),
      event('contact.abandoned', '09:12:03', { contactId: 'c5', waitSeconds: 3 }),
      c6Answered,
      event('survey.completed', '10:00:00', { contactId: 'c1', score: 5 }),
    ];
    const secondRound = [
      ...firstRound, // every one redelivered
      answered('c4', '09:10:15', 'a2', 'blue', 15),
      answerSla('sla.withdrawn', 'c4', { withdraws: 'sla.breached', reason: 'answered at 09:10:15, before the deadline' }),
      queued('c6', '09:14:30', 'billing'),
      { ...c6Answered, id: 'c6-answered-resent' }, // the platform re-sends the answer under a new id
      event('survey.completed', '10:00:00', { contactId: 'c3', score: 2 }),
      event('complaint.filed', '11:00:00', { complaintId: 'K1', category: 'billing', description: 'Charged twice', contactId: 'c2' }),
      answerSla('sla.breached', 'c2'),
      event('survey.completed', '10:00:00', { caseId: 'CASE-1', score: 1 }), // about a case, not a contact: no contact KPI
    ];

    let token = '';
    const kpis = async (query: string) => (await svc.http().get(`/v1/kpis?${query}`).auth(token, { type: 'bearer' }).expect(200)).body;
    const day = 'from=2026-11-25T00:00:00Z&to=2026-11-26T00:00:00Z';

    beforeAll(async () => {
      token = await svc.token({ tenant: 'globex', roles: ['supervisor'] });
      await publishToBus(svc.env.namespace, [standards]);
      await eventually(async () => {
        const held = (await svc.http().get('/v1/standards').auth(token, { type: 'bearer' }).expect(200)).body;
        expect(held.versions).toHaveLength(1);
      });
      await publishAndSettle(firstRound, { handled: firstRound.length, duplicate: 0 });
    });

    it('counts an answer that came before its queued event in its first known quarter-hour, then moves it', async () => {
      const quarters = (await kpis(`${day}&bucket=15m`)).items;
      expect(quarters.map((row: { bucketStart: string; answered: number }) => [row.bucketStart, row.answered])).toEqual([
        ['2026-11-25T08:45:00.000Z', 1],
        ['2026-11-25T09:00:00.000Z', 2],
        ['2026-11-25T09:15:00.000Z', 1],
      ]);
      // Before the correction, c4 is abandoned and breached.
      expect(quarters[1]).toMatchObject({ offered: 3, abandoned: 1, shortAbandoned: 1, breached: 1, abandonmentRate: 1 / 3 });

      await publishAndSettle(secondRound, { handled: secondRound.length - firstRound.length, duplicate: firstRound.length });

      const moved = (await kpis(`${day}&bucket=15m`)).items;
      expect(moved).toEqual([
        expect.objectContaining({ bucketStart: '2026-11-25T08:45:00.000Z', bucketEnd: '2026-11-25T09:00:00.000Z', group: null, offered: 1, answered: 1, serviceLevel: 1, standardVersion: '1' }),
        expect.objectContaining({
          bucketStart: '2026-11-25T09:00:00.000Z',
          offered: 4,
          answered: 4,
          answeredWithinTarget: 2, // c3 (10 s) and c4 (15 s); c2 (25 s) and c6 (50 s) are over 20 s
          abandoned: 0,
          shortAbandoned: 1,
          serviceLevel: 0.5,
          averageSpeedOfAnswerSeconds: (25 + 10 + 15 + 50) / 4,
          abandonmentRate: 0,
          standardVersion: 'globex:2@1',
          standardVersions: ['globex:2@1'],
        }),
      ]);
    });

    it('gives the day exact, with the standard each contact was judged by', async () => {
      const [whole] = (await kpis(day)).items;
      expect(whole).toEqual({
        bucketStart: '2026-11-25T00:00:00.000Z',
        bucketEnd: '2026-11-26T00:00:00.000Z',
        group: null,
        offered: 5,
        answered: 5,
        answeredWithinTarget: 3,
        abandoned: 0,
        shortAbandoned: 1,
        serviceLevel: 0.6,
        averageSpeedOfAnswerSeconds: (25 + 25 + 10 + 15 + 50) / 5,
        abandonmentRate: 0,
        averageHandleTimeSeconds: (300 + 130) / 2,
        afterContactWorkSeconds: (30 + 10) / 2,
        transferred: 1,
        transferRate: 0.2,
        firstContactResolution: null, // no contact named its customer
        surveys: 2,
        csat: 0.5,
        averageSurveyScore: 3.5,
        complaints: 1,
        complaintRatePer1000: 1000 / 6,
        breached: 1,
        breachRate: 0.2,
        outageBreached: 0,
        outageBreachRate: 0,
        followUps: 0, // no case resolved
        followUpsMet: 0,
        followUpCompletion: null,
        caseDeadlines: 0, // no case clock settled
        caseDeadlinesBreached: 0,
        caseDeadlinesBreachedByOutage: 0,
        caseBreachRate: null,
        caseBreachRateExcludingOutages: null,
        standardVersion: null,
        standardVersions: ['1', 'globex:2@1'],
      });
    });

    it('splits by queue, team and agent', async () => {
      const pick = (items: Record<string, unknown>[]) => items.map(({ group, offered, answered, answeredWithinTarget, shortAbandoned }) => ({ group, offered, answered, answeredWithinTarget, shortAbandoned }));
      expect(pick((await kpis(`${day}&groupBy=queue`)).items)).toEqual([
        { group: 'billing', offered: 4, answered: 4, answeredWithinTarget: 2, shortAbandoned: 0 },
        { group: 'faults', offered: 1, answered: 1, answeredWithinTarget: 1, shortAbandoned: 1 },
      ]);
      expect(pick((await kpis(`${day}&groupBy=team`)).items)).toEqual([
        { group: '(unknown)', offered: 0, answered: 0, answeredWithinTarget: 0, shortAbandoned: 1 },
        { group: 'blue', offered: 2, answered: 2, answeredWithinTarget: 2, shortAbandoned: 0 },
        { group: 'red', offered: 3, answered: 3, answeredWithinTarget: 1, shortAbandoned: 0 },
      ]);
      const agents = (await kpis(`${day}&groupBy=agent&bucket=15m`)).items;
      expect(agents.map(({ bucketStart, group, answered }: Record<string, unknown>) => [bucketStart, group, answered])).toEqual([
        ['2026-11-25T08:45:00.000Z', 'a1', 1],
        ['2026-11-25T09:00:00.000Z', '(unknown)', 0],
        ['2026-11-25T09:00:00.000Z', 'a1', 2],
        ['2026-11-25T09:00:00.000Z', 'a2', 2],
      ]);
    });

    it('resolves at first contact unless the customer comes back within 72 h, whichever contact arrives first', async () => {
      const customerContact = (contactId: string, date: string, customer: string) => [
        newCloudEvent({
          type: 'contact.queued',
          source: '/test',
          tenantId: 'globex',
          time: `${date}Z`,
          data: { contactId, channel: 'voice', queue: 'billing', direction: 'inbound', customer: { id: customer } },
        }),
        newCloudEvent({ type: 'contact.answered', source: '/test', tenantId: 'globex', time: `${date}Z`, data: { contactId, agentId: 'a1', waitSeconds: 5 } }),
      ];
      const week = 'from=2026-11-27T00:00:00Z&to=2026-12-03T00:00:00Z';
      const fcr = async () =>
        (await kpis(week)).items.map(({ bucketStart, answered, firstContactResolution }: Record<string, unknown>) => [bucketStart, answered, firstContactResolution]);
      // K calls on the 29th, then again on the 30th: its first call, counted resolved, is recounted when the second arrives.
      // M's calls arrive the other way round: the later one first. L calls once.
      await publishAndSettle(
        [...customerContact('k1', '2026-11-29T09:00:00', 'K'), ...customerContact('m2', '2026-12-01T08:00:00', 'M'), ...customerContact('l1', '2026-11-27T08:00:00', 'L')],
        { handled: 6, duplicate: 0 },
      );
      expect(await fcr()).toEqual([
        ['2026-11-27T00:00:00.000Z', 1, 1],
        ['2026-11-29T00:00:00.000Z', 1, 1],
        ['2026-12-01T00:00:00.000Z', 1, 1],
      ]);
      await publishAndSettle([...customerContact('k2', '2026-11-30T08:00:00', 'K'), ...customerContact('m1', '2026-11-30T10:00:00', 'M')], { handled: 4, duplicate: 0 });
      expect(await fcr()).toEqual([
        ['2026-11-27T00:00:00.000Z', 1, 1],
        ['2026-11-29T00:00:00.000Z', 1, 0],
        ['2026-11-30T00:00:00.000Z', 2, 0.5],
        ['2026-12-01T00:00:00.000Z', 1, 1],
      ]);
    });

    it("shows a tenant only its own KPIs, to supervisors and above", async () => {
      const other = await svc.token({ tenant: 'initech', roles: ['admin'] });
      expect((await svc.http().get(`/v1/kpis?${day}`).auth(other, { type: 'bearer' }).expect(200)).body.items).toEqual([]);
      const agent = await svc.token({ tenant: 'globex', roles: ['agent'] });
      await svc.http().get(`/v1/kpis?${day}`).auth(agent, { type: 'bearer' }).expect(403);
      await svc.http().get(`/v1/kpis?${day}`).expect(401);
    });

    it('refuses a malformed or too large range with a problem naming the parameter', async () => {
      const cases: [string, string][] = [
        ['to=2026-11-26T00:00:00Z', 'query.from'],
        ['from=yesterday&to=2026-11-26T00:00:00Z', 'query.from'],
        ['from=2026-11-26T00:00:00Z&to=2026-11-25T00:00:00Z', 'query.to'],
        ['from=2026-11-01T00:00:00Z&to=2026-11-09T00:00:00Z&bucket=15m', 'query.to'],
        ['from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z', 'query.to'],
        [`${day}&bucket=1h`, 'query.bucket'],
        [`${day}&groupBy=region`, 'query.groupBy'],
        [`${day}&groupBy=queue&groupBy=team`, 'query.groupBy'],
        [`${day}&tenant=acme`, 'query'],
      ];
      for (const [query, path] of cases) {
        const res = await svc.http().get(`/v1/kpis?${query}`).auth(token, { type: 'bearer' }).expect(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.errors).toEqual([{ path, message: expect.any(String) }]);
      }
    });
  });

  describe('GET /v1/kpis: after-contact work between wrap-up and completion, whichever arrives first', () => {
    // A Twilio task: answered at 08:00:12, wrap-up (contact.ended) at 08:04:30, completed at 08:05:00.5.
    const contactOf = (tenantId: string) => {
      const event = (type: string, time: string, data: object): CloudEvent =>
        newCloudEvent({ type: type as never, source: '/twilio/taskrouter/WS1', tenantId, time: `2026-11-26T${time}Z`, data: { contactId: 'WT1', ...data } as never });
      return {
        queued: event('contact.queued', '08:00:00', { channel: 'voice', queue: 'billing', direction: 'inbound' }),
        answered: event('contact.answered', '08:00:12', { agentId: 'WK1', waitSeconds: 12 }),
        ended: event('contact.ended', '08:04:30', { queue: 'billing' }),
        completed: event('contact.completed', '08:05:00.500', { queue: 'billing', completedReason: 'done' }),
      };
    };
    const day = 'from=2026-11-26T00:00:00Z&to=2026-11-27T00:00:00Z';
    const figuresOf = async (tenant: string) => {
      const token = await svc.token({ tenant, roles: ['supervisor'] });
      const [row] = (await svc.http().get(`/v1/kpis?${day}&groupBy=agent`).auth(token, { type: 'bearer' }).expect(200)).body.items;
      return row;
    };

    it('gives the same work and handle time when the completion arrives after or before the wrap-up', async () => {
      const inOrder = contactOf('wrapfirst');
      await publishAndSettle([inOrder.queued, inOrder.answered, inOrder.ended], { handled: 3, duplicate: 0 });
      // Until the completion, the contact's handle time is its talk: from the answer to the wrap-up.
      expect(await figuresOf('wrapfirst')).toMatchObject({ averageHandleTimeSeconds: 258, afterContactWorkSeconds: null });
      await publishAndSettle([inOrder.completed], { handled: 1, duplicate: 0 });

      const reversed = contactOf('completefirst');
      await publishAndSettle([reversed.completed], { handled: 1, duplicate: 0 });
      await publishAndSettle([reversed.ended, reversed.answered, reversed.queued], { handled: 3, duplicate: 0 });

      const expected = { group: 'WK1', answered: 1, averageHandleTimeSeconds: 258 + 30.5, afterContactWorkSeconds: 30.5 };
      const [wrapFirst, completeFirst] = [await figuresOf('wrapfirst'), await figuresOf('completefirst')];
      expect(wrapFirst).toMatchObject(expected);
      expect(completeFirst).toEqual(wrapFirst);

      // Redelivered, both milestones change nothing.
      await publishAndSettle([reversed.ended, reversed.completed], { handled: 0, duplicate: 2 });
      expect(await figuresOf('completefirst')).toEqual(wrapFirst);
    });
  });

  describe('GET /v1/kpis: follow-up completion of resolved cases, counted once whatever the order', () => {
    const event = (type: string, data: object, id?: string): CloudEvent =>
      newCloudEvent({ type: type as never, source: '/hotline/dispatch', tenantId: 'initech', time: '2026-11-27T12:00:00Z', data: data as never, ...(id ? { id } : {}) });
    const assigned = (caseId: string, time: string, agentId: string, queue?: string) =>
      event('case.assigned', { caseId, agentId, ...(queue ? { queue } : {}), assignedAt: `2026-11-27T${time}Z` });
    const clock = (caseId: string, resolvedAt: string, slaKind = 'follow_up') => ({
      subjectType: 'case',
      subjectId: caseId,
      slaKind,
      startedAt: `2026-11-27T${resolvedAt}Z`,
      deadline: '2026-11-28T12:00:00Z',
      standardId: 'follow-up-call',
      standardVersion: '1',
    });
    const stopped = (caseId: string, resolvedAt: string, outcome: 'met' | 'breached', slaKind?: string) =>
      event('sla.stopped', { ...clock(caseId, resolvedAt, slaKind), outcome, stoppedAt: '2026-11-27T12:00:00Z' });
    const breached = (caseId: string, resolvedAt: string) => event('sla.breached', clock(caseId, resolvedAt));
    const withdrawn = (caseId: string, resolvedAt: string) =>
      event('sla.withdrawn', { ...clock(caseId, resolvedAt), withdraws: 'sla.breached', reason: 'called back at 11:00, before the deadline' });

    // CASE-1: held by f1 in faults, resolved 10:00, called back in time.
    // CASE-2: reassigned from f1 to f2 before its 10:20 resolution; overdue (breached), then called back late.
    // CASE-3: resolved 11:05, called back in time; its assignment to f2 arrives last.
    // CASE-4: breached, then the breach withdrawn: nothing settled yet. CASE-1's resolution clock is no follow-up.
    const case3Assigned = assigned('CASE-3', '10:50:00', 'f2', 'faults');
    const stream = [
      stopped('CASE-3', '11:05:00', 'met'),
      stopped('CASE-2', '10:20:00', 'breached'),
      assigned('CASE-1', '09:00:00', 'f1', 'faults'),
      breached('CASE-2', '10:20:00'),
      stopped('CASE-1', '10:00:00', 'met'),
      assigned('CASE-2', '09:30:00', 'f2'),
      assigned('CASE-2', '09:10:00', 'f1', 'billing'),
      breached('CASE-4', '10:40:00'),
      withdrawn('CASE-4', '10:40:00'),
      stopped('CASE-1', '09:59:00', 'breached', 'resolution'),
    ];
    const day = 'from=2026-11-27T00:00:00Z&to=2026-11-28T00:00:00Z';
    let token = '';
    const kpis = async (query: string) => (await svc.http().get(`/v1/kpis?${day}&${query}`).auth(token, { type: 'bearer' }).expect(200)).body.items;
    const pick = (items: Record<string, unknown>[]) => items.map(({ bucketStart, group, followUps, followUpsMet, followUpCompletion }) => ({ bucketStart, group, followUps, followUpsMet, followUpCompletion }));

    beforeAll(async () => {
      token = await svc.token({ tenant: 'initech', roles: ['supervisor'] });
      await publishAndSettle(stream, { handled: stream.length, duplicate: 0 });
    });

    it('gives the share of settled follow-ups done in time, per tenant and in the quarter-hours of the resolutions', async () => {
      expect(pick(await kpis('bucket=1d'))).toEqual([{ bucketStart: '2026-11-27T00:00:00.000Z', group: null, followUps: 3, followUpsMet: 2, followUpCompletion: 2 / 3 }]);
      expect(pick(await kpis('bucket=15m')).map(({ bucketStart, followUps, followUpsMet }) => [bucketStart, followUps, followUpsMet])).toEqual([
        ['2026-11-27T09:45:00.000Z', 0, 0], // CASE-1's resolution deadline, a case deadline but no follow-up
        ['2026-11-27T10:00:00.000Z', 1, 1],
        ['2026-11-27T10:15:00.000Z', 1, 0],
        ['2026-11-27T11:00:00.000Z', 1, 1],
      ]);
    });

    it("attributes each to the agent and queue holding the case when it was resolved, a late assignment moving it", async () => {
      expect(pick(await kpis('groupBy=agent')).map(({ group, followUps, followUpsMet }) => [group, followUps, followUpsMet])).toEqual([
        ['(unknown)', 1, 1],
        ['f1', 1, 1],
        ['f2', 1, 0],
      ]);
      await publishAndSettle([case3Assigned], { handled: 1, duplicate: 0 });
      expect(pick(await kpis('groupBy=agent')).map(({ group, followUps, followUpsMet }) => [group, followUps, followUpsMet])).toEqual([
        ['f1', 1, 1],
        ['f2', 2, 1],
      ]);
      expect(pick(await kpis('groupBy=queue')).map(({ group, followUps, followUpsMet }) => [group, followUps, followUpsMet])).toEqual([
        ['billing', 1, 0],
        ['faults', 2, 2],
      ]);
    });

    it('changes nothing when every event is delivered again', async () => {
      const before = await kpis('groupBy=agent&bucket=15m');
      await publishAndSettle([...stream, case3Assigned], { handled: 0, duplicate: stream.length + 1 });
      expect(await kpis('groupBy=agent&bucket=15m')).toEqual(before);
    });
  });

  describe('GET /v1/kpis: case deadline breach rate, outage-caused apart, counted once whatever the order', () => {
    const event = (type: string, data: object, id?: string): CloudEvent =>
      newCloudEvent({ type: type as never, source: '/hotline/dispatch', tenantId: 'umbrella', time: '2026-11-28T12:00:00Z', data: data as never, ...(id ? { id } : {}) });
    const assigned = (caseId: string, time: string, agentId: string, queue: string) => event('case.assigned', { caseId, agentId, queue, assignedAt: `2026-11-28T${time}Z` });
    const clock = (caseId: string, slaKind: string, startedAt: string, extra: object = {}) => ({
      subjectType: 'case',
      subjectId: caseId,
      slaKind,
      startedAt: `2026-11-28T${startedAt}Z`,
      deadline: '2026-11-28T23:00:00Z',
      standardId: 'fault-response',
      standardVersion: '1',
      ...extra,
    });
    const stopped = (caseId: string, slaKind: string, startedAt: string, outcome: 'met' | 'breached', extra: object = {}) =>
      event('sla.stopped', { ...clock(caseId, slaKind, startedAt, extra), outcome, stoppedAt: '2026-11-28T12:00:00Z' });
    const breached = (caseId: string, slaKind: string, startedAt: string, extra: object = {}) => event('sla.breached', clock(caseId, slaKind, startedAt, extra));
    const withdrawn = (caseId: string, slaKind: string, startedAt: string) =>
      event('sla.withdrawn', { ...clock(caseId, slaKind, startedAt), withdraws: 'sla.breached', reason: 'the repair was recorded late' });

    // CASE-A (agent r1, queue faults): responded in time at 09:00, repair breached during a major outage (the stop after it says so too).
    // CASE-B (r1 then r2 from 09:30): response breached (stop first, breach after), repair's breach withdrawn then stopped met.
    // CASE-C (r2, queue billing): resolution breached at 09:00, then the case reopened and its clock restarted at 11:00 and met;
    //   the first run's late stop changes nothing.
    const stream = [
      stopped('CASE-A', 'repair', '09:00:00', 'breached', { causedByOutage: true }),
      assigned('CASE-A', '08:00:00', 'r1', 'faults'),
      stopped('CASE-B', 'response', '09:40:00', 'breached'),
      breached('CASE-A', 'repair', '09:00:00', { causedByOutage: true }),
      stopped('CASE-A', 'response', '09:00:00', 'met'),
      breached('CASE-B', 'response', '09:40:00'),
      assigned('CASE-B', '09:30:00', 'r2', 'faults'),
      withdrawn('CASE-B', 'repair', '09:40:00'),
      breached('CASE-B', 'repair', '09:40:00'),
      assigned('CASE-B', '08:30:00', 'r1', 'faults'),
      stopped('CASE-B', 'repair', '09:40:00', 'met'),
      breached('CASE-C', 'resolution', '09:00:00'),
      assigned('CASE-C', '08:45:00', 'r2', 'billing'),
      stopped('CASE-C', 'resolution', '11:00:00', 'met'),
      stopped('CASE-C', 'resolution', '09:00:00', 'breached'),
    ];
    const day = 'from=2026-11-28T00:00:00Z&to=2026-11-29T00:00:00Z';
    let token = '';
    const kpis = async (query: string) => (await svc.http().get(`/v1/kpis?${day}&${query}`).auth(token, { type: 'bearer' }).expect(200)).body.items;
    const pick = (items: Record<string, unknown>[]) =>
      items.map(({ group, caseDeadlines, caseDeadlinesBreached, caseDeadlinesBreachedByOutage, caseBreachRate, caseBreachRateExcludingOutages }) => [
        group,
        caseDeadlines,
        caseDeadlinesBreached,
        caseDeadlinesBreachedByOutage,
        caseBreachRate,
        caseBreachRateExcludingOutages,
      ]);

    beforeAll(async () => {
      token = await svc.token({ tenant: 'umbrella', roles: ['supervisor'] });
      await publishAndSettle(stream, { handled: stream.length, duplicate: 0 });
    });

    it('gives the share of settled case deadlines breached, with and without the outage-caused ones, next to the contact figures', async () => {
      const [whole] = await kpis('bucket=1d');
      // Settled: A response met, A repair breached (outage), B response breached, B repair met, C resolution (rerun) met.
      expect(whole).toMatchObject({ offered: 0, breached: 0, breachRate: null, outageBreached: 0, followUps: 0, followUpCompletion: null });
      expect(pick([whole])).toEqual([[null, 5, 2, 1, 2 / 5, 1 / 5]]);
      expect((await kpis('bucket=15m')).map(({ bucketStart, caseDeadlines }: Record<string, unknown>) => [bucketStart, caseDeadlines])).toEqual([
        ['2026-11-28T09:00:00.000Z', 2],
        ['2026-11-28T09:30:00.000Z', 2],
        ['2026-11-28T11:00:00.000Z', 1],
      ]);
    });

    it('attributes each deadline to the agent and queue holding the case when its clock started', async () => {
      expect(pick(await kpis('groupBy=agent'))).toEqual([
        ['r1', 2, 1, 1, 1 / 2, 0],
        ['r2', 3, 1, 0, 1 / 3, 1 / 3],
      ]);
      expect(pick(await kpis('groupBy=queue'))).toEqual([
        ['billing', 1, 0, 0, 0, 0],
        ['faults', 4, 2, 1, 2 / 4, 1 / 4],
      ]);
    });

    it('changes nothing when every event is delivered again', async () => {
      const before = await kpis('groupBy=agent&bucket=15m');
      await publishAndSettle(stream, { handled: 0, duplicate: stream.length });
      expect(await kpis('groupBy=agent&bucket=15m')).toEqual(before);
    });
  });

  describe('daily contact tallies (GET /v1/kpis/contact-tallies)', () => {
    it('counts each contact event once, however often it is delivered', async () => {
      const queued = contact('contact.queued', { contactId: 'c1', channel: 'voice', queue: 'billing', direction: 'inbound' });
      const answered = contact('contact.answered', { contactId: 'c1', agentId: 'a7', queue: 'billing' });
      const abandoned = contact('contact.abandoned', { contactId: 'c2', queue: 'billing' });
      await publishAndSettle([queued, queued, answered, abandoned, abandoned], { handled: 3, duplicate: 2 });

      const token = await svc.token({ tenant: 'acme', roles: ['supervisor'] });
      const res = await svc.http().get('/v1/kpis/contact-tallies?day=2026-11-25').auth(token, { type: 'bearer' }).expect(200);
      expect(res.body).toEqual([{ tenantId: 'acme', queue: 'billing', day: '2026-11-25', queued: 1, answered: 1, abandoned: 1, ended: 0 }]);
    });

    it('rejects a malformed day with a problem naming it', async () => {
      const token = await svc.token({ tenant: 'acme', roles: ['supervisor'] });
      for (const query of ['day=yesterday', 'day=2026-02-30', 'day=2026-13-01', 'day=0000-00-00', 'day=2026-11-25&day=2026-11-26', '']) {
        const res = await svc.http().get(`/v1/kpis/contact-tallies?${query}`).auth(token, { type: 'bearer' }).expect(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.errors).toEqual([{ path: 'query.day', message: expect.any(String) }]);
      }
      await svc.http().get('/v1/kpis/contact-tallies?day=2028-02-29').auth(token, { type: 'bearer' }).expect(200);
    });
  });
});
