import { IllegalActionTransition, isOverdue, openAction, transitionAction } from './improvement-action';

const at = new Date('2026-11-10T09:00:00Z');
const opened = openAction({ id: 'i1', tenantId: 'acme', title: 'Coach on greetings', source: { kind: 'scorecard', id: 'a7:2026-11' }, owner: 'lead1', dueAt: new Date('2026-11-20T00:00:00Z') }, 'sup1', at);

describe('improvement actions', () => {
  it('opens with its first history entry and moves open → in_progress → done, each move recorded', () => {
    expect(opened).toMatchObject({ state: 'open', history: [{ from: null, to: 'open', actor: 'sup1' }] });
    const started = transitionAction(opened, 'in_progress', 'lead1', 'booked a session', new Date('2026-11-11T00:00:00Z'));
    const done = transitionAction(started, 'done', 'lead1', null, new Date('2026-11-12T00:00:00Z'));
    expect(done.history.map((h) => [h.from, h.to, h.actor, h.note])).toEqual([
      [null, 'open', 'sup1', null],
      ['open', 'in_progress', 'lead1', 'booked a session'],
      ['in_progress', 'done', 'lead1', null],
    ]);
    expect(done.updatedAt).toEqual(new Date('2026-11-12T00:00:00Z'));
  });

  it('may be cancelled from open or in progress, and never leaves done or cancelled', () => {
    expect(transitionAction(opened, 'cancelled', 'sup1', 'duplicate', at).state).toBe('cancelled');
    expect(() => transitionAction(opened, 'done', 'sup1', null, at)).toThrow(IllegalActionTransition);
    const cancelled = transitionAction(opened, 'cancelled', 'sup1', null, at);
    expect(() => transitionAction(cancelled, 'open', 'sup1', null, at)).toThrow(/from cancelled/);
  });

  it('is overdue only while unfinished past its due time', () => {
    const late = new Date('2026-11-21T00:00:00Z');
    expect(isOverdue(opened, late)).toBe(true);
    expect(isOverdue(opened, at)).toBe(false);
    expect(isOverdue(transitionAction(transitionAction(opened, 'in_progress', 'l', null, at), 'done', 'l', null, at), late)).toBe(false);
  });
});
