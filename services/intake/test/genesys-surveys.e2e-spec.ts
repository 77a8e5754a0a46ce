import type { CloudEvent } from '@hotline/contracts';
import { eventually } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import finished from './fixtures/genesys-surveys/finished-survey.json';
import { insertApiKey } from './support/api-keys';

const PATH = '/v1/adapters/genesys/surveys';
const ID = 'genesys:survey:6c9e3f1a-5b7d-4e2a-9f10-2b8c4d6e8a01:1795860930000';

describe('intake: Genesys Cloud web survey results (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let key: string;
  const published = () => svc.tap.events as CloudEvent<Record<string, unknown>>[];
  const post = (body: unknown, apiKey = key) => svc.http().post(PATH).set('Authorization', `Bearer ${apiKey}`).send(body as object);
  const count = async () => Number((await svc.db.query(`SELECT count(*) AS n FROM intake.events`))[0].n);

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'intake', tap: true });
    key = await insertApiKey(svc.db, 'acme', { name: 'genesys' });
  });

  afterAll(() => svc?.stop());

  it('publishes a finished survey as survey.completed on its conversation (80 of 100 → 4), once however often it is sent', async () => {
    await post({ topicName: 'v2.quality.surveys', eventBody: finished }).expect(202, { accepted: [ID], duplicates: [] });
    await post(finished).expect(202, { accepted: [], duplicates: [ID] });
    await eventually(async () => expect(published().filter((e) => e.id === ID)).toHaveLength(1));
    expect(published().find((e) => e.id === ID)).toMatchObject({
      tenantid: 'acme',
      type: 'survey.completed',
      time: '2026-11-28T10:15:30.000Z',
      data: {
        score: 4,
        platformScore: { value: 80, scale: '0-100' },
        surveyId: 'genesys:6c9e3f1a-5b7d-4e2a-9f10-2b8c4d6e8a01',
        contactId: 'a3f5c2d1-7e4b-4c8a-b9d0-1e2f3a4b5c6d',
        agentId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
      },
    });
  });

  it('publishes an NPS-only survey of a page on the 0–10 scale', async () => {
    const npsOnly = { ...finished, id: 'nps-only', answers: { npsScore: 6, questionGroupScores: [] } };
    await post({ entities: [npsOnly, { ...finished, id: 'pending', status: 'Sent' }] }).expect(202);
    await eventually(async () =>
      expect(published().find((e) => e.data['surveyId'] === 'genesys:nps-only')?.data).toMatchObject({ score: 3, platformScore: { value: 6, scale: '0-10' } }),
    );
    expect(published().some((e) => e.data['surveyId'] === 'genesys:pending')).toBe(false);
  });

  it('stores nothing for an unfinished survey or another notification (200), a bad one (422 naming the field), or no API key (401)', async () => {
    const before = await count();
    expect((await post({ ...finished, id: 'x', status: 'Expired' }).expect(200)).body).toEqual({ accepted: [], ignored: expect.any(String) });
    await post({ topicName: 'v2.users.1b2c.activity', eventBody: { routingStatus: { status: 'IDLE' } } }).expect(200, { accepted: [], ignored: 'v2.users.1b2c.activity' });
    const bad = await post([finished, { ...finished, id: 'y', conversation: null }]).expect(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ index: 1, path: 'conversation.id' })]);
    const shapeless = await post({ rating: 5 }).expect(422);
    expect(shapeless.body.errors).toEqual([expect.objectContaining({ path: '' })]);
    await svc.http().post(PATH).send(finished).expect(401);
    expect(await count()).toBe(before);
  });
});
