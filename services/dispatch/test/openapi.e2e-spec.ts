import { expectServedOpenApi, startService, type StartedService } from '@hotline/testing/service';
import { AppModule } from '../src/app.module';

describe('dispatch: the OpenAPI document at /docs-json (real HTTP)', () => {
  let svc: StartedService;

  beforeAll(async () => {
    svc = await startService(AppModule, { name: 'dispatch' });
  });

  afterAll(() => svc?.stop());

  it('lints clean, and documents JWT routes with their response schema and problems, and health as open', () =>
    expectServedOpenApi(svc, '/v1/cases/{caseId}', 'Case'));

  it('documents the cases routes: the list, the timeline, and transitions with their 409', async () => {
    const { paths } = (await svc.http().get('/docs-json').expect(200)).body;
    expect(JSON.stringify(paths['/v1/cases'].get.responses['200'])).toContain('#/components/schemas/CasePage');
    expect(JSON.stringify(paths['/v1/cases/{caseId}/timeline'].get.responses['200'])).toContain('#/components/schemas/CaseTimeline');
    const transition = paths['/v1/cases/{caseId}/transitions'].post;
    expect(JSON.stringify(transition.requestBody)).toContain('#/components/schemas/CaseTransitionRequest');
    expect(Object.keys(transition.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '409']));
    expect(transition.responses['409'].description).toContain('`allowed`');
  });

  it('documents the complaint routes: the list, a complaint, its steps with their 409s, and the export as JSON or CSV', async () => {
    const { paths } = (await svc.http().get('/docs-json').expect(200)).body;
    expect(JSON.stringify(paths['/v1/complaints'].get.responses['200'])).toContain('#/components/schemas/ComplaintPage');
    expect(JSON.stringify(paths['/v1/complaints/{complaintId}'].get.responses['200'])).toContain('#/components/schemas/Complaint');
    for (const step of ['acknowledgement', 'communications', 'resolution', 'feedback', 'archive']) {
      const operation = paths[`/v1/complaints/{complaintId}/${step}`].post;
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['404', '409']));
      expect(operation.responses['409'].description).toContain('archived');
    }
    expect(JSON.stringify(paths['/v1/complaints/{complaintId}/communications'].post.requestBody)).toContain('#/components/schemas/ComplaintCommunicationRequest');
    const exported = paths['/v1/complaints/{complaintId}/export'].get.responses['200'].content;
    expect(Object.keys(exported)).toEqual(['application/json', 'text/csv']);
    expect(JSON.stringify(exported['application/json'])).toContain('#/components/schemas/ComplaintExport');
  });

  it('documents the routing routes: agents, teams, rules and a case’s assignment, with their problems', async () => {
    const { paths } = (await svc.http().get('/docs-json').expect(200)).body;
    expect(JSON.stringify(paths['/v1/agents'].get.responses['200'])).toContain('#/components/schemas/RoutingAgentPage');
    expect(Object.keys(paths['/v1/agents/{agentId}'].put.responses)).toEqual(expect.arrayContaining(['200', '400', '403']));
    expect(Object.keys(paths['/v1/teams/{teamId}'].get.responses)).toEqual(expect.arrayContaining(['200', '404']));
    expect(JSON.stringify(paths['/v1/routing/rules'].put.requestBody)).toContain('#/components/schemas/RoutingRulesRequest');
    expect(Object.keys(paths['/v1/cases/{caseId}/assignment/accept'].post.responses)).toEqual(expect.arrayContaining(['200', '404', '409']));
    expect(Object.keys(paths['/v1/cases/{caseId}/assignment'].post.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '409']));
  });

  it('documents the escalation and outage routes with their schemas and problems', async () => {
    const { paths } = (await svc.http().get('/docs-json').expect(200)).body;
    const escalate = paths['/v1/cases/{caseId}/escalations'].post;
    expect(JSON.stringify(escalate.responses['200'])).toContain('#/components/schemas/Escalation');
    expect(Object.keys(escalate.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '409']));
    expect(Object.keys(paths['/v1/cases/{caseId}/escalation/acknowledge'].post.responses)).toEqual(expect.arrayContaining(['200', '404', '409']));
    expect(JSON.stringify(paths['/v1/escalation-chains/{policyId}'].put.requestBody)).toContain('#/components/schemas/EscalationChainRequest');
    expect(JSON.stringify(paths['/v1/outages'].post.responses['201'])).toContain('#/components/schemas/Outage');
    expect(JSON.stringify(paths['/v1/outages'].get.responses['200'])).toContain('#/components/schemas/OutagePage');
    expect(Object.keys(paths['/v1/outages/{outageId}/resolution'].post.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '409']));
  });

  it('documents the calendar and SLA policy routes and the priority change, with their 422s and 409', async () => {
    const { paths } = (await svc.http().get('/docs-json').expect(200)).body;
    expect(JSON.stringify(paths['/v1/calendars'].get.responses['200'])).toContain('#/components/schemas/BusinessCalendarPage');
    expect(JSON.stringify(paths['/v1/sla-policies'].get.responses['200'])).toContain('#/components/schemas/SlaPolicySettingPage');
    for (const list of ['/v1/calendars', '/v1/sla-policies']) {
      expect(paths[list].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['limit', 'cursor']));
    }
    const putCalendar = paths['/v1/calendars/{calendarId}'].put;
    expect(JSON.stringify(putCalendar.requestBody)).toContain('#/components/schemas/BusinessCalendarRequest');
    expect(Object.keys(putCalendar.responses)).toEqual(expect.arrayContaining(['200', '400', '403', '422']));
    expect(Object.keys(paths['/v1/calendars/{calendarId}'].get.responses)).toEqual(expect.arrayContaining(['200', '404']));
    expect(JSON.stringify(paths['/v1/sla-policies/{policyId}'].put.requestBody)).toContain('#/components/schemas/SlaPolicySettingRequest');
    expect(Object.keys(paths['/v1/sla-policies/{policyId}'].put.responses)).toEqual(expect.arrayContaining(['200', '400', '422']));
    const priority = paths['/v1/cases/{caseId}/priority'].post;
    expect(JSON.stringify(priority.requestBody)).toContain('#/components/schemas/CasePriorityRequest');
    expect(Object.keys(priority.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '409']));
  });
});
