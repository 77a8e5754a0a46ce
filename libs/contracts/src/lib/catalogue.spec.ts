import { z } from 'zod';
import { catalogue, eventTypes, isKnownEventType, isPlatformEventType, platformEventTypes } from './catalogue';
import { defineEvent } from './event-definition';

describe('catalogue', () => {
  it('holds exactly the platform events of DESIGN.md', () => {
    expect([...platformEventTypes].sort()).toEqual(
      [
        'contact.queued',
        'contact.answered',
        'contact.abandoned',
        'contact.transferred',
        'contact.ended',
        'contact.completed',
        'transcript.recorded',
        'transcript.segmented',
        'survey.completed',
        'case.opened',
        'fault.reported',
        'complaint.filed',
        'agent.status_changed',
        'security.reported',
      ].sort(),
    );
  });

  it.each([
    ['case.assigned', 'dispatch'],
    ['case.escalated', 'dispatch'],
    ['case.resolved', 'dispatch'],
    ['sla.warned', 'dispatch'],
    ['sla.breached', 'dispatch'],
    ['sla.withdrawn', 'dispatch'],
    ['case.transitioned', 'dispatch'],
    ['case.priority_changed', 'dispatch'],
    ['audit.recorded', 'any service'],
    ['alert.raised', 'quality'],
    ['alert.updated', 'quality'],
    ['alert.resolved', 'quality'],
    ['contact.scored', 'quality'],
    ['incident.opened', 'security'],
    ['incident.transitioned', 'security'],
    ['incident.escalated', 'security'],
    ['access.denied', 'intake'],
    ['standards.published', 'intake'],
  ])('has %s published by %s', (type, publisher) => {
    expect(isKnownEventType(type) && catalogue[type].publishedBy).toBe(publisher);
  });

  it('keys every definition by its own type, at version 1', () => {
    for (const type of eventTypes) {
      expect(catalogue[type].type).toBe(type);
      expect(catalogue[type].version).toBe('1');
    }
    expect(eventTypes).toHaveLength(33);
  });

  it.each([['case.escalated'], ['sla.warned'], ['sla.breached']])(
    '%s records the standard and version it applied (MANUAL.md ch. 8)',
    (type) => {
      const result = isKnownEventType(type) ? catalogue[type].data.safeParse({}) : undefined;
      const missing = result?.success ? [] : result?.error.issues.map((issue) => issue.path.join('.'));
      expect(missing).toEqual(expect.arrayContaining(['standardId', 'standardVersion']));
    },
  );

  it('tells known and platform types apart', () => {
    expect(isKnownEventType('sla.breached')).toBe(true);
    expect(isKnownEventType('sla.unknown')).toBe(false);
    expect(isKnownEventType('toString')).toBe(false);
    expect(isKnownEventType(42)).toBe(false);
    expect(isPlatformEventType('contact.queued')).toBe(true);
    expect(isPlatformEventType('sla.breached')).toBe(false);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(catalogue)).toBe(true);
    expect(Object.isFrozen(catalogue['contact.queued'])).toBe(true);
  });
});

describe('defineEvent', () => {
  const data = z.looseObject({ id: z.string() });

  it('refuses a type that is not <entity>.<verb>', () => {
    expect(() => defineEvent({ type: 'ContactQueued', version: '1', description: '', publishedBy: 'platform', data })).toThrow(
      /entity/,
    );
  });

  it('refuses a version that is not a positive integer', () => {
    expect(() => defineEvent({ type: 'contact.queued', version: 'v1', description: '', publishedBy: 'platform', data })).toThrow(
      /version/,
    );
  });
});
