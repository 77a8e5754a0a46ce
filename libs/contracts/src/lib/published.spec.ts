import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventTypes } from './catalogue';
import { checkCompatibility, type ContractSnapshot } from './compatibility';
import { serializeContracts, snapshotContracts } from './contract-snapshot';

/**
 * The contract snapshot test (DESIGN decision 2): the published baseline may only grow
 * compatibly. After a compatible change run `npm run contracts:baseline` and commit the file.
 */
const BASELINE_FILE = join(__dirname, '../../published/v1.json');

describe('published contracts (published/v1.json)', () => {
  const baselineText = readFileSync(BASELINE_FILE, 'utf8');
  const baseline = JSON.parse(baselineText) as ContractSnapshot;
  const current = snapshotContracts();

  it('has changed only compatibly since it was published', () => {
    expect(checkCompatibility(baseline, current)).toEqual([]);
  });

  it('records every catalogue type (run npm run contracts:baseline after adding one)', () => {
    expect(Object.keys(baseline.events).sort()).toEqual([...eventTypes].sort());
  });

  it('records the current schemas (run npm run contracts:baseline after a compatible change)', () => {
    expect(baselineText).toBe(serializeContracts(current));
  });

  it('publishes both envelopes', () => {
    expect(Object.keys(baseline.envelopes).sort()).toEqual(['cloudEvent', 'incomingEvent']);
  });

  it('leaves out the regex zod generates for a format, so a zod upgrade does not look like a change', () => {
    const time = (current.envelopes['cloudEvent'] as { properties: Record<string, object> }).properties['time'];
    expect(time).toEqual({ type: 'string', format: 'date-time' });
  });
});
