import { builtInStandards, ResolvedStandards } from '@hotline/standards';
import { bruteForce, denialSource, piiSpokenByAgent } from './detection-rules';

const segments = [
  { role: 'customer', text: '我的号码是 138****5678' },
  { role: 'agent', text: '好的，您的号码 138****5678' },
];

describe('piiSpokenByAgent', () => {
  it('finds personal data intake masked in an agent segment, keyed by agent and contact', () => {
    const found = piiSpokenByAgent({ contactId: 'c1', agentId: 'a1', segments, redactions: [{ path: 'segments.1.text', kind: 'mobile', count: 1 }] });
    expect(found).toMatchObject({ type: 'pii_spoken_by_agent', dedupKey: 'pii_spoken_by_agent:a1:c1', detail: { kinds: ['mobile'], count: 1 } });
  });

  it('ignores what the customer said and transcripts without redactions', () => {
    expect(piiSpokenByAgent({ contactId: 'c1', agentId: 'a1', segments, redactions: [{ path: 'segments.0.text', kind: 'mobile', count: 1 }] })).toBeUndefined();
    expect(piiSpokenByAgent({ contactId: 'c1', agentId: 'a1', segments })).toBeUndefined();
  });

  it('does not take a path outside the segments for one of them', () => {
    expect(piiSpokenByAgent({ contactId: 'c1', segments, redactions: [{ path: 'segmentsX.1.text', kind: 'name', count: 1 }] })).toBeUndefined();
  });
});

describe('bruteForce', () => {
  const standard = new ResolvedStandards(builtInStandards).standard('brute-force-attempts');

  it('fires at the standard’s count, one key per source, naming the standard applied', () => {
    expect(bruteForce('key:abc', 19, standard)).toBeUndefined();
    expect(bruteForce('key:abc', 20, standard)).toMatchObject({
      type: 'brute_force',
      severity: 'P3',
      dedupKey: 'brute_force:key:abc',
      windowMinutes: 15,
      standard: { standardId: 'brute-force-attempts', standardVersion: '1' },
    });
  });

  it('takes a tenant’s tighter count', () => {
    expect(bruteForce('key:abc', 5, { ...standard, count: 5, standardVersion: 'acme:1@1' })?.standard?.standardVersion).toBe('acme:1@1');
  });

  it('is more severe for a flood', () => {
    expect(bruteForce('key:abc', 200, standard)?.severity).toBe('P2');
  });

  it('names the source by key prefix, else by address', () => {
    expect(denialSource({ keyPrefix: 'hk_abc', remoteAddress: '10.0.0.1' })).toBe('key:hk_abc');
    expect(denialSource({ remoteAddress: '10.0.0.1' })).toBe('address:10.0.0.1');
  });
});
