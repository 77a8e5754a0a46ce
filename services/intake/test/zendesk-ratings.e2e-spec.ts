import type { CloudEvent } from '@hotline/contracts';
import { eventually } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { insertApiKey } from './support/api-keys';

const PATH = '/v1/adapters/zendesk/satisfaction-ratings';
const RATING = {
  id: 35436,
  assignee_id: 135,
  ticket_id: 208,
  score: 'good',
  comment: 'Awesome support!',
  created_at: '2026-11-28T01:29:41Z',
  updated_at: '2026-11-28T01:30:02Z',
};

describe('intake: Zendesk satisfaction ratings (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let key: string;
  const published = () => svc.tap.events as CloudEvent<Record<string, unknown>>[];
  const post = (body: unknown, apiKey = key) => svc.http().post(PATH).set('Authorization', `Bearer ${apiKey}`).send(body as object);
  const count = async () => Number((await svc.db.query(`SELECT count(*) AS n FROM intake.events`))[0].n);

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake', tap: true });
    key = await insertApiKey(svc.db, 'acme', { name: 'zendesk' });
  });

  afterAll(() => svc?.stop());

  it('publishes survey.completed on the 1–5 scale with the platform’s answer, once however often it is sent', async () => {
    const id = 'zendesk:satisfaction:35436:1795829402000';
    await post({ satisfaction_rating: RATING }).expect(202, { accepted: [id], duplicates: [] });
    await post({ satisfaction_rating: RATING }).expect(202, { accepted: [], duplicates: [id] });
    await eventually(async () => expect(published().filter((e) => e.id === id)).toHaveLength(1));
    expect(published().find((e) => e.id === id)).toMatchObject({
      tenantid: 'acme',
      type: 'survey.completed',
      time: '2026-11-28T01:30:02.000Z',
      data: { score: 5, platformScore: { value: 'good', scale: 'bad/good' }, surveyId: 'zendesk:35436', caseId: '208', agentId: '135' },
    });
  });

  it('publishes a changed rating as a new answer of the same survey', async () => {
    await post({ ...RATING, score: 'bad', updated_at: '2026-11-29T08:00:00Z' }).expect(202);
    await eventually(async () =>
      expect(published().filter((e) => e.data['surveyId'] === 'zendesk:35436').map((e) => e.data['score'])).toEqual([5, 1]),
    );
  });

  it('stores nothing for an unanswered rating (200), a bad one (422 naming the field), or no API key (401)', async () => {
    const before = await count();
    const ignored = await post({ ...RATING, id: 9, score: 'offered' }).expect(200);
    expect(ignored.body).toEqual({ accepted: [], ignored: expect.any(String) });
    const bad = await post({ satisfaction_ratings: [RATING, { ...RATING, score: 'meh' }] }).expect(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ index: 1, path: 'score' })]);
    await svc.http().post(PATH).send({ satisfaction_rating: RATING }).expect(401);
    expect(await count()).toBe(before);
  });
});
