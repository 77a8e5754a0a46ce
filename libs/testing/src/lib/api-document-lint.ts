import type { NormalizedProblem } from '@redocly/openapi-core';

/**
 * Lints API documents for tests with Redocly's recommended rules (the engine of `redocly lint`):
 * OpenAPI 3.x and AsyncAPI 3. Returns the errors as `<pointer> <rule>: <message>`; warnings (the
 * UNLICENSED project's license has no URL) are not failures.
 */
async function redoclyErrors(document: unknown): Promise<string[]> {
  // Loaded when a test lints, not by every test that imports @hotline/testing.
  const { createConfig, lintFromString } = await import('@redocly/openapi-core');
  const config = await createConfig({ extends: ['recommended'] });
  const problems: NormalizedProblem[] = await lintFromString({ source: JSON.stringify(document), absoluteRef: 'document.json', config });
  return problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => `${problem.location.map((location) => location.pointer).join(', ')} ${problem.ruleId}: ${problem.message}`);
}

const PROBLEM_REF = '#/components/schemas/Problem';
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Our house rule on top: every 4xx/5xx answer is `application/problem+json` with the Problem schema
 * (RFC 9457), except health's 503, which is its report of the failing check, as load balancers read it.
 */
function problemResponseErrors(document: unknown): string[] {
  const errors: string[] = [];
  const paths = isObject(document) && isObject(document['paths']) ? document['paths'] : {};
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(isObject(item) ? item : {})) {
      const responses = isObject(operation) && isObject(operation['responses']) ? operation['responses'] : {};
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) < 400 || (path === '/health' && status === '503')) continue;
        const content = isObject(response) && isObject(response['content']) ? response['content'] : {};
        const problem = content['application/problem+json'];
        const schema = isObject(problem) ? problem['schema'] : undefined;
        if (!isObject(schema) || schema['$ref'] !== PROBLEM_REF) errors.push(`${method.toUpperCase()} ${path} ${status}: an error is application/problem+json with ${PROBLEM_REF}`);
      }
    }
  }
  return errors;
}

/** An OpenAPI document's errors: Redocly's recommended rules and the problem+json house rule. */
export async function lintOpenApi(document: unknown): Promise<string[]> {
  return [...(await redoclyErrors(document)), ...problemResponseErrors(document)];
}

/** An AsyncAPI 3 document's errors under Redocly's recommended rules. */
export function lintAsyncApi(document: unknown): Promise<string[]> {
  return redoclyErrors(document);
}
