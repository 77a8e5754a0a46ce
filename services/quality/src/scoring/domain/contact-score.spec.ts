import { type ContactScore, latestPerContact } from './contact-score';

const score = (contactId: string, time: string, value: number): ContactScore => ({
  tenantId: 'acme',
  contactId,
  score: value,
  deductions: [],
  standardId: 'etiquette',
  standardVersion: '1',
  rulesVersion: '1',
  transcriptTime: new Date(time),
});

describe('latestPerContact', () => {
  it("keeps each contact's latest transcript, the later in the batch on a tie", () => {
    const kept = latestPerContact([
      score('c1', '2026-11-25T10:00:00Z', 50),
      score('c2', '2026-11-25T10:00:00Z', 60),
      score('c1', '2026-11-25T09:00:00Z', 70),
      score('c2', '2026-11-25T10:00:00Z', 80),
    ]);
    expect(kept.map((s) => [s.contactId, s.score])).toEqual([
      ['c1', 50],
      ['c2', 80],
    ]);
  });
});
