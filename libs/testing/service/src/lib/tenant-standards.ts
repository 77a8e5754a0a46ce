import { type EventDataInput, newCloudEvent } from '@hotline/contracts';
import { eventually, publishToBus } from '@hotline/testing';
import type { StartedService } from './start-service';

/**
 * Puts a tenant's tightened standards in force in a consumer, as intake would publish them
 * (`standards.published`, version 3 from 2026-01-01), and waits until the service holds them:
 * GET /v1/standards reads the table and refreshes this process's cache, so the next event sees them.
 */
export async function tightenTenantStandards(svc: StartedService, tenant: string, token: string, standards: EventDataInput<'standards.published'>['standards']): Promise<void> {
  const published = newCloudEvent({
    type: 'standards.published',
    source: '/hotline/intake',
    tenantId: tenant,
    id: `standards.published:${tenant}:3`,
    data: { version: '3', effectiveFrom: '2026-01-01T00:00:00Z', standards },
  });
  await publishToBus(svc.env.namespace, [published]);
  await eventually(async () => {
    const held = await svc.http().get('/v1/standards').auth(token, { type: 'bearer' }).expect(200);
    expect(held.body.inForce.version).toBe(`${tenant}:3@1`);
  });
}
