import { newCloudEvent } from '@hotline/contracts';
import { eventually, lintOpenApi, publishToBus } from '@hotline/testing';
import type { StartedService } from './start-service';

/**
 * Checks every service answers alike, written once: its OpenAPI document, and (for consumers) the
 * wiring of libs/tenant-standards. Each service's spec calls them with what is its own.
 */

/**
 * The served OpenAPI document lints clean, `path`'s GET is a JWT route answering `schema`, and
 * (every consumer has it) GET /v1/standards answers its HeldStandards schema.
 */
export async function expectServedOpenApi(svc: StartedService, path: string, schema: string): Promise<void> {
  const doc = (await svc.http().get('/docs-json').expect(200)).body;
  expect(await lintOpenApi(doc)).toEqual([]);
  expect(doc.security).toEqual([{ jwt: [] }]);
  const operation = doc.paths[path].get;
  expect(operation.security).toBeUndefined();
  expect(JSON.stringify(operation.responses['200'])).toContain(`#/components/schemas/${schema}`);
  expect(operation.responses['401'].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
  expect(doc.paths['/health'].get.security).toEqual([]);
  expect(JSON.stringify(doc.paths['/v1/standards'].get.responses['200'])).toContain('#/components/schemas/HeldStandards');
}

/** A `standards.published` on the bus (delivered twice) is kept and resolved by `?at=` at GET /v1/standards. */
export async function expectTenantStandardsWired(svc: StartedService): Promise<void> {
  const event = newCloudEvent({
    type: 'standards.published',
    source: '/hotline/intake',
    tenantId: 'acme',
    id: 'standards.published:acme:3',
    data: { version: '3', effectiveFrom: '2026-01-01T00:00:00Z', standards: { 'network-fault-response': { kind: 'deadline', seconds: 600 } } },
  });
  await publishToBus(svc.env.namespace, [event, event]);
  const token = await svc.token({ tenant: 'acme', roles: ['ops'] });
  const get = (query: string) => svc.http().get(`/v1/standards${query}`).auth(token, { type: 'bearer' });
  await eventually(async () => {
    const body = (await get('?at=2026-02-01T00:00:00Z').expect(200)).body;
    expect(body.inForce).toEqual({ version: 'acme:3@1', tenantVersion: '3', effectiveFrom: '2026-01-01T00:00:00.000Z' });
    expect(body.versions).toEqual([expect.objectContaining({ version: '3', standards: event.data.standards, inForce: true })]);
  });
  expect((await get('?at=2025-12-31T23:59:59Z').expect(200)).body.inForce.version).toBe('1');
}
