import { type CloudEvent, newCloudEvent } from '@hotline/contracts';
import { BusTap, eventually, metricValue, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

type Segment = { role: 'agent' | 'customer'; text: string; beginOffsetMs: number; endOffsetMs: number };
const agent = (text: string, beginOffsetMs: number, endOffsetMs: number): Segment => ({ role: 'agent', text, beginOffsetMs, endOffsetMs });
const customer = (text: string, beginOffsetMs: number, endOffsetMs: number): Segment => ({ role: 'customer', text, beginOffsetMs, endOffsetMs });

const transcript = (contactId: string, time: string, language: 'zh' | 'en', segments: Segment[], id?: string): CloudEvent =>
  newCloudEvent({
    type: 'transcript.recorded',
    source: '/test',
    tenantId: 'acme',
    time,
    data: { contactId, agentId: 'a7', language, segments },
    ...(id ? { id } : {}),
  });

describe('quality: etiquette scores of transcripts from the bus (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let tap: BusTap;
  let token = '';
  const get = (contactId: string, bearer = token) => svc.http().get(`/v1/scores/${encodeURIComponent(contactId)}`).auth(bearer, { type: 'bearer' });
  const scoredEvents = (contactId: string) => tap.events.filter((e) => e.type === 'contact.scored' && (e.data as { contactId: string }).contactId === contactId);

  // A Chinese call with two forbidden phrases (one in traditional characters), greeting and closing in order.
  const zh = transcript('C-zh', '2026-11-25T09:30:00Z', 'zh', [
    agent('您好，工號１０２３为您服务。', 0, 3000),
    customer('我家宽带从昨天开始就断了。', 3500, 6000),
    agent('这个我也不知道，沒辦法。', 6500, 9000),
    agent('请问还有什么可以帮您？感谢您的来电。', 9500, 12000),
  ]);
  // An English call with no staff number, a 70 s hold and no closing thanks.
  const en = transcript('C-en', '2026-11-25T09:31:00Z', 'en', [
    agent('Good morning! Thanks for calling, this is Sam.', 0, 3000),
    customer('My bill is wrong.', 3500, 5000),
    agent('Please hold while I check.', 5500, 7000),
    agent('Sorry for the wait. Anything else I can help with?', 77_000, 80_000),
  ]);

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'quality', consumer: 'quality' });
    tap = await BusTap.open(svc.env.namespace);
    token = await svc.token({ tenant: 'acme', roles: ['supervisor'] });
    await publishToBus(svc.env.namespace, [zh, en]);
    await eventually(async () => {
      await get('C-zh').expect(200);
      await get('C-en').expect(200);
    });
  });

  afterAll(async () => {
    await tap?.close();
    await svc?.stop();
  });

  it('scores a Chinese transcript, a forbidden phrase deducted with its quote, offsets and clause', async () => {
    const body = (await get('C-zh').expect(200)).body;
    expect(body).toEqual({
      contactId: 'C-zh',
      agentId: 'a7',
      score: 70,
      deductions: [
        { rule: 'forbidden-phrases', points: 15, evidence: '不知道', beginOffsetMs: 6500, endOffsetMs: 9000, standardId: 'forbidden-phrases', version: '1', clause: expect.stringContaining('服务禁语') },
        { rule: 'forbidden-phrases', points: 15, evidence: '沒辦法', beginOffsetMs: 6500, endOffsetMs: 9000, standardId: 'forbidden-phrases', version: '1', clause: expect.stringContaining('服务禁语') },
      ],
      standardId: 'etiquette',
      version: '1',
      scoredAt: expect.any(String),
    });
  });

  it('scores an English transcript: missing staff number and thanks, a long hold', async () => {
    const body = (await get('C-en').expect(200)).body;
    expect(body.deductions.map((d: { rule: string; beginOffsetMs: number; endOffsetMs: number }) => [d.rule, d.beginOffsetMs, d.endOffsetMs])).toEqual([
      ['self-identification', 0, 7000],
      ['closing-thanks', 5500, 80_000],
      ['long-hold', 7000, 77_000],
    ]);
    expect(body.score).toBe(70);
  });

  it('publishes contact.scored for each, with the score and its deductions', async () => {
    await eventually(async () => {
      expect(scoredEvents('C-zh')).toHaveLength(1);
      expect(scoredEvents('C-en')).toHaveLength(1);
    });
    const [scored] = scoredEvents('C-en');
    expect(scored).toMatchObject({ tenantid: 'acme', causationid: en.id });
    expect(scored.data).toEqual({
      contactId: 'C-en',
      agentId: 'a7',
      score: 70,
      deductions: expect.arrayContaining([expect.objectContaining({ rule: 'long-hold', standardId: 'long-hold', version: '1' })]),
      standardId: 'etiquette',
      standardVersion: '1',
    });
  });

  it('re-scores a re-sent transcript and replaces the score; an older one arriving late changes nothing', async () => {
    const corrected = transcript('C-zh', '2026-11-25T09:40:00Z', 'zh', [
      agent('您好，工号1023为您服务。', 0, 3000),
      customer('我家宽带断了。', 3500, 6000),
      agent('请您稍等，已为您重置。请问还有什么可以帮您？感谢您的来电。', 6500, 12000),
    ]);
    const older = transcript('C-zh', '2026-11-25T09:00:00Z', 'zh', [agent('不归我管。', 0, 1000)]);
    await publishToBus(svc.env.namespace, [zh, corrected]); // zh redelivered under its own id: a duplicate
    await eventually(async () => expect((await get('C-zh').expect(200)).body).toMatchObject({ score: 100, deductions: [] }));
    await publishToBus(svc.env.namespace, [older]);
    await eventually(async () => expect(tap.events.some((e) => e.id === older.id)).toBe(true));
    await eventually(async () => {
      // Once the older transcript is settled, the score is still the corrected one and only two were published.
      const metrics = (await svc.http().get('/metrics')).text;
      expect(metricValue(metrics, 'hotline_events_consumed_total', { queue: `${svc.env.namespace}.quality.scores`, outcome: 'handled' })).toBe(4);
    });
    expect((await get('C-zh').expect(200)).body).toMatchObject({ score: 100 });
    expect(scoredEvents('C-zh').map((e) => (e.data as { score: number }).score)).toEqual([70, 100]);
  });

  it('scores no transcript without segments, and says so: 404 not-scored naming the reason', async () => {
    const empty = transcript('C-empty', '2026-11-25T09:50:00Z', 'en', []);
    await publishToBus(svc.env.namespace, [empty]);
    await eventually(async () => {
      const metrics = (await svc.http().get('/metrics')).text;
      expect(metricValue(metrics, 'hotline_events_consumed_total', { queue: `${svc.env.namespace}.quality.scores`, outcome: 'handled' })).toBe(5);
    });
    const res = await get('C-empty').expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toEqual({ type: 'urn:hotline:problem:not-scored', title: 'Not scored', status: 404, detail: 'Contact C-empty was not scored: the transcript has no segments.' });
    expect(scoredEvents('C-empty')).toEqual([]);
    expect(await svc.db.query(`SELECT 1 FROM quality.scores WHERE contact_id = 'C-empty'`)).toEqual([]);
    // Another tenant's contact of that id is simply unknown.
    const other = await svc.token({ tenant: 'globex', roles: ['supervisor'] });
    expect((await get('C-empty', other).expect(404)).body.type).toBe('about:blank');
    // A transcript with segments for the contact later: its score is the answer.
    await publishToBus(svc.env.namespace, [transcript('C-empty', '2026-11-25T09:55:00Z', 'en', [agent('Hello, this is Sam, staff number 1023. Thank you for calling.', 0, 3000)])]);
    await eventually(async () => expect((await get('C-empty').expect(200)).body.contactId).toBe('C-empty'));
  });

  it('answers 404 problem+json for a contact with no score, and for another tenant', async () => {
    const res = await get('C-unknown').expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const other = await svc.token({ tenant: 'globex', roles: ['supervisor'] });
    await get('C-zh', other).expect(404);
    const agentToken = await svc.token({ tenant: 'acme', roles: ['agent'] });
    await get('C-zh', agentToken).expect(200);
  });

  it('answers 400 naming params.contactId when it is too long', async () => {
    const res = await get('x'.repeat(201)).expect(400);
    expect(res.text).toContain('params.contactId');
  });

  it("weighs deductions by the tenant's standards version in force at the transcript's time, and names it", async () => {
    // Tenant globex makes a forbidden phrase cost 25 points from 2026-11-25 (Hotline's default: 15, at most 45 a contact).
    const standards = newCloudEvent({
      type: 'standards.published',
      source: '/hotline/intake',
      tenantId: 'globex',
      data: { version: '5', effectiveFrom: '2026-11-25T00:00:00Z', standards: { 'forbidden-phrases': { kind: 'phrases', points: 25 } } },
    });
    const globexToken = await svc.token({ tenant: 'globex', roles: ['supervisor'] });
    await publishToBus(svc.env.namespace, [standards]);
    await eventually(async () => {
      expect((await svc.http().get('/v1/standards').auth(globexToken, { type: 'bearer' }).expect(200)).body.versions).toHaveLength(1);
    });
    const segments = (zh.data as { segments: Segment[] }).segments;
    const of = (contactId: string, time: string): CloudEvent =>
      newCloudEvent({ type: 'transcript.recorded', source: '/test', tenantId: 'globex', time, data: { contactId, agentId: 'a7', language: 'zh', segments } });
    await publishToBus(svc.env.namespace, [of('G-after', '2026-11-25T09:30:00Z'), of('G-before', '2026-11-24T09:30:00Z')]);
    await eventually(async () => {
      await get('G-after', globexToken).expect(200);
      await get('G-before', globexToken).expect(200);
    });

    const after = (await get('G-after', globexToken).expect(200)).body;
    expect(after).toMatchObject({ score: 55, version: 'globex:5@1' });
    expect(after.deductions.map((d: { rule: string; points: number; version: string }) => [d.rule, d.points, d.version])).toEqual([
      ['forbidden-phrases', 25, 'globex:5@1'],
      ['forbidden-phrases', 20, 'globex:5@1'], // capped at the 45 a contact may lose to the rule
    ]);
    const before = (await get('G-before', globexToken).expect(200)).body;
    expect(before).toMatchObject({ score: 70, version: '1' });
  });
});
