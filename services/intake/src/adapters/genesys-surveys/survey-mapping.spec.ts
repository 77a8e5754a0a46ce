import finished from '../../../test/fixtures/genesys-surveys/finished-survey.json';
import { mapSurveys, readSurveys } from './survey-mapping';

const map = (body: unknown) => {
  const delivery = readSurveys(body);
  if (!delivery.ok || !('records' in delivery)) throw new Error(JSON.stringify(delivery));
  return mapSurveys(delivery.records, delivery.batch);
};

const withAnswers = (answers: object) => ({ ...finished, answers });

describe('Genesys Cloud web surveys → survey.completed', () => {
  it('maps a finished survey on its conversation: total score 80 of 100 → 4, kept with its scale; the first text answer as comment', () => {
    expect(map(finished)).toEqual({
      outcome: 'mapped',
      events: [
        {
          id: 'genesys:survey:6c9e3f1a-5b7d-4e2a-9f10-2b8c4d6e8a01:1795860930000',
          source: '/genesys/surveys',
          type: 'survey.completed',
          time: '2026-11-28T10:15:30.000Z',
          data: {
            score: 4,
            platformScore: { value: 80, scale: '0-100' },
            surveyId: 'genesys:6c9e3f1a-5b7d-4e2a-9f10-2b8c4d6e8a01',
            contactId: 'a3f5c2d1-7e4b-4c8a-b9d0-1e2f3a4b5c6d',
            comment: 'Quick and friendly',
            agentId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
          },
        },
      ],
    });
  });

  it.each([
    [{ totalScore: 0 }, 1, 0, '0-100'],
    [{ totalScore: 100 }, 5, 100, '0-100'],
    [{ totalScore: 83.33 }, 4, 83.33, '0-100'],
    [{ npsScore: 9 }, 5, 9, '0-10'],
    [{ npsScore: 6 }, 3, 6, '0-10'],
    [{ npsScore: 0 }, 1, 0, '0-10'],
  ])('puts answers %j at %i, keeping %s on %s (NPS only when the form has no total score)', (answers, score, value, scale) => {
    expect(map(withAnswers(answers))).toMatchObject({ outcome: 'mapped', events: [{ data: { score, platformScore: { value, scale } } }] });
  });

  it('takes a notification or EventBridge event carrying a survey, and a list page; ignores other notifications', () => {
    expect(map({ topicName: 'v2.quality.surveys', version: '2', eventBody: finished })).toMatchObject({ outcome: 'mapped', events: [{ data: { score: 4 } }] });
    expect(map({ 'detail-type': 'v2.quality.surveys', source: 'aws.partner/genesys.com/x', detail: { topicName: 'v2.quality.surveys', eventBody: finished } })).toMatchObject({
      outcome: 'mapped',
    });
    expect(map({ entities: [finished, { ...finished, id: 'second', status: 'Expired' }], pageSize: 25 })).toMatchObject({ outcome: 'mapped', events: [{ data: { score: 4 } }] });
    expect(readSurveys({ topicName: 'v2.users.1b2c.activity', eventBody: { routingStatus: { status: 'IDLE' } } })).toEqual({ ok: true, ignored: 'v2.users.1b2c.activity' });
    expect(readSurveys({ unrelated: true })).toMatchObject({ ok: false });
  });

  it.each(['Pending', 'Sent', 'InProgress', 'OptOut', 'Error', 'Expired'])('ignores a survey that is %s: no answer yet', (status) => {
    expect(map({ ...finished, status, answers: undefined, completedDate: undefined })).toMatchObject({ outcome: 'ignored' });
  });

  it('names every missing or wrong field, with its index in a list', () => {
    expect(map({ ...finished, conversation: {}, completedDate: 'yesterday', answers: { totalScore: 120 } })).toEqual({
      outcome: 'unmappable',
      errors: [
        { path: 'conversation.id', message: 'Required: the surveyed conversation' },
        { path: 'completedDate', message: expect.any(String) },
        { path: 'answers.totalScore', message: 'Expected a number from 0 to 100, got 120' },
      ],
    });
    expect(map([finished, { ...finished, answers: { questionGroupScores: [] } }])).toEqual({
      outcome: 'unmappable',
      errors: [{ index: 1, path: 'answers', message: 'Required: answers.totalScore (0-100) or answers.npsScore (0-10)' }],
    });
    expect(map({ ...finished, status: undefined })).toMatchObject({ errors: [{ path: 'status', message: 'Required: the survey status, e.g. Finished' }] });
  });
});
