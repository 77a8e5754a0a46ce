import type { OpenAPIObject, OperationObject, ReferenceObject, ResponseObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem';
import { problemSchema } from '../errors/problem-schema';
import { zodApiSchema } from './api-schema';
import { operationsOf } from './openapi-operations';

export const PROBLEM_SCHEMA_NAME = 'Problem';

const PROBLEM_CONTENT = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `#/components/schemas/${PROBLEM_SCHEMA_NAME}` } } };

/** Errors any route may answer, whatever it does. */
const EVERY_ROUTE: Record<string, ResponseObject> = {
  '400': { description: 'A path or query parameter that is not valid percent-encoded UTF-8, named in `errors`' },
  '500': { description: 'An unexpected error; it has been logged, and the problem reveals nothing more' },
};

/** Errors a route that reads a body may answer (the body parsers run before any route). */
const WITH_BODY: Record<string, ResponseObject> = {
  '400': { description: 'Malformed JSON, or a body nested too deeply (`urn:hotline:problem:body-too-deep`)' },
  '413': { description: 'The body is larger than the limit' },
};

const UNAVAILABLE: ResponseObject = {
  description: 'A dependency (the database) is unavailable; nothing was stored. Retry after `Retry-After` seconds',
  headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } } },
};

/**
 * Documents every error as what it is: an RFC 9457 `application/problem+json` body (the `Problem`
 * component, generated from the zod schema the errors are typed from). Adds the errors every route
 * can give (400, 500; 413 with a body; 503 for authenticated routes, whose credentials are checked
 * against the database) where the route does not document them itself, and gives each 4xx/5xx
 * response that has no body of its own the problem body.
 */
export function documentProblemResponses(document: OpenAPIObject): void {
  for (const { operation } of operationsOf(document)) {
    addMissing(operation, EVERY_ROUTE);
    if (operation.requestBody) addMissing(operation, WITH_BODY);
    if (!isPublic(operation)) addMissing(operation, { '503': UNAVAILABLE });
    for (const [status, response] of Object.entries(operation.responses)) {
      if (Number(status) >= 400 && response && !isReference(response) && !response.content) response.content = { ...PROBLEM_CONTENT };
    }
  }
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, [PROBLEM_SCHEMA_NAME]: zodApiSchema(problemSchema, 'output') },
  };
}

/** An operation open to anyone (`security: []`), which touches no credential store. */
function isPublic(operation: OperationObject): boolean {
  return Array.isArray(operation.security) && operation.security.length === 0;
}

function isReference(response: ResponseObject | ReferenceObject): response is ReferenceObject {
  return '$ref' in response;
}

function addMissing(operation: OperationObject, responses: Record<string, ResponseObject>): void {
  for (const [status, response] of Object.entries(responses)) operation.responses[status] ??= structuredClone(response);
}
