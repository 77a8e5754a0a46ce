/**
 * Rewrites the published contract baseline, libs/contracts/published/v1.json, from the catalogue.
 *
 *   npm run contracts:baseline              record compatible changes (new types, new optional fields)
 *   npm run contracts:baseline -- --check   write nothing; exit 1 if the baseline is out of date
 *   npm run contracts:baseline -- --force   record even incompatible changes (don't: add a new type
 *                                           version instead, DESIGN decision 2)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkCompatibility, type ContractSnapshot } from '../src/lib/compatibility';
import { serializeContracts, snapshotContracts } from '../src/lib/contract-snapshot';

const BASELINE = resolve(__dirname, '../published/v1.json');

function main(args: string[]): number {
  const unknown = args.filter((arg) => arg !== '--force' && arg !== '--check');
  if (unknown.length > 0) {
    console.error(`Unknown argument(s): ${unknown.join(' ')}. Usage: write-baseline [--check | --force]`);
    return 2;
  }
  const force = args.includes('--force');
  const checkOnly = args.includes('--check');
  const file = relative(process.cwd(), BASELINE);
  const current = snapshotContracts();
  const text = serializeContracts(current);
  const previousText = existsSync(BASELINE) ? readFileSync(BASELINE, 'utf8') : undefined;

  if (previousText === text) {
    console.log(`${file} is up to date.`);
    return 0;
  }
  const previous = previousText === undefined ? undefined : (JSON.parse(previousText) as ContractSnapshot);
  const problems = previous ? checkCompatibility(previous, current) : [];
  if (problems.length > 0) {
    console.error(`Incompatible contract changes against ${file}:`);
    for (const problem of problems) {
      console.error(`  - ${problem}`);
    }
  }
  if (checkOnly) {
    console.error(`${file} is out of date: run npm run contracts:baseline`);
    return 1;
  }
  if (problems.length > 0 && !force) {
    console.error(
      'Not written. A published contract may only grow compatibly; define a new version of the event type instead, ' +
        'or pass --force if this contract has never been released.',
    );
    return 1;
  }
  const added = Object.keys(current.events).filter((type) => !previous || !Object.hasOwn(previous.events, type));
  writeFileSync(BASELINE, text);
  console.log(`Wrote ${file}${added.length > 0 ? `; new event types: ${added.join(', ')}` : ''}.`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
