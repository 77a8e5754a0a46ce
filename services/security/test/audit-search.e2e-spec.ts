import { newCloudEvent } from '@hotline/contracts';
import { eventually, publishToBus } from '@hotline/testing';
import { startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

describe('security: searching the audit trail by actor, subject, type and time, page by page (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let token: string;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'security', consumer: 'security' });
    token = await svc.token({ tenant: 'acme', roles: ['security'] });
    const at = (minute: number) => `2026-11-25T10:${String(minute).padStart(2, '0')}:00Z`;
    await publishToBus(svc.env.namespace, [
      newCloudEvent({ type: 'contact.answered', source: '/test', tenantId: 'acme', time: at(1), data: { contactId: 'C-1', agentId: 'A-1' } }),
      newCloudEvent({ type: 'contact.answered', source: '/test', tenantId: 'acme', time: at(2), data: { contactId: 'C-2', agentId: 'A-2' } }),
      newCloudEvent({ type: 'case.opened', source: '/test', tenantId: 'acme', time: at(3), data: { caseId: 'CASE-1', contactId: 'C-1', type: 'billing', priority: 'P3', summary: 's' } }),
      newCloudEvent({ type: 'case.assigned', source: '/test', tenantId: 'acme', time: at(4), data: { caseId: 'CASE-1', agentId: 'A-1', assignedAt: at(4) } }),
      newCloudEvent({ type: 'contact.answered', source: '/test', tenantId: 'acme', time: at(5), data: { contactId: 'C-3', agentId: 'A-1' } }),
      newCloudEvent({ type: 'contact.answered', source: '/test', tenantId: 'other', time: at(1), data: { contactId: 'C-1', agentId: 'A-1' } }),
    ]);
    await eventually(async () => expect(Number((await svc.db.query(`SELECT count(*) AS n FROM security.audit_entries`))[0].n)).toBe(6));
  });

  afterAll(() => svc?.stop());

  const search = async (query: string, bearer = token) => (await svc.http().get(`/v1/audit/entries?${query}`).auth(bearer, { type: 'bearer' }).expect(200)).body;
  const subjects = (body: { items: { subject: string }[] }) => body.items.map((item) => item.subject);

  it('filters by actor, subject, type and event time, newest first, within the tenant', async () => {
    expect(subjects(await search('actor=A-1'))).toEqual(['C-3', 'CASE-1', 'C-1']);
    expect(subjects(await search('subject=CASE-1'))).toEqual(['CASE-1', 'CASE-1']);
    expect((await search('subject=CASE-1&type=case.assigned')).items).toEqual([
      expect.objectContaining({ type: 'case.assigned', actor: 'A-1', subject: 'CASE-1', occurredAt: '2026-11-25T10:04:00Z', hashVersion: 2 }),
    ]);
    expect(subjects(await search('from=2026-11-25T10:02:00Z&to=2026-11-25T10:04:00Z'))).toEqual(['CASE-1', 'C-2']);
    expect(subjects(await search('from=2026-11-25T11:03:00%2B01:00'))).toEqual(['C-3', 'CASE-1', 'CASE-1']);
    const other = await svc.token({ tenant: 'other', roles: ['security'] });
    expect((await search('actor=A-1', other)).items).toEqual([expect.objectContaining({ tenantId: 'other', subject: 'C-1' })]);
  });

  it('pages with limit and cursor until nextCursor is null', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { subject: string }[]; nextCursor: string | null } = await search(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...subjects(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['C-3', 'CASE-1', 'CASE-1', 'C-2', 'C-1']);
  });

  it('refuses malformed or unknown parameters with a 400 naming them', async () => {
    const cases: [string, string][] = [
      ['from=yesterday', 'query.from'],
      ['to=2026-11-25T10:00:00', 'query.to'],
      ['from=2026-11-25T10:00:00Z&to=2026-11-25T09:00:00Z', 'query.to'],
      ['cursor=abc', 'query.cursor'],
      ['cursor=0', 'query.cursor'],
      ['actor=', 'query.actor'],
      ['subject=a&subject=b', 'query.subject'],
    ];
    for (const [query, path] of cases) {
      const res = await svc.http().get(`/v1/audit/entries?${query}`).auth(token, { type: 'bearer' }).expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors).toEqual([expect.objectContaining({ path })]);
    }
    const unknown = await svc.http().get('/v1/audit/entries?agent=A-1').auth(token, { type: 'bearer' }).expect(400);
    expect(JSON.stringify(unknown.body.errors)).toContain('agent');
  });

  it('answers the security role only, and nobody without a token', async () => {
    const agent = await svc.token({ tenant: 'acme', roles: ['agent'] });
    await svc.http().get('/v1/audit/entries').auth(agent, { type: 'bearer' }).expect(403);
    await svc.http().get('/v1/audit/verify').auth(agent, { type: 'bearer' }).expect(403);
    await svc.http().get('/v1/audit/entries').expect(401);
  });
});
