import type { CaseActor } from '../../cases/domain/service-case';
import type { ComplaintEntry } from './complaint-entry';
import { complaintHistory, type FilingRecord, type StageMoveRecord } from './complaint-history';
import { HISTORY_CSV_COLUMNS, historyCsv } from './history-csv';

const agent: CaseActor = { id: 'agent-7', kind: 'user', roles: ['agent', 'supervisor'] };
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 9, minute));

const filing: FilingRecord = { at: at(0), eventId: 'ev-1', eventType: 'complaint.filed', category: 'billing', description: 'Charged twice, "again"', customerId: 'cust-1' };
const moves: StageMoveRecord[] = [
  { at: at(2), actor: agent, from: 'acceptance', to: 'handling', reason: 'on it', version: 2 },
  { at: at(5), actor: agent, from: 'handling', to: 'follow_up', reason: 'Refunded', version: 3 },
];
const entries: ComplaintEntry[] = [
  { kind: 'acknowledgement', at: at(1), actor: agent, note: null, channel: 'phone' },
  { kind: 'communication', at: at(3), actor: agent, direction: 'outbound', channel: 'sms', summary: 'Asked for the bill,\nplease', awaitingCustomer: true },
  { kind: 'resolution', at: at(5), actor: agent, resolution: 'Refunded' },
  { kind: 'feedback', at: at(6), actor: agent, satisfied: true, comment: null },
  { kind: 'archive', at: at(7), actor: agent },
];

describe("a complaint's history", () => {
  it('merges filing, stage moves and steps oldest first, a move before the step recorded with it', () => {
    const history = complaintHistory([filing], moves, entries);
    expect(history.map((entry) => entry.kind)).toEqual(['filed', 'acknowledgement', 'transition', 'communication', 'transition', 'resolution', 'feedback', 'archive']);
  });

  it('keeps lines of one time and kind in the order they were recorded', () => {
    const twice: ComplaintEntry[] = [
      { kind: 'communication', at: at(3), actor: agent, direction: 'outbound', channel: 'sms', summary: 'first', awaitingCustomer: false },
      { kind: 'communication', at: at(3), actor: agent, direction: 'inbound', channel: 'sms', summary: 'second', awaitingCustomer: false },
    ];
    expect(complaintHistory([], [], twice).map((entry) => (entry.kind === 'communication' ? entry.summary : ''))).toEqual(['first', 'second']);
  });

  it('exports one CSV row per entry under a fixed header, quoting what needs it', () => {
    const lines = historyCsv(complaintHistory([filing], moves, entries)).split('\r\n');
    expect(lines[0]).toBe(HISTORY_CSV_COLUMNS.join(','));
    expect(lines[1]).toBe('2026-11-25T09:00:00.000Z,filed,,,,,,,,,,billing,ev-1,"Charged twice, ""again"""');
    expect(lines[3]).toBe('2026-11-25T09:02:00.000Z,transition,agent-7,user,agent supervisor,acceptance,handling,,,,,,,on it');
    // A bare LF inside a quoted cell is part of the cell: rows end with CRLF only.
    expect(lines[4]).toBe('2026-11-25T09:03:00.000Z,communication,agent-7,user,agent supervisor,,,outbound,sms,true,,,,"Asked for the bill,\nplease"');
    expect(lines).toContain('2026-11-25T09:06:00.000Z,feedback,agent-7,user,agent supervisor,,,,,,true,,,');
    expect(lines.at(-1)).toBe('');
  });
});
