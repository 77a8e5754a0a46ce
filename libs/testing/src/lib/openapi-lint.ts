/**
 * A structural lint of an OpenAPI 3.0 document, for tests: the checks of a linter's recommended
 * rule set that matter to an integrator (every `$ref` resolves, every security requirement names a
 * declared scheme, path parameters match their templates, operation ids are unique, schemas use
 * only OpenAPI 3.0 keywords, every operation has a summary and a 2xx response), and the house
 * rules (every 4xx/5xx answer is an `application/problem+json` Problem). Returns one message per
 * finding, `<JSON pointer>: <what is wrong>`; an empty list means the document is clean.
 */

import { escapePointer as escape, isObject, type Json, type JsonObject, lintReferences, resolvePointer } from './json-document';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const STATUS = /^([1-5]\d\d|[1-5]XX|default)$/;
const SCHEMA_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object'];
/** The Schema Object's fixed fields in OpenAPI 3.0.3 (anything else must be an `x-` extension). */
const SCHEMA_KEYWORDS = new Set([
  '$ref', 'title', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength',
  'pattern', 'maxItems', 'minItems', 'uniqueItems', 'maxProperties', 'minProperties', 'required', 'enum', 'type', 'allOf',
  'oneOf', 'anyOf', 'not', 'items', 'properties', 'additionalProperties', 'description', 'format', 'default', 'nullable',
  'discriminator', 'readOnly', 'writeOnly', 'xml', 'externalDocs', 'example', 'deprecated',
]);
const PROBLEM_REF = '#/components/schemas/Problem';

export function lintOpenApi(input: unknown): string[] {
  const findings: string[] = [];
  const report = (pointer: string, message: string) => findings.push(`${pointer || '#'}: ${message}`);
  const document = input as Json;
  if (!isObject(document)) return ['#: the document is not a JSON object'];

  if (typeof document['openapi'] !== 'string' || !/^3\.0\.\d+$/.test(document['openapi'])) report('#/openapi', 'expected OpenAPI 3.0.x');
  const info = document['info'];
  if (!isObject(info) || typeof info['title'] !== 'string' || !info['title'] || typeof info['version'] !== 'string') {
    report('#/info', 'needs a title and a version');
  }
  if (!Array.isArray(document['servers']) || document['servers'].length === 0) report('#/servers', 'needs at least one server');

  lintReferences(document, document, '#', report);
  const schemes = lintSecuritySchemes(document, report);
  lintRequirements(document['security'], schemes, '#/security', report);
  const paths = document['paths'];
  if (!isObject(paths)) {
    report('#/paths', 'missing');
    return findings;
  }
  const operationIds = new Map<string, string>();
  for (const [path, item] of Object.entries(paths)) {
    const itemPointer = `#/paths/${escape(path)}`;
    if (!path.startsWith('/')) report(itemPointer, 'a path starts with /');
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const pointer = `${itemPointer}/${method}`;
      const id = operation['operationId'];
      if (typeof id !== 'string' || !id) report(pointer, 'needs an operationId');
      else if (operationIds.has(id)) report(pointer, `operationId ${id} is also used at ${operationIds.get(id)}`);
      else operationIds.set(id, pointer);
      if (typeof operation['summary'] !== 'string' || !operation['summary']) report(pointer, 'needs a summary');
      lintParameters(document, path, [item['parameters'], operation['parameters']], pointer, report);
      lintRequestBody(operation['requestBody'], `${pointer}/requestBody`, report);
      lintResponses(operation['responses'], path, `${pointer}/responses`, report);
      const security = operation['security'] ?? document['security'];
      lintRequirements(operation['security'], schemes, `${pointer}/security`, report);
      const open = Array.isArray(security) && security.length === 0;
      const responses = isObject(operation['responses']) ? operation['responses'] : {};
      if (!open && !responses['401'] && !responses['403']) report(`${pointer}/responses`, 'an authenticated route documents its 401 or 403');
    }
  }
  lintSchemas(document, document, '#', report);
  return findings;
}

function lintSecuritySchemes(document: JsonObject, report: (p: string, m: string) => void): Set<string> {
  const components = document['components'];
  const schemes = isObject(components) && isObject(components['securitySchemes']) ? components['securitySchemes'] : {};
  for (const [name, scheme] of Object.entries(schemes)) {
    const pointer = `#/components/securitySchemes/${escape(name)}`;
    if (!isObject(scheme)) continue;
    const type = scheme['type'];
    if (type === 'http') {
      if (typeof scheme['scheme'] !== 'string') report(pointer, 'an http scheme names its scheme');
      if (scheme['bearerFormat'] !== undefined && scheme['scheme'] !== 'bearer') report(pointer, 'bearerFormat is for bearer schemes');
    } else if (type === 'apiKey') {
      if (typeof scheme['name'] !== 'string' || !['query', 'header', 'cookie'].includes(String(scheme['in']))) {
        report(pointer, 'an apiKey scheme has a name and is in query, header or cookie');
      }
    } else if (type !== 'oauth2' && type !== 'openIdConnect') {
      report(pointer, `unknown security scheme type ${JSON.stringify(type)}`);
    }
  }
  return new Set(Object.keys(schemes));
}

function lintRequirements(security: Json | undefined, schemes: Set<string>, pointer: string, report: (p: string, m: string) => void): void {
  if (security === undefined) return;
  if (!Array.isArray(security)) return report(pointer, 'security is an array of requirements');
  security.forEach((requirement, index) => {
    if (!isObject(requirement)) return report(`${pointer}/${index}`, 'a requirement is an object');
    for (const name of Object.keys(requirement)) {
      if (!schemes.has(name)) report(`${pointer}/${index}`, `security scheme ${name} is not declared in components.securitySchemes`);
    }
  });
}

function lintParameters(
  document: JsonObject,
  path: string,
  lists: (Json | undefined)[],
  pointer: string,
  report: (p: string, m: string) => void,
): void {
  const seen = new Set<string>();
  const pathParameters = new Set<string>();
  for (const list of lists) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      report(pointer, 'parameters is an array');
      continue;
    }
    list.forEach((entry, index) => {
      const parameter = isObject(entry) && typeof entry['$ref'] === 'string' ? resolvePointer(document, entry['$ref']) : entry;
      const at = `${pointer}/parameters/${index}`;
      if (!isObject(parameter)) return;
      const key = `${parameter['in']}:${parameter['name']}`;
      if (seen.has(key)) report(at, `parameter ${key} is declared twice`);
      seen.add(key);
      if (!['query', 'header', 'path', 'cookie'].includes(String(parameter['in']))) report(at, 'a parameter is in query, header, path or cookie');
      if (parameter['schema'] === undefined && parameter['content'] === undefined) report(at, 'a parameter has a schema or content');
      if (parameter['in'] === 'path') {
        pathParameters.add(String(parameter['name']));
        if (parameter['required'] !== true) report(at, 'a path parameter is required');
      }
    });
  }
  const templated = new Set([...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]));
  for (const name of templated) if (!pathParameters.has(name)) report(pointer, `path parameter {${name}} is not declared`);
  for (const name of pathParameters) if (!templated.has(name)) report(pointer, `path parameter ${name} is not in the path`);
}

function lintRequestBody(body: Json | undefined, pointer: string, report: (p: string, m: string) => void): void {
  if (body === undefined) return;
  if (!isObject(body) || !isObject(body['content']) || Object.keys(body['content']).length === 0) {
    return report(pointer, 'a request body has content');
  }
  for (const [type, media] of Object.entries(body['content'])) {
    if (!isObject(media) || !isObject(media['schema'])) report(`${pointer}/content/${escape(type)}`, 'a request body has a schema');
  }
}

function lintResponses(responses: Json | undefined, path: string, pointer: string, report: (p: string, m: string) => void): void {
  if (!isObject(responses) || Object.keys(responses).length === 0) return report(pointer, 'an operation documents its responses');
  if (!Object.keys(responses).some((status) => /^2/.test(status))) report(pointer, 'an operation has a 2xx response');
  for (const [status, response] of Object.entries(responses)) {
    const at = `${pointer}/${status}`;
    if (!STATUS.test(status)) report(at, 'not an HTTP status');
    if (!isObject(response)) continue;
    if (typeof response['description'] !== 'string') report(at, 'a response has a description');
    // Health's 503 is its report (which check failed), as load balancers read it; every other error is a problem.
    if (Number(status) >= 400 && !(path === '/health' && status === '503')) {
      const content = isObject(response['content']) ? response['content'] : {};
      const problem = content['application/problem+json'];
      const schema = isObject(problem) ? problem['schema'] : undefined;
      if (!isObject(schema) || schema['$ref'] !== PROBLEM_REF) report(at, `an error is application/problem+json with the schema ${PROBLEM_REF}`);
    }
  }
}

/** Every schema, wherever it is, uses OpenAPI 3.0's keywords only, with values of the right shape. */
function lintSchemas(document: JsonObject, node: Json, pointer: string, report: (p: string, m: string) => void): void {
  if (Array.isArray(node)) return node.forEach((child, index) => lintSchemas(document, child, `${pointer}/${index}`, report));
  if (!isObject(node)) return;
  for (const [key, child] of Object.entries(node)) {
    const at = `${pointer}/${escape(key)}`;
    if (key === 'schema') lintSchema(document, child, at, report);
    else if (key === 'schemas' && pointer === '#/components' && isObject(child)) {
      for (const [name, schema] of Object.entries(child)) lintSchema(document, schema, `${at}/${escape(name)}`, report);
    } else lintSchemas(document, child, at, report);
  }
}

function lintSchema(document: JsonObject, schema: Json | undefined, pointer: string, report: (p: string, m: string) => void): void {
  if (!isObject(schema)) return report(pointer, 'a schema is an object');
  for (const key of Object.keys(schema)) {
    if (!SCHEMA_KEYWORDS.has(key) && !key.startsWith('x-')) report(pointer, `${key} is not an OpenAPI 3.0 schema keyword`);
  }
  const type = schema['type'];
  if (type !== undefined && (typeof type !== 'string' || !SCHEMA_TYPES.includes(type))) report(pointer, `type ${JSON.stringify(type)} is not an OpenAPI 3.0 type`);
  if (type === 'array' && schema['items'] === undefined) report(pointer, 'an array schema has items');
  const required = schema['required'];
  if (required !== undefined && (!Array.isArray(required) || required.length === 0 || required.some((name) => typeof name !== 'string'))) {
    report(pointer, 'required is a non-empty list of property names');
  }
  const values = schema['enum'];
  if (values !== undefined && (!Array.isArray(values) || values.length === 0)) report(pointer, 'enum is a non-empty list');
  for (const bound of ['exclusiveMinimum', 'exclusiveMaximum']) {
    if (schema[bound] !== undefined && typeof schema[bound] !== 'boolean') report(pointer, `${bound} is a boolean in OpenAPI 3.0`);
  }
  const discriminator = schema['discriminator'];
  if (isObject(discriminator) && isObject(discriminator['mapping'])) {
    for (const [value, ref] of Object.entries(discriminator['mapping'])) {
      if (typeof ref !== 'string' || resolvePointer(document, ref) === undefined) report(pointer, `discriminator value ${value} maps to nothing`);
    }
  }
  const properties = schema['properties'];
  if (isObject(properties)) {
    for (const [name, property] of Object.entries(properties)) lintSchema(document, property, `${pointer}/properties/${escape(name)}`, report);
  }
  for (const key of ['items', 'not']) if (schema[key] !== undefined) lintSchema(document, schema[key], `${pointer}/${key}`, report);
  const additional = schema['additionalProperties'];
  if (isObject(additional)) lintSchema(document, additional, `${pointer}/additionalProperties`, report);
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    const list = schema[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) report(pointer, `${key} is a non-empty list`);
    else list.forEach((member, index) => lintSchema(document, member, `${pointer}/${key}/${index}`, report));
  }
}
