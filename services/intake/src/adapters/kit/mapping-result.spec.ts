import { validateIncomingEvent } from '@hotline/contracts';
import { catalogueErrors, firstPerField } from './catalogue-errors';
import { mappedEvent } from './mapped-event';
import { mapEach, mapped, type MappingResult, unmappable } from './mapping-result';
import { phoneNumberOf } from './phone-number';

const ended = (contactId: string) => mappedEvent('contact.ended', { id: `p:${contactId}:ended`, source: '/p', time: '2026-11-25T01:30:00Z' }, { contactId, agentId: undefined });

describe('mappedEvent', () => {
  it('leaves out the optional fields the platform gave no value for, and passes the catalogue', () => {
    const event = ended('c-1');
    expect(event).toEqual({ id: 'p:c-1:ended', source: '/p', type: 'contact.ended', time: '2026-11-25T01:30:00Z', data: { contactId: 'c-1' } });
    expect(validateIncomingEvent(event)).toMatchObject({ ok: true });
  });
});

describe('mapEach', () => {
  const byName = (record: unknown): MappingResult =>
    typeof record === 'string' ? mapped([ended(record)]) : record === null ? { outcome: 'ignored', eventType: 'x', reason: 'no milestone' } : unmappable([{ path: 'id', message: 'Required' }]);

  it('maps every record in order, ignored ones adding nothing', () => {
    const result = mapEach(['a', null, 'b'], true, byName);
    expect(result.outcome === 'mapped' && result.events.map((e) => e.data.contactId)).toEqual(['a', 'b']);
  });

  it('refuses the whole delivery when one record is unmappable, with its index only in a batch', () => {
    expect(mapEach(['a', 1], true, byName)).toEqual({ outcome: 'unmappable', errors: [{ index: 1, path: 'id', message: 'Required' }] });
    expect(mapEach([1], false, byName)).toEqual({ outcome: 'unmappable', errors: [{ path: 'id', message: 'Required' }] });
  });

  it('refuses an empty delivery when told what it should have held', () => {
    expect(mapEach([], true, byName, 'No records')).toEqual({ outcome: 'unmappable', errors: [{ index: 0, path: '', message: 'No records' }] });
    expect(mapEach([], true, byName)).toEqual({ outcome: 'mapped', events: [] });
  });
});

describe('catalogueErrors', () => {
  it('names the platform field a refused value came from, and each field once', () => {
    const event = mappedEvent('contact.answered', { id: 'p:c:answered', source: '/p', time: '2026-11-25T01:30:00Z' }, { contactId: 'c', agentId: 'a', queue: 'q'.repeat(201) });
    const errors = catalogueErrors(event, 'record', (path) => (path === 'data.queue' ? 'Queue.Name' : undefined));
    expect(errors).toEqual([{ path: 'Queue.Name', message: expect.stringContaining('(as data.queue of the contact.answered event mapped from this record)') }]);
    expect(firstPerField([...errors, ...errors])).toEqual(errors);
    expect(catalogueErrors(ended('c'), 'record', () => undefined)).toEqual([]);
  });
});

describe('phoneNumberOf', () => {
  it('takes phone numbers, with or without tel:, and nothing else', () => {
    expect(phoneNumberOf('tel:+8613912345678')).toBe('+8613912345678');
    expect(phoneNumberOf(' +1 (206) 555-0100 ')).toBe('+1 (206) 555-0100');
    expect(phoneNumberOf('sip:alice@example.com')).toBeUndefined();
    expect(phoneNumberOf('Alice')).toBeUndefined();
    expect(phoneNumberOf(undefined)).toBeUndefined();
  });
});
