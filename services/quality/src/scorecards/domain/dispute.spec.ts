import { applyScheme } from './apply-scheme';
import { DisputeRefused, openDispute, ruleOnDispute } from './dispute';
import { compensationOf } from './ledger-entry';
import { DEFAULT_SCHEME } from './scheme';

const [entry] = applyScheme(
  'acme',
  { kind: 'survey', eventId: 'v1', eventType: 'survey.completed', at: new Date('2026-11-05T00:00:00Z'), score: 1, subject: { type: 'contact', id: 'C1' } },
  { agentId: 'a7', team: null },
  { version: 0, scheme: DEFAULT_SCHEME },
  () => 'e1',
);
const at = new Date('2026-11-06T00:00:00Z');
const dispute = (over: Partial<Parameters<typeof openDispute>[1]> = {}, reversed = false) =>
  openDispute({ ...entry, reversed }, { id: 'd1', agentId: 'a7', reason: 'the customer meant the network', at, alreadyDisputed: false, ...over });
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as DisputeRefused).code;
  }
  return undefined;
};

describe('disputes', () => {
  it('an agent opens a dispute of their own entry', () => {
    expect(dispute()).toMatchObject({ id: 'd1', entryId: 'e1', agentId: 'a7', state: 'open', ruledBy: null });
  });

  it('refuses someone else’s entry, a reversed or compensating one, and a second dispute', () => {
    expect(refusal(() => dispute({ agentId: 'a8' }))).toBe('not-yours');
    expect(refusal(() => dispute({}, true))).toBe('not-disputable');
    const reversal = compensationOf(entry, { id: 'c1', evidenceEventId: 'w', evidenceType: 'x', reason: 'r', occurredAt: at });
    expect(refusal(() => openDispute({ ...reversal, reversed: false }, { id: 'd2', agentId: 'a7', reason: 'r', at, alreadyDisputed: false }))).toBe('not-disputable');
    expect(refusal(() => dispute({ alreadyDisputed: true }))).toBe('already-disputed');
  });

  it('is ruled once: upheld names the compensation, rejected none; a second ruling is refused', () => {
    const upheld = ruleOnDispute(dispute(), { decision: 'upheld', note: 'agreed', by: 'sup1', at, compensationEntryId: 'c1' });
    expect(upheld).toMatchObject({ state: 'upheld', ruledBy: 'sup1', rulingNote: 'agreed', compensationEntryId: 'c1' });
    expect(ruleOnDispute(dispute(), { decision: 'rejected', note: 'no', by: 'sup1', at, compensationEntryId: 'c1' })).toMatchObject({ state: 'rejected', compensationEntryId: null });
    expect(refusal(() => ruleOnDispute(upheld, { decision: 'rejected', note: 'changed my mind', by: 'sup2', at, compensationEntryId: null }))).toBe('already-ruled');
  });
});
