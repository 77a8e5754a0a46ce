import { expectServedOpenApi, startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

describe('quality: the OpenAPI document at /docs-json (real HTTP)', () => {
  let svc: StartedService;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'quality' });
  });

  afterAll(() => svc?.stop());

  it('lints clean, and documents JWT routes with their response schema and problems, and health as open', async () => {
    await expectServedOpenApi(svc, '/v1/kpis', 'KpiReport');
    await expectServedOpenApi(svc, '/v1/kpis/contact-tallies', 'ContactTally');
    await expectServedOpenApi(svc, '/v1/scores/{contactId}', 'ContactScore');
    await expectServedOpenApi(svc, '/v1/reports/compliance', 'ComplianceReport');
    await expectServedOpenApi(svc, '/v1/reports/compliance/evidence', 'ComplianceEvidencePage');
    await expectServedOpenApi(svc, '/v1/scorecards', 'ScorecardPage');
    await expectServedOpenApi(svc, '/v1/scorecards/{agentId}/ledger', 'LedgerPage');
    await expectServedOpenApi(svc, '/v1/scorecard-scheme', 'ScorecardScheme');
    await expectServedOpenApi(svc, '/v1/disputes', 'LedgerDisputePage');
    await expectServedOpenApi(svc, '/v1/improvement-actions', 'ImprovementActionPage');
    await expectServedOpenApi(svc, '/v1/improvement-actions/{actionId}', 'ImprovementAction');
    await expectServedOpenApi(svc, '/v1/alerts', 'AlertPage');
    await expectServedOpenApi(svc, '/v1/alerts/{alertId}', 'Alert');
    await expectServedOpenApi(svc, '/v1/alert-rules', 'AlertRuleList');
    await expectServedOpenApi(svc, '/v1/webhooks', 'Webhook');
    await expectServedOpenApi(svc, '/v1/webhooks/{id}/deliveries', 'WebhookDelivery');
  });

  it('documents the alert stream as text/event-stream, for JWT callers only', async () => {
    const doc = (await svc.http().get('/docs-json').expect(200)).body;
    const stream = doc.paths['/v1/alerts/stream'].get;
    expect(stream.security).toBeUndefined();
    expect(Object.keys(stream.responses['200'].content)).toEqual(['text/event-stream']);
    expect(stream.responses['401'].content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
  });
});
