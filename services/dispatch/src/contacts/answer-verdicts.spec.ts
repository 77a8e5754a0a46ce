import { parseWarnTimerKey, warnTimerKey } from './answer-verdicts';

describe('warn timer keys', () => {
  it('round-trip a contact id and point, even a contact id holding @', () => {
    expect(parseWarnTimerKey(warnTimerKey('c-1', 0.5))).toEqual({ contactId: 'c-1', point: 0.5 });
    expect(parseWarnTimerKey(warnTimerKey('sip:alice@example.com', 0.25))).toEqual({ contactId: 'sip:alice@example.com', point: 0.25 });
  });
});
