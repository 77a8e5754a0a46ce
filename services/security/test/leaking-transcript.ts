import { type CloudEvent, newCloudEvent } from '@hotline/contracts';

/** A transcript as intake publishes it in which the agent read a customer's (masked) mobile number back: a leak incident's cause. */
export function leakingTranscript(contactId: string, tenantId: string, agentId = 'A-7'): CloudEvent {
  return newCloudEvent({
    type: 'transcript.recorded',
    source: '/hotline/intake',
    tenantId,
    data: {
      contactId,
      agentId,
      language: 'zh',
      segments: [{ role: 'agent', text: '您的号码是 138****5678', beginOffsetMs: 0, endOffsetMs: 3000 }],
      redactions: [{ path: 'segments.0.text', kind: 'mobile', count: 1 }],
    },
  });
}
