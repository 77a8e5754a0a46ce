import type { SchemaObject } from '@nestjs/swagger';
import { namedApiSchema } from '@hotline/platform';

const ref = (what: string): SchemaObject => ({ type: 'object', description: what, properties: { id: { type: 'string' } }, additionalProperties: true });

const survey: SchemaObject = {
  type: 'object',
  description: 'A Genesys Cloud survey (Quality API Survey)',
  required: ['id', 'status'],
  properties: {
    id: { type: 'string' },
    conversation: ref('The surveyed conversation'),
    surveyForm: ref('The survey form'),
    agent: ref('The agent of the conversation'),
    queue: ref('The queue of the conversation'),
    status: { type: 'string', enum: ['Pending', 'Sent', 'InProgress', 'Finished', 'OptOut', 'Error', 'Expired'] },
    answers: {
      type: 'object',
      properties: { totalScore: { type: 'number', minimum: 0, maximum: 100 }, npsScore: { type: 'integer', minimum: 0, maximum: 10 }, questionGroupScores: { type: 'array', items: { type: 'object' } } },
      additionalProperties: true,
    },
    completedDate: { type: 'string', format: 'date-time' },
  },
  additionalProperties: true,
};

/** What the Genesys surveys route takes: a survey, a list of them, or a notification carrying one. */
export const genesysSurveysApiSchema = namedApiSchema('GenesysCloudSurveys', {
  oneOf: [
    survey,
    { type: 'array', minItems: 1, items: survey },
    { type: 'object', required: ['entities'], properties: { entities: { type: 'array', items: survey } } },
    { type: 'object', required: ['eventBody'], properties: { topicName: { type: 'string' }, eventBody: survey } },
    {
      type: 'object',
      required: ['detail'],
      description: 'An EventBridge event whose detail is the notification',
      properties: { 'detail-type': { type: 'string' }, detail: { type: 'object', required: ['eventBody'], properties: { topicName: { type: 'string' }, eventBody: survey } } },
    },
  ],
});
