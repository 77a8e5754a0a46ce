import { affectedRange, followedByRepeat } from './repeat-contacts';

const H = 3_600_000;

describe('repeat contacts (first-contact resolution)', () => {
  it('flags a contact another of the same customer followed within the window, the window included', () => {
    const flags = followedByRepeat(
      [
        { contactId: 'c3', at: 145 * H },
        { contactId: 'c1', at: 0 },
        { contactId: 'c2', at: 72 * H },
      ],
      72 * H,
    );
    expect(Object.fromEntries(flags)).toEqual({ c1: true, c2: false, c3: false });
  });

  it('orders simultaneous contacts by id, so the flags do not depend on arrival', () => {
    expect(Object.fromEntries(followedByRepeat([{ contactId: 'b', at: 5 }, { contactId: 'a', at: 5 }], H))).toEqual({ a: true, b: false });
  });

  it('recounts the predecessors within the window of a contact placed or moved', () => {
    expect(affectedRange([10 * H], 2 * H)).toEqual({ from: 8 * H, to: 10 * H });
    expect(affectedRange([10 * H, 4 * H], 2 * H)).toEqual({ from: 2 * H, to: 10 * H });
  });
});
