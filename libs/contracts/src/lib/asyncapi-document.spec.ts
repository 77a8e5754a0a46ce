import { asyncApiDocument } from './asyncapi-document';

describe('asyncApiDocument', () => {
  const doc = asyncApiDocument() as unknown as {
    channels: Record<string, { address: string; 'x-hotline-consumers': string[] }>;
    operations: Record<string, { action: string; 'x-hotline-publisher': string }>;
  };

  it('names the queues each type is delivered to, from the subscription table', () => {
    expect(doc.channels['contactQueued']['x-hotline-consumers']).toEqual(['dispatch.contacts', 'quality.kpis', 'quality.alerts', 'security.audit']);
    expect(doc.channels['caseOpened']['x-hotline-consumers']).toEqual(['dispatch.cases', 'security.audit']);
    expect(doc.channels['faultReported']['x-hotline-consumers']).toEqual(['dispatch.cases', 'security.audit']);
    expect(doc.channels['complaintFiled']['x-hotline-consumers']).toEqual(['dispatch.cases', 'quality.kpis', 'security.audit']);
    // 'contact.*' queues hear contact.scored too; their handlers take no fact or clock from it.
    expect(doc.channels['contactScored']['x-hotline-consumers']).toEqual(['dispatch.contacts', 'quality.kpis', 'quality.ledger', 'quality.alerts', 'security.audit']);
    expect(doc.channels['slaBreached']['x-hotline-consumers']).toEqual(['dispatch.escalations', 'quality.kpis', 'quality.compliance', 'quality.ledger', 'quality.alerts', 'security.audit']);
    expect(doc.channels['caseAssigned']['x-hotline-consumers']).toEqual(['quality.kpis', 'quality.ledger', 'security.audit']);
    expect(doc.channels['transcriptRecorded']['x-hotline-consumers']).toEqual(['quality.scores', 'security.audit', 'security.detection']);
    expect(doc.channels['alertRaised']['x-hotline-consumers']).toEqual(['quality.alert-notifications', 'security.audit']);
    expect(doc.channels['alertResolved']['x-hotline-consumers']).toEqual(['quality.alert-notifications', 'security.audit']);
    expect(doc.channels['accessDenied']['x-hotline-consumers']).toEqual(['security.audit', 'security.detection']);
  });

  it('has platform events received (through intake) and the others sent by the service that owns them', () => {
    expect(doc.operations['receiveContactQueued']).toMatchObject({ action: 'receive', 'x-hotline-publisher': 'platform (through intake)' });
    expect(doc.operations['sendAccessDenied']).toMatchObject({ action: 'send', 'x-hotline-publisher': 'intake' });
    expect(doc.operations['sendIncidentOpened']).toMatchObject({ action: 'send', 'x-hotline-publisher': 'security' });
  });

  it('is plain JSON (no undefined, functions or cycles)', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
