import { createHash } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { amqpConsumer, bootstrapService } from '@hotline/platform';
import { eventually, publishToBus } from '@hotline/testing';
import { startService, type StartedService, tightenTenantStandards } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';
import { leakingTranscript } from './leaking-transcript';

/** acme's personal-data-leak report, tightened to 2 s (72 h by default; a tenant may tighten it) so a step falls due in seconds. */
const REPORT_SECONDS = 2;
/** initech's, for the restart test: long enough to stop the app before it falls due. */
const DOWNTIME_REPORT_SECONDS = 5;
const EVIDENCE_MAX_BYTES = 4096;


const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

type Step = { id: string; state: string; dueAt: string; note: string | null; standardId?: string; standardVersion?: string };

describe('security: incident response — plan steps on durable timers, review to close, evidence with custody (real HTTP, PostgreSQL, RabbitMQ)', () => {
  let svc: StartedService;
  let officer: string;
  /** Replicas started on the same database and namespace by the restart test. */
  const replicas: NestExpressApplication[] = [];

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'security', consumer: 'security', tap: true, env: { SECURITY_EVIDENCE_MAX_BYTES: String(EVIDENCE_MAX_BYTES) } });
    officer = await svc.token({ tenant: 'acme', roles: ['security'], subject: 'officer-1' });
    await tightenTenantStandards(svc, 'acme', officer, { 'personal-data-leak-report': { kind: 'deadline', seconds: REPORT_SECONDS } });
    const initech = await svc.token({ tenant: 'initech', roles: ['security'] });
    await tightenTenantStandards(svc, 'initech', initech, { 'personal-data-leak-report': { kind: 'deadline', seconds: DOWNTIME_REPORT_SECONDS } });
  });

  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await svc?.stop();
  });

  const as = (token: string) => ({
    get: (path: string) => svc.http().get(path).auth(token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => svc.http().post(path).auth(token, { type: 'bearer' }).send(body),
  });
  const detail = async (id: string, token = officer) => (await as(token).get(`/v1/incidents/${id}`).expect(200)).body;
  const stepOf = async (id: string, stepId: string): Promise<Step> => (await detail(id)).steps.find((step: Step) => step.id === stepId);
  const timerDue = async (id: string, stepId: string): Promise<Date | undefined> => {
    const [row] = await svc.db.query(`SELECT due_at FROM security.timers WHERE kind = 'incident.step' AND key = $1`, [`${id}/${stepId}`]);
    return row ? new Date(row.due_at) : undefined;
  };
  const escalations = (id: string) => svc.tap.events.filter((event) => event.type === 'incident.escalated' && (event.data as { incidentId: string }).incidentId === id);
  const audited = (action: string, subject: string) =>
    svc.tap.events.filter((event) => event.type === 'audit.recorded' && (event.data as { action: string }).action === action && event.subject === subject);

  /** Publishes a transcript in which the agent spoke a masked number, and awaits the incident it opens with its step timers. */
  const openIncident = async (contactId: string, tenantId = 'acme', token = officer): Promise<string> => {
    await publishToBus(svc.env.namespace, [leakingTranscript(contactId, tenantId, 'A-9')]);
    const id = await eventually(async () => {
      const items: { id: string; summary: string }[] = (await as(token).get('/v1/incidents?type=pii_spoken_by_agent&limit=100').expect(200)).body.items;
      const found = items.find(({ summary }) => summary.includes(contactId));
      expect(found).toBeDefined();
      return found?.id ?? '';
    });
    // The review's timer (14 days) is surely still set: the report's may have fired already.
    expect(await timerDue(id, 'review')).toBeDefined();
    return id;
  };

  it('runs the plan: a step completed (once) stops its timer; an overdue step escalates on time, on the bus and the timeline', async () => {
    const id = await openIncident('C-STEPS');
    const opened = await detail(id);
    expect(opened.steps.map(({ id: step, state }: Step) => [step, state])).toEqual([
      ['triage', 'pending'],
      ['contain', 'pending'],
      ['report', expect.stringMatching(/^(pending|late)$/)],
      ['review', 'pending'],
    ]);
    const report = opened.steps.find((step: Step) => step.id === 'report');
    expect(Date.parse(report.dueAt) - Date.parse(opened.openedAt)).toBe(REPORT_SECONDS * 1000);
    expect(report).toMatchObject({ standardId: 'personal-data-leak-report', standardVersion: 'acme:3@1' });
    const review = opened.steps.find((step: Step) => step.id === 'review');
    expect((await timerDue(id, 'review'))?.toISOString()).toBe(review.dueAt);

    const completed = (await as(officer).post(`/v1/incidents/${id}/steps/triage/complete`, { note: 'Listened: number read back' }).expect(200)).body;
    expect(completed.steps[0]).toMatchObject({ id: 'triage', state: 'done', note: 'Listened: number read back', completedBy: { id: 'officer-1' } });
    expect(await timerDue(id, 'triage')).toBeUndefined();
    // Again: idempotent, the first note stays, nothing more audited.
    await as(officer).post(`/v1/incidents/${id}/steps/triage/complete`, { note: 'again' }).expect(200);
    expect(await stepOf(id, 'triage')).toMatchObject({ state: 'done', note: 'Listened: number read back' });

    const unknown = await as(officer).post(`/v1/incidents/${id}/steps/dance/complete`).expect(404);
    expect(unknown.body.detail).toContain('triage, contain, report, review');
    // `contain` is the supervisor's (or security's): an admin passes the route but not the step's owner check; an agent not even the route.
    const admin = await svc.token({ tenant: 'acme', roles: ['admin'] });
    expect((await as(admin).post(`/v1/incidents/${id}/steps/contain/complete`).expect(403)).body.detail).toContain('supervisor');
    await as(await svc.token({ tenant: 'acme', roles: ['agent'] })).post(`/v1/incidents/${id}/steps/contain/complete`).expect(403);
    await as(officer).post(`/v1/incidents/${id}/steps/contain/complete`, { note: '' }).expect(400);
    expect(await stepOf(id, 'contain')).toMatchObject({ state: 'pending' });

    const [escalated] = await eventually(async () => {
      expect(escalations(id)).toHaveLength(1);
      return escalations(id);
    });
    expect(escalated).toMatchObject({
      tenantid: 'acme',
      subject: id,
      data: { incidentId: id, kind: 'pii_spoken_by_agent', stepId: 'report', ownerRole: 'security', dueAt: report.dueAt, escalationLevel: 1, late: false, standardId: 'personal-data-leak-report', standardVersion: 'acme:3@1' },
    });
    const after = await detail(id);
    expect(after.escalationLevel).toBe(1);
    expect(after.steps.find((step: Step) => step.id === 'report')).toMatchObject({ state: 'late', lateAt: expect.any(String), completedAt: null });
    expect(after.timeline.filter(({ kind }: { kind: string }) => kind === 'step_overdue')).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ stepId: 'report', escalationLevel: 1, late: false }) }),
    ]);
    expect(await timerDue(id, 'report')).toBeUndefined();
    await eventually(async () => expect(audited('incident.step_complete', id)).toHaveLength(1));

    // A late step completed is done, and says it was late.
    const done = (await as(officer).post(`/v1/incidents/${id}/steps/report/complete`, { note: 'Reported to the DPO' }).expect(200)).body;
    expect(done.steps.find((step: Step) => step.id === 'report')).toMatchObject({ state: 'done', lateAt: expect.any(String) });
    expect(done.timeline.at(-1)).toMatchObject({ kind: 'step_completed', detail: { stepId: 'report', late: true } });
  });

  it('closes only with a post-incident review, which completes the review step and stops what is left', async () => {
    const id = await openIncident('C-CLOSE');
    const move = (body: object) => as(officer).post(`/v1/incidents/${id}/transitions`, body);
    for (const to of ['triaged', 'contained', 'resolved']) await move({ to, reason: `now ${to}` }).expect(200);
    // The moves did the triage and containment steps.
    expect((await detail(id)).steps.map(({ id: step, state }: Step) => [step, state])).toEqual([
      ['triage', 'done'],
      ['contain', 'done'],
      ['report', expect.stringMatching(/pending|late/)],
      ['review', 'pending'],
    ]);
    const refused = await move({ to: 'closed', reason: 'done' }).expect(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: 'review' })]);
    expect((await detail(id)).state).toBe('resolved');

    const review = { summary: 'Agent read a mobile number back', rootCause: 'Script asks to confirm the number aloud', actions: ['Change the script', 'Brief the team'] };
    const closed = (await move({ to: 'closed', reason: 'reviewed', review }).expect(200)).body;
    expect(closed).toMatchObject({ state: 'closed', review });
    expect(closed.steps.find((step: Step) => step.id === 'review')).toMatchObject({ state: 'done' });
    const [{ n }] = await svc.db.query(`SELECT count(*)::int AS n FROM security.timers WHERE kind = 'incident.step' AND key LIKE $1`, [`${id}/%`]);
    expect(n).toBe(0);
    const stillOpen = closed.steps.find((step: Step) => step.state !== 'done');
    if (stillOpen) await as(officer).post(`/v1/incidents/${id}/steps/${stillOpen.id}/complete`).expect(409);
    await eventually(async () => {
      const moves = svc.tap.events.filter((event) => event.type === 'incident.transitioned' && event.subject === id);
      expect(moves.map((event) => (event.data as { to: string }).to)).toEqual(['triaged', 'contained', 'resolved', 'closed']);
    });
  });

  it('keeps evidence with its hash and chain of custody, refuses what does not match or is too large, and reports a tampered blob', async () => {
    const id = await openIncident('C-EVIDENCE');
    const content = Buffer.from('segment 0: 您的号码是 138****5678');
    const evidence = { name: 'segment-0.txt', mediaType: 'text/plain', content: content.toString('base64'), sha256: sha256(content) };

    const mismatch = await as(officer).post(`/v1/incidents/${id}/evidence`, { ...evidence, sha256: sha256(Buffer.from('other')) }).expect(422);
    expect(mismatch.headers['content-type']).toContain('application/problem+json');
    expect(mismatch.body.errors).toEqual([expect.objectContaining({ path: 'sha256' })]);
    const big = Buffer.alloc(EVIDENCE_MAX_BYTES + 1, 1);
    const tooLarge = await as(officer).post(`/v1/incidents/${id}/evidence`, { ...evidence, content: big.toString('base64'), sha256: sha256(big) }).expect(413);
    expect(tooLarge.headers['content-type']).toContain('application/problem+json');
    const notBase64 = await as(officer).post(`/v1/incidents/${id}/evidence`, { ...evidence, content: 'not base64!' }).expect(400);
    expect(notBase64.body.errors).toEqual([expect.objectContaining({ path: 'content' })]);
    await as(await svc.token({ tenant: 'acme', roles: ['admin'] })).post(`/v1/incidents/${id}/evidence`, evidence).expect(403);

    const added = (await as(officer).post(`/v1/incidents/${id}/evidence`, evidence).expect(201)).body;
    expect(added).toMatchObject({ incidentId: id, name: 'segment-0.txt', sizeBytes: content.length, sha256: evidence.sha256, integrity: 'intact' });
    expect(added.custody).toEqual([expect.objectContaining({ action: 'collected', actor: expect.objectContaining({ id: 'officer-1' }), intact: true })]);
    const evidencePath = `/v1/incidents/${id}/evidence/${added.id}`;

    const downloaded = (await as(officer).get(evidencePath).expect(200)).body;
    expect(Buffer.from(downloaded.content, 'base64').equals(content)).toBe(true);
    expect(downloaded).toMatchObject({ integrity: 'intact', actualSha256: evidence.sha256 });
    expect(downloaded.custody.map(({ action }: { action: string }) => action)).toEqual(['collected', 'accessed']);

    const noRecipient = await as(officer).post(`${evidencePath}/custody`, { action: 'transferred' }).expect(400);
    expect(noRecipient.body.errors).toEqual([expect.objectContaining({ path: 'to' })]);
    await as(officer).post(`${evidencePath}/custody`, { action: 'transferred', to: 'DPO office', note: 'sealed bag 7' }).expect(200);
    const [listed] = (await as(officer).get(`/v1/incidents/${id}/evidence`).expect(200)).body.items;
    expect(listed.custody.map(({ action, to }: { action: string; to: string | null }) => [action, to])).toEqual([
      ['collected', null],
      ['accessed', null],
      ['transferred', 'DPO office'],
    ]);
    expect(listed).toMatchObject({ custodyIntact: true, custodyFirstBroken: null });
    // Append-only: no route changes or deletes evidence.
    await svc.http().put(evidencePath).auth(officer, { type: 'bearer' }).send(evidence).expect(404);
    await svc.http().delete(evidencePath).auth(officer, { type: 'bearer' }).expect(404);

    await svc.db.query(`UPDATE security.incident_evidence SET content = convert_to('segment 0: nothing to see', 'UTF8') WHERE id = $1`, [added.id]);
    const [tampered] = (await as(officer).get(`/v1/incidents/${id}/evidence`).expect(200)).body.items;
    expect(tampered).toMatchObject({ integrity: 'tampered', sha256: evidence.sha256 });
    expect(tampered.actualSha256).not.toBe(evidence.sha256);
    const read = (await as(officer).get(evidencePath).expect(200)).body;
    expect(read).toMatchObject({ integrity: 'tampered' });
    expect(read.custody.at(-1)).toMatchObject({ action: 'accessed', intact: false });

    // The custody chain: each entry hashes the one before, so a rewritten entry is named.
    await svc.db.query(`UPDATE security.evidence_custody SET to_party = 'someone else' WHERE evidence_id = $1 AND action = 'transferred'`, [added.id]);
    const [rewritten] = (await as(officer).get(`/v1/incidents/${id}/evidence`).expect(200)).body.items;
    expect(rewritten).toMatchObject({ custodyIntact: false, custodyFirstBroken: 2 });

    // Another tenant sees none of it.
    const globex = await svc.token({ tenant: 'globex', roles: ['security'] });
    await as(globex).get(`/v1/incidents/${id}/evidence`).expect(404);
    await as(globex).get(evidencePath).expect(404);
    await eventually(async () => {
      expect(audited('evidence.add', id)).toHaveLength(1);
      expect(audited('evidence.accessed', id)).toHaveLength(2);
      expect(audited('evidence.transferred', id)).toHaveLength(1);
    });
  });

  it("catches a blob rewritten together with its stored sha256: the audit trail's evidence.add entry kept the original hash", async () => {
    const id = await openIncident('C-REWRITE');
    const content = Buffer.from('agent segment 3: 您的号码是 138****5678');
    const evidence = { name: 'segment-3.txt', mediaType: 'text/plain', content: content.toString('base64'), sha256: sha256(content) };
    const added = (await as(officer).post(`/v1/incidents/${id}/evidence`, evidence).expect(201)).body;
    const listPath = `/v1/incidents/${id}/evidence`;
    // Once the audit consumer has chained the evidence.add entry, reads compare against it.
    await eventually(async () => {
      const [item] = (await as(officer).get(listPath).expect(200)).body.items;
      expect(item).toMatchObject({ integrity: 'intact', integrityReason: null, auditedSha256: evidence.sha256 });
    });

    const forged = Buffer.from('agent segment 3: nothing to see');
    await svc.db.query(`UPDATE security.incident_evidence SET content = $2, sha256 = $3 WHERE id = $1`, [added.id, forged, sha256(forged)]);

    const [listed] = (await as(officer).get(listPath).expect(200)).body.items;
    // The blob matches its (rewritten) stored hash, so only the audit trail tells.
    expect(listed).toMatchObject({ sha256: sha256(forged), actualSha256: sha256(forged), auditedSha256: evidence.sha256, integrity: 'tampered' });
    expect(listed.integrityReason).toContain(`not the ${evidence.sha256} the audit trail recorded`);
    const read = (await as(officer).get(`${listPath}/${added.id}`).expect(200)).body;
    expect(read).toMatchObject({ integrity: 'tampered', auditedSha256: evidence.sha256 });
    expect(read.custody.at(-1)).toMatchObject({ action: 'accessed', intact: false });
    // The audit entry it was checked against is itself unbroken.
    await as(officer).get('/v1/audit/verify').expect(200).expect((res) => expect(res.body).toMatchObject({ intact: true }));
  });

  it("pins evidence.add under the evidence's id (the envelope names the incident), so a stored sha256 edited in PostgreSQL is caught against it", async () => {
    const id = await openIncident('C-PIN');
    const content = Buffer.from('agent segment 5: 您的号码是 138****5678');
    const evidence = { name: 'segment-5.txt', mediaType: 'text/plain', content: content.toString('base64'), sha256: sha256(content) };
    const added = (await as(officer).post(`/v1/incidents/${id}/evidence`, evidence).expect(201)).body;
    const listPath = `/v1/incidents/${id}/evidence`;
    // On the wire the envelope names the incident; the chain keeps the entry under data.subject, the evidence.
    await eventually(async () => {
      expect(audited('evidence.add', id)).toEqual([expect.objectContaining({ data: expect.objectContaining({ subject: { type: 'evidence', id: added.id } }) })]);
      const pins = await svc.db.query(`SELECT subject FROM security.audit_entries WHERE tenant_id = 'acme' AND event_id = $1`, [`evidence.add:${added.id}:${evidence.sha256}`]);
      expect(pins).toEqual([{ subject: added.id }]);
    });
    const [pinned] = (await as(officer).get(listPath).expect(200)).body.items;
    expect(pinned).toMatchObject({ integrity: 'intact', auditedSha256: evidence.sha256 });

    // Only the row's stored hash is edited: the content still hashes to what the audit trail kept.
    const edited = sha256(Buffer.from('something else'));
    await svc.db.query(`UPDATE security.incident_evidence SET sha256 = $2 WHERE tenant_id = 'acme' AND id = $1`, [added.id, edited]);

    const [listed] = (await as(officer).get(listPath).expect(200)).body.items;
    expect(listed).toMatchObject({ sha256: edited, actualSha256: evidence.sha256, auditedSha256: evidence.sha256, integrity: 'tampered' });
    expect(listed.integrityReason).toContain(`the stored sha256 ${edited} is not the ${evidence.sha256} the audit trail recorded`);
    const read = (await as(officer).get(`${listPath}/${added.id}`).expect(200)).body;
    expect(read).toMatchObject({ integrity: 'tampered', auditedSha256: evidence.sha256 });
    expect(read.custody.at(-1)).toMatchObject({ action: 'accessed', sha256Observed: evidence.sha256, intact: false });
  });

  // Last: it closes the app the other tests use and starts two replicas on the same database and namespace.
  it('fires at start, flagged late, a step that fell due while security was down, once across two replicas', async () => {
    const initech = await svc.token({ tenant: 'initech', roles: ['security'] });
    const id = await openIncident('C-DOWNTIME', 'initech', initech);
    const due = new Date((await detail(id, initech)).steps.find((step: Step) => step.id === 'report').dueAt);
    await svc.app.close();
    await eventually(
      async () => {
        const [{ late }] = await svc.db.query(`SELECT now() > $1::timestamptz + interval '5.5 seconds' AS late`, [due]);
        expect(late).toBe(true);
      },
      { timeoutMs: 15_000, intervalMs: 250 },
    );
    expect(escalations(id)).toEqual([]);

    const start = () => bootstrapService(AppModule, { name: 'security', defaultPort: 0, microservice: amqpConsumer('security') });
    replicas.push(...(await Promise.all([start(), start()])));
    const [escalated] = await eventually(
      async () => {
        expect(escalations(id)).toHaveLength(1);
        return escalations(id);
      },
      { timeoutMs: 15_000 },
    );
    expect(escalated.data).toMatchObject({ stepId: 'report', late: true, escalationLevel: 1, dueAt: due.toISOString(), standardVersion: 'initech:3@1' });
    expect(await timerDue(id, 'report')).toBeUndefined();
    const overdue = await svc.db.query(`SELECT count(*)::int AS n FROM security.incident_timeline WHERE incident_id = $1 AND kind = 'step_overdue'`, [id]);
    expect(overdue).toEqual([{ n: 1 }]);
  });
});
