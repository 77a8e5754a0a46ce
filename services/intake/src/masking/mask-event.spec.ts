import type { CloudEvent } from '@hotline/contracts';
import { maskEvent } from './mask-event';

const event = (data: Record<string, unknown>): CloudEvent => ({
  specversion: '1.0',
  id: 'e-1',
  source: '/test',
  type: 'transcript.recorded',
  time: '2026-11-25T08:00:00Z',
  datacontenttype: 'application/json',
  dataversion: '1',
  tenantid: 'acme',
  data,
});

describe('maskEvent', () => {
  it('masks free text, keeps identifiers, and records what it masked without values', () => {
    const masked = maskEvent(
      event({
        contactId: 'c-1',
        segments: [
          { role: 'customer', text: '您好', beginOffsetMs: 0, endOffsetMs: 900 },
          { role: 'agent', text: '您的手机号是13812345678吗', beginOffsetMs: 1000, endOffsetMs: 3000 },
        ],
      }),
    );
    const data = masked.data as { contactId: string; segments: { text: string }[]; redactions: unknown[] };
    expect(data.contactId).toBe('c-1');
    expect(data.segments[1].text).not.toContain('13812345678');
    expect(data.redactions).toEqual([{ path: 'segments.1.text', kind: 'mobile', count: 1 }]);
    expect(JSON.stringify(data.redactions)).not.toContain('5678');
  });

  it('adds no redactions when nothing was masked, and drops any a client sent', () => {
    const masked = maskEvent(event({ contactId: 'c-1', redactions: [{ path: 'x', kind: 'email', count: 9 }] }));
    expect(masked.data).toEqual({ contactId: 'c-1' });
  });
});
