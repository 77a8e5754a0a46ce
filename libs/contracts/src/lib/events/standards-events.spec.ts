import { standardsPublished } from './standards-events';

describe('standards.published', () => {
  const data = {
    version: '3',
    effectiveFrom: '2026-01-01T00:00:00+08:00',
    standards: { 'answer-time': { kind: 'deadline', seconds: 20 } },
  };

  it("carries a tenant version's overrides, each a loose object with a kind", () => {
    expect(standardsPublished.data.parse(data)).toEqual(data);
    expect(standardsPublished.data.safeParse({ ...data, standards: {} }).success).toBe(true);
  });

  it('refuses an override without a kind, and a version without an effective date', () => {
    const noKind = standardsPublished.data.safeParse({ ...data, standards: { 'answer-time': { seconds: 20 } } });
    expect(noKind.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['standards.answer-time.kind']);
    const noDate = standardsPublished.data.safeParse({ version: '3', standards: {} });
    expect(noDate.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['effectiveFrom']);
  });
});
